import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isInside } from '../fs/inside';
import { UPLOAD_ID_PATTERN } from '../../../shared/api/transport';
import { MEDIA_FOLDER_ID_PATTERN, type TableImportReport } from '../../../shared/api/tables';
import { AppError, type UiLanguage } from '../../../shared/errors';
import { autoMapping } from '../../../shared/import/auto-mapping';
import {
  commitImport,
  countRows,
  readSavedMappings,
  saveMapping,
  type Delimiter,
  type ImportProgress,
  type PlanSnapshot,
  type RowReport,
  type TextEncoding,
} from '../import';
import type { Library } from '../library';
import { inProcessHost, type WorkerHost } from '../worker';
import type { TableSource } from '../worker/exchange-tasks';
import { noDialogs, type Dialogs } from './dialogs';
import type { ApiHandlers } from './dispatch';

type TableMethods =
  | 'tables.preview'
  | 'tables.dryRun'
  | 'tables.import'
  | 'files.chooseUpload'
  | 'tables.chooseMediaFolder'
  | 'tables.stageMedia';

export interface TableHandlerDeps {
  library: () => Library;
  uploadsDir: string;
  lang: () => UiLanguage;
  dialogs: Dialogs;
  /** Where tables are read, planned and their media imported; in-process when omitted (tests). */
  worker?: WorkerHost;
  progress: (event: {
    taskId: string;
    label: string;
    done: number;
    total: number;
    step?: string;
    etaSeconds?: number;
  }) => void;
}

export interface TableHandlers {
  handlers: Pick<ApiHandlers, TableMethods>;
  /** Aborts a running table import by its task id; false when none runs under that id. */
  cancel(taskId: string): boolean;
}

/** Only what planning reads crosses to the worker (not the exhibitions and awards). */
function planSnapshot(library: Library): PlanSnapshot {
  const { manifest, revision, items, partnerships } = library.snapshot();
  return { manifest, revision, items, partnerships };
}

function folderMissing(): AppError {
  return new AppError('NOT_FOUND', {
    de: 'Der Medienordner ist nicht (mehr) bekannt. Wählen Sie ihn erneut.',
    en: 'The media folder is not known (any more). Choose it again.',
  });
}

function uploadMissing(name: string): AppError {
  return new AppError('NOT_FOUND', {
    de: `${name}: Die hochgeladene Tabelle ist nicht (mehr) da. Wählen Sie die Datei erneut.`,
    en: `${name}: the uploaded table is not there (any more). Choose the file again.`,
  });
}

/**
 * The table import over the API: preview → dry run → import, on a table uploaded through the web
 * host or copied to an upload from main's own dialog (its id is the only path-like thing the page
 * sends). Media cells resolve only inside a folder main holds under an id — one the person chose
 * in main's dialog, or one main assembled from uploaded files — or, without one, in a folder
 * that does not exist, so the page can never make main read a file by naming it.
 */
export function createTableHandlers(deps: TableHandlerDeps): TableHandlers {
  const worker = deps.worker ?? inProcessHost();
  /** Media folders by id: chosen in a dialog (any folder) or staged from uploads (ours). */
  const folders = new Map<string, { dir: string; staged: boolean }>();
  const running = new Map<string, AbortController>();

  /** The table's source for the worker: the upload's file, its name, the reading choices. */
  function sourceOf(source: {
    upload: { id: string; name: string };
    encoding?: TextEncoding;
    delimiter?: Delimiter;
    sheet?: string;
  }): TableSource {
    if (!UPLOAD_ID_PATTERN.test(source.upload.id)) throw uploadMissing(source.upload.name);
    return {
      file: join(deps.uploadsDir, source.upload.id),
      name: source.upload.name,
      read: {
        ...(source.encoding ? { encoding: source.encoding } : {}),
        ...(source.delimiter ? { delimiter: source.delimiter } : {}),
        ...(source.sheet ? { sheet: source.sheet } : {}),
      },
    };
  }

  /** Reading the upload fails with its random id in the message; people know the file's name. */
  function named(upload: { id: string; name: string }) {
    return (error: unknown): never => {
      if (!(error instanceof AppError)) throw error;
      const rename = (text: string) => text.replaceAll(upload.id, upload.name);
      throw new AppError(
        error.code,
        { de: rename(error.messages.de), en: rename(error.messages.en) },
        { cause: error, ...(error.details !== undefined ? { details: error.details } : {}) },
      );
    };
  }

  const noMedia = () => join(deps.uploadsDir, `no-media-${randomBytes(8).toString('hex')}`);
  const mediaDirFor = (folderId: string | undefined): string => {
    if (folderId === undefined) return noMedia();
    const folder = MEDIA_FOLDER_ID_PATTERN.test(folderId) ? folders.get(folderId) : undefined;
    if (!folder) throw folderMissing();
    return folder.dir;
  };
  const newFolderId = () => `media-${randomBytes(8).toString('hex')}`;

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

  const handlers: Pick<ApiHandlers, TableMethods> = {
    // Reading, parsing and planning a table (and its media) run in the worker process: this
    // process keeps answering the page meanwhile, and owns the one write at the end.
    'tables.preview': async (source) => {
      const library = deps.library();
      const preview = await worker
        .run('tablePreview', sourceOf(source))
        .catch(named(source.upload));
      return {
        ...preview,
        mapping: autoMapping(preview.headers),
        saved: await readSavedMappings(library.dir),
      };
    },
    'tables.dryRun': async (input) => {
      const library = deps.library();
      const { rows } = await worker
        .run('tableDryRun', {
          ...sourceOf(input),
          snapshot: planSnapshot(library),
          plan: {
            mapping: input.mapping,
            mode: input.mode,
            mediaDir: mediaDirFor(input.mediaFolder),
            ...(input.updateBy ? { updateBy: input.updateBy } : {}),
          },
        })
        .catch(named(input.upload));
      return { counts: countRows(rows), rows: rowsFor(rows) };
    },
    'tables.import': async (input) => {
      const library = deps.library();
      const taskId = input.taskId ?? `table-${randomBytes(4).toString('hex')}`;
      const controller = new AbortController();
      try {
        if (running.has(taskId)) {
          throw new AppError('INVALID_INPUT', {
            de: 'Unter dieser Aufgaben-Kennung läuft schon ein Import.',
            en: 'An import is already running under this task id.',
          });
        }
        running.set(taskId, controller);
        const label = deps.lang() === 'de' ? 'Tabelle importieren' : 'Importing a table';
        const onProgress = (p: ImportProgress) =>
          deps.progress({
            taskId,
            label,
            done: p.done,
            total: p.total,
            step: p.phase,
            ...(p.etaSeconds !== undefined ? { etaSeconds: p.etaSeconds } : {}),
          });
        const snapshot = library.snapshot();
        // The worker reads, plans and brings the media files in; this process writes the items.
        const prepared = await worker
          .run(
            'tablePrepare',
            {
              ...sourceOf(input),
              libraryDir: library.dir,
              snapshot: planSnapshot(library),
              plan: {
                mapping: input.mapping,
                mode: input.mode,
                mediaDir: mediaDirFor(input.mediaFolder),
                ...(input.updateBy ? { updateBy: input.updateBy } : {}),
              },
            },
            { signal: controller.signal, onProgress: (p) => onProgress(p as ImportProgress) },
          )
          .catch(named(input.upload));
        const outcome = await commitImport(library, snapshot, prepared, {
          signal: controller.signal,
          onProgress,
        });
        if (input.saveAs)
          await saveMapping(library.dir, { name: input.saveAs, columns: input.mapping });
        // Files gathered from uploads are in the library now; a folder of the person's is theirs.
        const folder = input.mediaFolder ? folders.get(input.mediaFolder) : undefined;
        if (folder?.staged) {
          folders.delete(input.mediaFolder!);
          await rm(folder.dir, { recursive: true, force: true });
        }
        const result = {
          counts: outcome.counts,
          rows: rowsFor(outcome.rows),
          revision: outcome.revision,
          undo: outcome.undo,
        };
        // Consumed only when done: after a cancel or a failure the wizard can run it again.
        if (UPLOAD_ID_PATTERN.test(input.upload.id))
          await rm(join(deps.uploadsDir, input.upload.id), { force: true });
        return result;
      } finally {
        if (running.get(taskId) === controller) running.delete(taskId);
      }
    },
    'files.chooseUpload': async ({ kind }) => {
      if (!deps.dialogs.chooseFile) throw noDialogs();
      const file = await deps.dialogs.chooseFile(kind);
      if (!file) return null;
      // A copy, so the chosen file is never touched and the next steps read only our uploads.
      const id = randomBytes(16).toString('hex');
      await copyFile(file, join(deps.uploadsDir, id));
      return { upload: { id, name: basename(file) } };
    },
    'tables.chooseMediaFolder': async () => {
      if (!deps.dialogs.chooseMediaFolder) throw noDialogs();
      const dir = await deps.dialogs.chooseMediaFolder();
      if (!dir) return null;
      const folderId = newFolderId();
      folders.set(folderId, { dir, staged: false });
      return { folderId, name: basename(dir), files: null };
    },
    'tables.stageMedia': async ({ name, files }) => {
      const folderId = newFolderId();
      const dir = join(deps.uploadsDir, folderId);
      await mkdir(dir, { recursive: true });
      let count = 0;
      for (const file of files) {
        const from = join(deps.uploadsDir, file.id);
        // The schema refused `..`, absolute paths and drives; each segment is a plain name.
        const to = join(dir, ...file.path.replaceAll('\\', '/').split('/'));
        if (!isInside(dir, to)) continue;
        const present = await stat(from).then(
          (s) => s.isFile(),
          () => false,
        );
        if (!present) continue;
        await mkdir(dirname(to), { recursive: true });
        await rename(from, to);
        count += 1;
      }
      folders.set(folderId, { dir, staged: true });
      return { folderId, name, files: count };
    },
  };

  return {
    handlers,
    cancel(taskId) {
      const controller = running.get(taskId);
      if (!controller) return false;
      controller.abort();
      return true;
    },
  };
}
