import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { LanguageCode } from '../../../../shared/domain/language';
import { createLibrary } from '../../library';
import { buildSampleLibrary } from '../../sample';
import { t, type CliContext } from '../context';
import { createProgressBar } from '../progress';
import { withWorker } from '../worker';

const DEFAULT_NAME = 'Neue Bibliothek';
const DEFAULT_LANGUAGES = 'de,en';

interface InitOptions {
  sample?: boolean;
  name?: string;
  lang?: string;
}

/** Why `dir` cannot take a new library, or null when it is missing or an empty folder. */
async function refusal(ctx: CliContext, dir: string): Promise<string | null> {
  let info;
  try {
    info = await stat(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if (!info.isDirectory())
    return t(
      ctx,
      `„${dir}“ ist eine Datei, kein Ordner. Geben Sie einen leeren oder neuen Ordner an.`,
      `“${dir}” is a file, not a folder. Give an empty or new folder.`,
    );
  const entries = await readdir(dir);
  if (entries.length === 0) return null;
  return t(
    ctx,
    `Der Ordner „${dir}“ ist nicht leer (${entries.length} Einträge). „vitrine init“ legt eine Bibliothek nur in einem leeren oder neuen Ordner an, damit nichts überschrieben wird.`,
    `The folder “${dir}” is not empty (${entries.length} entries). “vitrine init” only creates a library in an empty or new folder, so that nothing gets overwritten.`,
  );
}

/** "de, en" → ["de", "en"]; the first language becomes the default. */
function parseLanguages(
  ctx: CliContext,
  text: string,
): { languages: string[] } | { error: string } {
  const languages = [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  const bad = languages.filter((l) => !LanguageCode.safeParse(l).success);
  if (languages.length === 0 || bad.length > 0)
    return {
      error: t(
        ctx,
        `Ungültige Sprachliste „${text}“${bad.length ? ` (${bad.join(', ')})` : ''}. Erwartet werden Sprachcodes mit Komma getrennt, z. B. „de,en“ oder „de,en,ar“.`,
        `Invalid language list “${text}”${bad.length ? ` (${bad.join(', ')})` : ''}. Expected language codes separated by commas, e.g. “de,en” or “de,en,ar”.`,
      ),
    };
  return { languages };
}

function fail(ctx: CliContext, message: string): void {
  ctx.stderr(`${message}\n`);
  ctx.exitCode = 2;
}

export function registerInit(program: Command, ctx: CliContext): void {
  program
    .command('init')
    .argument(
      '<dir>',
      t(ctx, 'neuer oder leerer Ordner für die Bibliothek', 'new or empty folder for the library'),
    )
    .option(
      '--sample',
      t(
        ctx,
        'die Beispielbibliothek (Dortmund und seine Partnerstädte) anlegen',
        'create the sample library (Dortmund and its partner cities)',
      ),
    )
    .option(
      '--name <name>',
      t(
        ctx,
        `Name der Bibliothek (Standard: „${DEFAULT_NAME}“)`,
        `library name (default: “${DEFAULT_NAME}”)`,
      ),
    )
    .option(
      '--lang <codes>',
      t(
        ctx,
        'Sprachen mit Komma getrennt, die erste ist die Standardsprache (Standard: de,en)',
        'languages separated by commas, the first is the default (default: de,en)',
      ),
    )
    .description(
      t(
        ctx,
        'eine neue Bibliothek anlegen, leer oder mit Beispielinhalten',
        'create a new library, empty or with sample content',
      ),
    )
    .action(async (dirArg: string, opts: InitOptions) => {
      const dir = path.resolve(dirArg);
      const refused = await refusal(ctx, dir);
      if (refused) return fail(ctx, refused);
      if (opts.name !== undefined && opts.name.trim() === '')
        return fail(
          ctx,
          t(
            ctx,
            'Der Name der Bibliothek darf nicht leer sein.',
            'The library name must not be empty.',
          ),
        );

      if (opts.sample) {
        if (opts.lang !== undefined)
          return fail(
            ctx,
            t(
              ctx,
              '--lang passt nicht zu --sample: Die Beispielbibliothek ist auf Deutsch, Englisch und (für Dura) Arabisch angelegt.',
              '--lang does not go with --sample: the sample library comes in German, English and (for Dura) Arabic.',
            ),
          );
        const bar = createProgressBar(ctx, t(ctx, 'Beispielbibliothek', 'Sample library'));
        let summary;
        try {
          summary = await withWorker(ctx, (worker) =>
            buildSampleLibrary(dir, {
              worker,
              ...(ctx.sampleMediaScale ? { mediaScale: ctx.sampleMediaScale } : {}),
              ...(opts.name ? { name: opts.name.trim() } : {}),
              onProgress: (p) => bar.update(p.done, p.total, p.step),
            }),
          );
        } finally {
          bar.done();
        }
        ctx.stdout(
          t(
            ctx,
            `Beispielbibliothek angelegt: ${summary.dir}\n${summary.items} Objekte, ${summary.partnerships} Partnerschaften, ${summary.awards} Auszeichnungen, ${summary.exhibitions} Ausstellungen, ${summary.mediaFiles} Mediendateien.\nHinweis: Alles, was als Beispielinhalt markiert ist, vor einer Veröffentlichung prüfen.\n`,
            `Sample library created: ${summary.dir}\n${summary.items} items, ${summary.partnerships} partnerships, ${summary.awards} awards, ${summary.exhibitions} exhibitions, ${summary.mediaFiles} media files.\nNote: verify everything marked as sample content before publishing.\n`,
          ),
        );
        return;
      }

      const parsed = parseLanguages(ctx, opts.lang ?? DEFAULT_LANGUAGES);
      if ('error' in parsed) return fail(ctx, parsed.error);
      const library = await createLibrary(dir, {
        name: opts.name?.trim() || DEFAULT_NAME,
        languages: parsed.languages,
        defaultLanguage: parsed.languages[0]!,
      });
      const name = library.manifest.name;
      await library.close();
      ctx.stdout(
        t(
          ctx,
          `Bibliothek „${name}“ angelegt: ${dir} (Sprachen: ${parsed.languages.join(', ')})\n`,
          `Library “${name}” created: ${dir} (languages: ${parsed.languages.join(', ')})\n`,
        ),
      );
    });
}
