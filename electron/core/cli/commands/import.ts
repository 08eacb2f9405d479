import path from 'node:path';
import type { Command } from 'commander';
import type { ColumnMapping } from '../../../../shared/domain/import-mapping';
import { AppError } from '../../../../shared/errors';
import { autoMapping } from '../../../../shared/import/auto-mapping';
import {
  commitImport,
  DELIMITERS,
  reportCsv,
  saveMapping,
  TEXT_ENCODINGS,
  type Delimiter,
  type ImportCounts,
  type ImportProgress,
  type PlanSnapshot,
  type RowReport,
  type TextEncoding,
} from '../../import';
import { openLibrary, readLibrarySnapshot, writeFileAtomic } from '../../library';
import type { TaskResult } from '../../worker';
import type { TableSource } from '../../worker/exchange-tasks';
import { t, type CliContext } from '../context';
import { formatCount } from '../../import/numbers';
import { createProgressBar } from '../progress';
import { withWorker } from '../worker';

interface ImportOptions {
  table?: string;
  folder?: string;
  media?: string;
  mapping?: string;
  saveMapping?: string;
  updateBy?: string;
  mode?: string;
  dryRun?: boolean;
  report?: string;
  json?: boolean;
  encoding?: string;
  delimiter?: string;
  sheet?: string;
}

function usage(de: string, en: string): AppError {
  return new AppError('INVALID_INPUT', { de, en });
}

/** What planning needs of a snapshot: the rest stays out of the message to the worker. */
function planSnapshot(snapshot: PlanSnapshot): PlanSnapshot {
  const { manifest, revision, items, partnerships } = snapshot;
  return { manifest, revision, items, partnerships };
}

const DELIMITER_NAMES: Record<string, Delimiter> = {
  tab: '\t',
  semicolon: ';',
  comma: ',',
  pipe: '|',
};

function summary(ctx: CliContext, counts: ImportCounts, dryRun: boolean): string {
  const head = dryRun
    ? t(ctx, 'Probelauf (nichts geschrieben)', 'Dry run (nothing written)')
    : t(ctx, 'Import', 'Import');
  const n = (x: number) => formatCount(ctx.lang, x);
  return `${head}: ${n(counts.create)} ${t(ctx, 'neu', 'create')}, ${n(counts.update)} ${t(ctx, 'geändert', 'update')}, ${n(counts.unchanged)} ${t(ctx, 'unverändert', 'unchanged')}, ${n(counts.skipped)} ${t(ctx, 'übersprungen', 'skipped')}\n`;
}

function skippedLines(ctx: CliContext, rows: RowReport[]): string {
  const skipped = rows.filter((r) => r.action === 'skipped');
  const shown = skipped.slice(0, 20);
  const lines = shown.map(
    (r) =>
      `  ${t(ctx, 'Zeile', 'row')} ${r.row} (${t(ctx, 'Dateizeile', 'line')} ${r.line}): ${r.reasons.map((x) => x[ctx.lang]).join(' ')}\n`,
  );
  if (skipped.length > shown.length)
    lines.push(
      `  … ${formatCount(ctx.lang, skipped.length - shown.length)} ${t(ctx, 'weitere, siehe --report', 'more, see --report')}\n`,
    );
  return lines.join('');
}

/**
 * `vitrine import DIR --table FILE [--media DIR] [--mapping NAME|FILE] [--update-by COLUMN]
 * [--mode revise|replace] [--dry-run] [--report FILE] [--json]`. Exit 0 when every row went
 * in (or was unchanged), 1 when rows were skipped (each with its reason), 2 when the table or
 * the library cannot be read — then nothing was written.
 */
export function registerImport(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .argument('<dir>', t(ctx, 'Bibliotheksordner', 'library folder'))
    .option(
      '--table <file>',
      t(ctx, 'Tabelle (CSV, TSV, .xlsx, .ods)', 'table (CSV, TSV, .xlsx, .ods)'),
    )
    .option(
      '--folder <dir>',
      t(
        ctx,
        'ohne Tabelle: alle Medien eines Ordners (Unterordner werden Schlagworte, .json/.xmp daneben füllen Felder)',
        'without a table: every media file of a folder (sub-folders become tags, .json/.xmp beside fill fields)',
      ),
    )
    .option(
      '--media <dir>',
      t(
        ctx,
        'Ordner der Mediendateien (Standard: der Ordner der Tabelle)',
        'folder of the media files (default: the table’s folder)',
      ),
    )
    .option(
      '--mapping <name|file>',
      t(ctx, 'gespeicherte Zuordnung oder JSON-Datei', 'saved mapping or JSON file'),
    )
    .option(
      '--save-mapping <name>',
      t(
        ctx,
        'die verwendete Zuordnung unter diesem Namen speichern',
        'save the mapping used under this name',
      ),
    )
    .option(
      '--update-by <column>',
      t(
        ctx,
        'Schlüsselspalte: passende Objekte werden geändert',
        'key column: matching items are updated',
      ),
    )
    .option('--mode <mode>', 'revise | replace', 'revise')
    .option('--dry-run', t(ctx, 'nur prüfen, nichts schreiben', 'only check, write nothing'))
    .option(
      '--report <file>',
      t(ctx, 'Bericht je Zeile als CSV schreiben', 'write the per-row report as CSV'),
    )
    .option('--json', t(ctx, 'Ausgabe als JSON', 'print JSON'))
    .option('--encoding <encoding>', TEXT_ENCODINGS.join(' | '))
    .option('--delimiter <delimiter>', '; , tab |')
    .option('--sheet <name>', t(ctx, 'Tabellenblatt', 'sheet'))
    .description(
      t(
        ctx,
        'Tabelle (und Medien) in die Bibliothek übernehmen, mit Probelauf',
        'bring a table (and media) into the library, with a dry run',
      ),
    )
    .action(async (dir: string, opts: ImportOptions) => {
      const mode = opts.mode ?? 'revise';
      if (mode !== 'revise' && mode !== 'replace')
        throw usage('--mode ist revise oder replace.', '--mode is revise or replace.');
      if (opts.encoding && !(TEXT_ENCODINGS as readonly string[]).includes(opts.encoding))
        throw usage(
          `--encoding: ${TEXT_ENCODINGS.join(', ')}`,
          `--encoding: ${TEXT_ENCODINGS.join(', ')}`,
        );
      const delimiter = opts.delimiter
        ? (DELIMITER_NAMES[opts.delimiter] ?? (opts.delimiter as Delimiter))
        : undefined;
      if (delimiter && !(DELIMITERS as readonly string[]).includes(delimiter))
        throw usage('--delimiter: ; , tab |', '--delimiter: ; , tab |');
      const libraryDir = path.resolve(dir);
      // The library first: a missing library must not be reported as a table problem.
      const before = await readLibrarySnapshot(libraryDir);
      if (Boolean(opts.table) === Boolean(opts.folder))
        throw usage(
          'Geben Sie entweder --table DATEI oder --folder ORDNER an.',
          'Give either --table FILE or --folder DIR.',
        );
      const source: TableSource = {
        file: path.resolve(opts.folder ?? opts.table!),
        ...(opts.folder ? { folder: true } : {}),
        read: {
          ...(opts.encoding ? { encoding: opts.encoding as TextEncoding } : {}),
          ...(delimiter ? { delimiter } : {}),
          ...(opts.sheet ? { sheet: opts.sheet } : {}),
        },
      };
      // Ctrl+C cancels: the worker stops and removes the media files it added, and nothing
      // reaches the store, so the library is exactly as before (exit 2 with the message).
      const controller = new AbortController();
      const onSignal = () => controller.abort();
      process.once('SIGINT', onSignal);
      let bar: ReturnType<typeof createProgressBar> | undefined;
      let done: {
        table: TaskResult<'tableDescribe'>;
        mapping: ColumnMapping[];
        rows: RowReport[];
        counts: ImportCounts;
        revision: number;
      };
      try {
        // Reading, parsing, planning and the media run in the worker process (see ../worker);
        // this process writes the items in one batch, so the store keeps one writer.
        done = await withWorker(ctx, async (worker) => {
          const table = await worker.run('tableDescribe', {
            ...source,
            libraryDir,
            ...(opts.mapping ? { mapping: opts.mapping } : {}),
          });
          const mapping: ColumnMapping[] = table.mapping ?? autoMapping(table.headers);
          if (opts.updateBy && !table.headers.includes(opts.updateBy))
            throw usage(
              `Die Spalte „${opts.updateBy}“ (--update-by) gibt es in der Tabelle nicht.`,
              `The table has no column “${opts.updateBy}” (--update-by).`,
            );
          const detected = [
            `${t(ctx, 'Tabelle', 'Table')}: ${table.name} (${table.format}${table.encoding ? `, ${table.encoding}` : ''}${table.delimiter ? `, ${t(ctx, 'Trennzeichen', 'delimiter')} ${JSON.stringify(table.delimiter)}` : ''}${table.sheet ? `, ${table.sheet}` : ''}), ${formatCount(ctx.lang, table.rowCount)} ${t(ctx, 'Zeilen', 'rows')}`,
            ...mapping.map(
              (m) => `  ${m.column || '∅'} → ${m.field}${m.lang ? ` [${m.lang}]` : ''}`,
            ),
          ];
          if (!opts.json) ctx.stderr(`${detected.join('\n')}\n`);
          const plan = {
            mapping,
            mode: mode as 'revise' | 'replace',
            mediaDir: path.resolve(opts.media ?? path.dirname(table.file)),
            ...(opts.updateBy ? { updateBy: opts.updateBy } : {}),
          };
          if (opts.dryRun) {
            const dry = await worker.run(
              'tableDryRun',
              { ...source, snapshot: planSnapshot(before), plan },
              { signal: controller.signal },
            );
            return { table, mapping, ...dry, revision: before.revision };
          }
          const library = await openLibrary(libraryDir);
          bar = createProgressBar(ctx, t(ctx, 'Import', 'Import'));
          const onProgress = (p: ImportProgress) =>
            bar!.update(
              p.phase === 'media' ? p.done : p.total,
              p.total,
              `${p.phase === 'media' ? t(ctx, 'Medien', 'media') : t(ctx, 'Speichern', 'saving')}${p.etaSeconds !== undefined ? ` ~${p.etaSeconds}s` : ''}`,
            );
          try {
            const snapshot = planSnapshot(library.snapshot());
            const prepared = await worker.run(
              'tablePrepare',
              { ...source, libraryDir, snapshot, plan },
              { signal: controller.signal, onProgress: (p) => onProgress(p as ImportProgress) },
            );
            const outcome = await commitImport(library, snapshot, prepared, {
              signal: controller.signal,
              onProgress,
            });
            if (opts.saveMapping)
              await saveMapping(libraryDir, { name: opts.saveMapping, columns: mapping });
            return { table, mapping, ...outcome };
          } finally {
            await library.close();
          }
        });
      } finally {
        bar?.done();
        process.removeListener('SIGINT', onSignal);
      }
      const { table, mapping, rows, counts, revision } = done;
      if (opts.report) await writeFileAtomic(path.resolve(opts.report), reportCsv(rows, ctx.lang));
      if (opts.json) {
        ctx.stdout(
          `${JSON.stringify(
            {
              dryRun: Boolean(opts.dryRun),
              table: {
                name: table.name,
                format: table.format,
                encoding: table.encoding ?? null,
                delimiter: table.delimiter ?? null,
                rows: table.rowCount,
              },
              mapping,
              counts,
              revision,
              rows: rows.map((r) => ({
                ...r,
                reasons: r.reasons.map((x) => ({
                  code: x.code,
                  message: x[ctx.lang],
                  ...(x.value !== undefined ? { value: x.value } : {}),
                })),
                warnings: r.warnings.map((x) => ({
                  code: x.code,
                  message: x[ctx.lang],
                  ...(x.value !== undefined ? { value: x.value } : {}),
                })),
              })),
            },
            null,
            2,
          )}\n`,
        );
      } else {
        ctx.stdout(summary(ctx, counts, Boolean(opts.dryRun)));
        ctx.stdout(skippedLines(ctx, rows));
      }
      ctx.exitCode = counts.skipped > 0 ? 1 : 0;
    });
}
