import type { Command } from 'commander';
import { exportOpenData } from '../../export/open-data';
import { t, type CliContext } from '../context';

/**
 * `vitrine export-data DIR --out OUTDIR [--exhibition SLUG] [--base-url URL] [--force]`: the open
 * data (JSON-LD with schema.org, CSV with Dublin Core headers, an index page, the schema.org
 * context) of the whole library or of one exhibition. Exit 0, or 2 when it cannot be written
 * (the target is then left as it was).
 */
export function registerExportData(program: Command, ctx: CliContext): void {
  program
    .command('export-data')
    .argument('<dir>', t(ctx, 'Bibliotheksordner', 'library folder'))
    .requiredOption('--out <outdir>', t(ctx, 'Zielordner', 'target folder'))
    .option(
      '--exhibition <slug>',
      t(ctx, 'nur was diese Ausstellung zeigt', 'only what this exhibition shows'),
    )
    .option(
      '--base-url <url>',
      t(
        ctx,
        'Adresse, unter der der Ordner veröffentlicht wird (macht die Kennungen absolut)',
        'address the folder will be published at (makes the ids absolute)',
      ),
    )
    .option('--force', t(ctx, 'ein nicht leeres Ziel ersetzen', 'replace a non-empty target'))
    .description(
      t(
        ctx,
        'Offene Daten exportieren: JSON-LD (schema.org), CSV (Dublin Core) und eine Übersichtsseite',
        'export open data: JSON-LD (schema.org), CSV (Dublin Core) and an overview page',
      ),
    )
    .action(
      async (
        dir: string,
        opts: { out: string; exhibition?: string; baseUrl?: string; force?: boolean },
      ) => {
        const result = await exportOpenData({
          libraryDir: dir,
          outDir: opts.out,
          ...(opts.exhibition ? { exhibition: opts.exhibition } : {}),
          ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}),
          force: Boolean(opts.force),
        });
        ctx.stdout(
          `${t(ctx, 'Geschrieben', 'Written')}: ${result.outPath} (${result.files.length} ${t(ctx, 'Dateien', 'files')})\n`,
        );
      },
    );
}
