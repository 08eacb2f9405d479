import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { UPLOAD_ID_PATTERN } from '../../../shared/api/transport';
import type { TableImportReport } from '../../../shared/api/tables';
import { AppError, type UiLanguage } from '../../../shared/errors';
import { autoMapping } from '../../../shared/import/auto-mapping';
import {
  dryRunImport,
  readSavedMappings,
  readTable,
  runImport,
  saveMapping,
  type RowReport,
  type Table,
} from '../import';
import type { Library } from '../library';
import type { ApiHandlers } from './dispatch';

type TableMethods = 'tables.preview' | 'tables.dryRun' | 'tables.import';

export interface TableHandlerDeps {
  library: () => Library;
  uploadsDir: string;
  lang: () => UiLanguage;
  progress: (event: {
    taskId: string;
    label: string;
    done: number;
    total: number;
    step?: string;
  }) => void;
}

function uploadMissing(name: string): AppError {
  return new AppError('NOT_FOUND', {
    de: `${name}: Die hochgeladene Tabelle ist nicht (mehr) da. Wählen Sie die Datei erneut.`,
    en: `${name}: the uploaded table is not there (any more). Choose the file again.`,
  });
}

/**
 * The table import over the API: preview → dry run → import, on a table uploaded through the web
 * host (its id is the only path-like thing the page sends). Media cells resolve in a folder that
 * does not exist, so the page can never make main read a file by naming it.
 */
export function createTableHandlers(deps: TableHandlerDeps): Pick<ApiHandlers, TableMethods> {
  async function load(source: {
    upload: { id: string; name: string };
    encoding?: Table['encoding'];
    delimiter?: Table['delimiter'];
    sheet?: string;
  }): Promise<Table> {
    if (!UPLOAD_ID_PATTERN.test(source.upload.id)) throw uploadMissing(source.upload.name);
    const file = join(deps.uploadsDir, source.upload.id);
    try {
      const table = await readTable(file, {
        ...(source.encoding ? { encoding: source.encoding } : {}),
        ...(source.delimiter ? { delimiter: source.delimiter } : {}),
        ...(source.sheet ? { sheet: source.sheet } : {}),
      });
      return { ...table, name: source.upload.name };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // The upload's random id means nothing to people: name the file they chose.
      const named = (text: string) => text.replaceAll(source.upload.id, source.upload.name);
      throw new AppError(
        error.code,
        { de: named(error.messages.de), en: named(error.messages.en) },
        { cause: error, ...(error.details !== undefined ? { details: error.details } : {}) },
      );
    }
  }

  const noMedia = () => join(deps.uploadsDir, `no-media-${randomBytes(8).toString('hex')}`);
  const rowsFor = (rows: RowReport[]): TableImportReport['rows'] => {
    const lang = deps.lang();
    const reason = (x: RowReport['reasons'][number]) => ({
      code: x.code,
      message: x[lang],
      ...(x.column !== undefined ? { column: x.column } : {}),
      ...(x.value !== undefined ? { value: x.value } : {}),
    });
    return rows.map((r) => ({
      ...r,
      reasons: r.reasons.map(reason),
      warnings: r.warnings.map(reason),
    }));
  };

  return {
    'tables.preview': async (source) => {
      const library = deps.library();
      const table = await load(source);
      return {
        format: table.format,
        encoding: table.encoding ?? null,
        delimiter: table.delimiter ?? null,
        sheets: table.sheets ?? [],
        headers: table.headers,
        sample: table.rows.slice(0, 20),
        rowCount: table.rows.length,
        mapping: autoMapping(table.headers),
        saved: await readSavedMappings(library.dir),
      };
    },
    'tables.dryRun': async (input) => {
      const library = deps.library();
      const table = await load(input);
      const { rows, counts } = await dryRunImport(library.snapshot(), table, {
        mapping: input.mapping,
        mode: input.mode,
        mediaDir: noMedia(),
        ...(input.updateBy ? { updateBy: input.updateBy } : {}),
      });
      return { counts, rows: rowsFor(rows) };
    },
    'tables.import': async (input) => {
      const library = deps.library();
      try {
        const table = await load(input);
        const taskId = `table-${randomBytes(4).toString('hex')}`;
        const label = deps.lang() === 'de' ? 'Tabelle importieren' : 'Importing a table';
        const outcome = await runImport(library, table, {
          mapping: input.mapping,
          mode: input.mode,
          mediaDir: noMedia(),
          ...(input.updateBy ? { updateBy: input.updateBy } : {}),
          onProgress: (p) => deps.progress({ taskId, label, done: p.done, total: p.total }),
        });
        if (input.saveAs)
          await saveMapping(library.dir, { name: input.saveAs, columns: input.mapping });
        return {
          counts: outcome.counts,
          rows: rowsFor(outcome.rows),
          revision: outcome.revision,
          undo: outcome.undo,
        };
      } finally {
        if (UPLOAD_ID_PATTERN.test(input.upload.id))
          await rm(join(deps.uploadsDir, input.upload.id), { force: true });
      }
    },
  };
}
