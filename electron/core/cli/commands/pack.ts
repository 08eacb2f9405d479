import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../../../shared/errors';
import { commitPackage, type ConflictMode } from '../../exchange';
import { formatCount } from '../../import/numbers';
import { openLibrary, readLibrarySnapshot } from '../../library';
import { t, type CliContext } from '../context';
import { cancellable } from '../cancellable';

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
      const target = path.resolve(opts.out);
      // Reading the media and zipping run in the worker process (see ../worker); the file is
      // written atomically at the end, so Ctrl+C leaves no package behind.
      await cancellable(ctx, t(ctx, 'Paket', 'Package'), (worker, signal, onProgress) =>
        worker.run(
          'packagePack',
          { libraryDir: path.resolve(dir), snapshot, slug: opts.exhibition, target },
          { signal, onProgress },
        ),
      );
      ctx.stdout(`${t(ctx, 'Geschrieben', 'Written')}: ${target}\n`);
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
      const libraryDir = path.resolve(opts.into);
      // Refused before any media file is written when the library cannot be opened.
      const library = await openLibrary(libraryDir);
      try {
        // Reading and checking the package and its media run in the worker; this process writes
        // the entities in one batch (one undo step). Ctrl+C: the worker removes the media it
        // added and nothing reaches the store.
        const outcome = await cancellable(
          ctx,
          t(ctx, 'Paket', 'Package'),
          async (worker, signal, onProgress) => {
            const pkg = await worker.run(
              'packageUnpack',
              { file: path.resolve(file), libraryDir },
              { signal, onProgress },
            );
            return commitPackage(library, pkg, opts.conflicts as ConflictMode, pkg.added, {
              signal,
            });
          },
        );
        ctx.stdout(
          `${t(ctx, 'Übernommen', 'Unpacked')}: ${outcome.exhibitionSlug} — ${formatCount(ctx.lang, outcome.added)} ${t(ctx, 'neu', 'added')}, ${formatCount(ctx.lang, outcome.replaced)} ${t(ctx, 'ersetzt', 'replaced')}, ${formatCount(ctx.lang, outcome.copied)} ${t(ctx, 'als Kopie', 'copied')}, ${formatCount(ctx.lang, outcome.kept)} ${t(ctx, 'behalten', 'kept')}\n`,
        );
      } finally {
        await library.close();
      }
    });
}
