import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../../../shared/errors';
import { exportTable } from '../../import';
import { readLibrarySnapshot, writeFileAtomic } from '../../library';
import { t, type CliContext } from '../context';

/**
 * `vitrine export-table DIR [--exhibition SLUG] [--format csv|xlsx] [--delimiter ;] --out FILE`:
 * the items as a table with CollectionBuilder/Dublin Core headers, one column per language, cells
 * that would run as formulas neutralised. Reads without the lock; exit 0, or 2 when unreadable.
 */
export function registerExportTable(program: Command, ctx: CliContext): void {
  program
    .command('export-table')
    .argument('<dir>', t(ctx, 'Bibliotheksordner', 'library folder'))
    .requiredOption('--out <file>', t(ctx, 'Zieldatei', 'target file'))
    .option(
      '--exhibition <slug>',
      t(ctx, 'nur die Objekte dieser Ausstellung', 'only the items of this exhibition'),
    )
    .option('--format <format>', 'csv | xlsx')
    .option(
      '--delimiter <delimiter>',
      t(ctx, '; für deutsches Excel (Standard ,)', '; for German Excel (default ,)'),
    )
    .description(
      t(
        ctx,
        'Objekte als CSV- oder Excel-Tabelle exportieren',
        'export items as a CSV or Excel table',
      ),
    )
    .action(
      async (
        dir: string,
        opts: { out: string; exhibition?: string; format?: string; delimiter?: string },
      ) => {
        const format = opts.format ?? (/\.xlsx$/i.test(opts.out) ? 'xlsx' : 'csv');
        if (format !== 'csv' && format !== 'xlsx')
          throw new AppError('INVALID_INPUT', {
            de: '--format ist csv oder xlsx.',
            en: '--format is csv or xlsx.',
          });
        const delimiter = opts.delimiter === 'semicolon' ? ';' : opts.delimiter;
        if (delimiter !== undefined && delimiter !== ';' && delimiter !== ',')
          throw new AppError('INVALID_INPUT', {
            de: '--delimiter ist ; oder ,.',
            en: '--delimiter is ; or ,.',
          });
        const snapshot = await readLibrarySnapshot(dir);
        const data = exportTable(snapshot, {
          format,
          ...(opts.exhibition ? { exhibition: opts.exhibition } : {}),
          ...(delimiter ? { delimiter } : {}),
        });
        await writeFileAtomic(path.resolve(opts.out), data);
        ctx.stdout(`${t(ctx, 'Geschrieben', 'Written')}: ${path.resolve(opts.out)}\n`);
      },
    );
}
