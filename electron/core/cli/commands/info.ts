import type { Command } from 'commander';
import { pickText } from '../../../../shared/domain/language';
import { readLibrarySnapshot } from '../../library';
import { t, type CliContext } from '../context';

export function registerInfo(program: Command, ctx: CliContext): void {
  program
    .command('info')
    .argument('<dir>', t(ctx, 'Bibliotheksordner', 'library folder'))
    .option('--json', t(ctx, 'Ausgabe als JSON', 'print JSON'))
    .description(
      t(
        ctx,
        'Name, Sprachen, Anzahl der Einträge und Ausstellungen anzeigen',
        'show name, languages, counts and exhibitions',
      ),
    )
    .action(async (dir: string, opts: { json?: boolean }) => {
      const snapshot = await readLibrarySnapshot(dir);
      const lang = snapshot.manifest.defaultLanguage;
      const info = {
        name: snapshot.manifest.name,
        schemaVersion: snapshot.manifest.schemaVersion,
        revision: snapshot.revision,
        defaultLanguage: lang,
        languages: snapshot.manifest.languages,
        counts: {
          items: snapshot.items.length,
          partnerships: snapshot.partnerships.length,
          awards: snapshot.awards.length,
          exhibitions: snapshot.exhibitions.length,
          media: snapshot.items.reduce((n, i) => n + i.media.length, 0),
        },
        exhibitions: snapshot.exhibitions.map((x) => ({
          slug: x.slug,
          title: pickText(x.title, ctx.lang, lang),
          languages: x.languages,
          chapters: x.chapters.length,
          status: x.status,
        })),
      };
      if (opts.json) {
        ctx.stdout(`${JSON.stringify(info, null, 2)}\n`);
        return;
      }
      const c = info.counts;
      const lines = [
        `${t(ctx, 'Bibliothek', 'Library')}: ${info.name}`,
        `${t(ctx, 'Sprachen', 'Languages')}: ${info.languages.join(', ')} (${t(ctx, 'Standard', 'default')}: ${lang})`,
        `${t(ctx, 'Objekte', 'Items')}: ${c.items}   ${t(ctx, 'Partnerschaften', 'Partnerships')}: ${c.partnerships}   ${t(ctx, 'Auszeichnungen', 'Awards')}: ${c.awards}   ${t(ctx, 'Mediendateien', 'Media files')}: ${c.media}`,
        `${t(ctx, 'Ausstellungen', 'Exhibitions')}: ${c.exhibitions}`,
        ...info.exhibitions.map(
          (x) =>
            `  ${x.slug}  „${x.title}“  [${x.languages.join(', ')}]  ${x.chapters} ${t(ctx, 'Kapitel', 'chapters')}  ${x.status}`,
        ),
      ];
      ctx.stdout(`${lines.join('\n')}\n`);
    });
}
