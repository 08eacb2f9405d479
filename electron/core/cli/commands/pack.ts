import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../../../shared/errors';
import { packExhibition, readPackage, unpackInto, type ConflictMode } from '../../exchange';
import { openLibrary, readLibrarySnapshot, writeFileAtomic } from '../../library';
import { t, type CliContext } from '../context';

/**
 * `vitrine pack DIR --exhibition SLUG --out FILE.vitrine` and `vitrine unpack FILE --into DIR
 * [--conflicts keep|replace|copy]`: hand an exhibition with its items, partnerships, awards and
 * media to another library. Exit 0, or 2 when the package or a library cannot be read (then
 * nothing was written).
 */
export function registerPack(program: Command, ctx: CliContext): void {
  program
    .command('pack')
    .argument('<dir>', t(ctx, 'Bibliotheksordner', 'library folder'))
    .requiredOption('--exhibition <slug>', t(ctx, 'Ausstellung', 'exhibition'))
    .requiredOption('--out <file>', t(ctx, 'Paketdatei (.vitrine)', 'package file (.vitrine)'))
    .description(
      t(
        ctx,
        'Ausstellung mit Objekten, Partnerschaften, Auszeichnungen und Medien als Paket schreiben',
        'write an exhibition with its items, partnerships, awards and media as a package',
      ),
    )
    .action(async (dir: string, opts: { exhibition: string; out: string }) => {
      const snapshot = await readLibrarySnapshot(dir);
      const bytes = await packExhibition(path.resolve(dir), snapshot, opts.exhibition);
      await writeFileAtomic(path.resolve(opts.out), bytes);
      ctx.stdout(`${t(ctx, 'Geschrieben', 'Written')}: ${path.resolve(opts.out)}\n`);
    });

  program
    .command('unpack')
    .argument('<file>', t(ctx, 'Paketdatei (.vitrine)', 'package file (.vitrine)'))
    .requiredOption('--into <dir>', t(ctx, 'Bibliotheksordner', 'library folder'))
    .option(
      '--conflicts <mode>',
      t(
        ctx,
        'vorhandene Kennungen: keep (behalten), replace (ersetzen), copy (als Kopie)',
        'ids already there: keep, replace, copy (import as copy)',
      ),
      'keep',
    )
    .description(t(ctx, 'Paket in eine Bibliothek übernehmen', 'bring a package into a library'))
    .action(async (file: string, opts: { into: string; conflicts: string }) => {
      if (!['keep', 'replace', 'copy'].includes(opts.conflicts))
        throw new AppError('INVALID_INPUT', {
          de: '--conflicts ist keep, replace oder copy.',
          en: '--conflicts is keep, replace or copy.',
        });
      const pkg = await readPackage(path.resolve(file));
      const library = await openLibrary(opts.into);
      try {
        const outcome = await unpackInto(library, pkg, opts.conflicts as ConflictMode);
        ctx.stdout(
          `${t(ctx, 'Übernommen', 'Unpacked')}: ${outcome.exhibitionSlug} — ${outcome.added} ${t(ctx, 'neu', 'added')}, ${outcome.replaced} ${t(ctx, 'ersetzt', 'replaced')}, ${outcome.copied} ${t(ctx, 'als Kopie', 'copied')}, ${outcome.kept} ${t(ctx, 'behalten', 'kept')}\n`,
        );
      } finally {
        await library.close();
      }
    });
}
