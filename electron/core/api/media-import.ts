import { randomBytes } from 'node:crypto';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiResult, MediaImportResult } from '../../../shared/api';
import { UPLOAD_ID_PATTERN } from '../../../shared/api';
import { EdtfDate, type CommandInput, type Item } from '../../../shared/domain';
import { AppError, type UiLanguage } from '../../../shared/errors';
import type { Library } from '../library';
import { createMediaImporter, discardImported, type ImportMetadata } from '../media';
import { displayName } from '../media/names';
import { importThroughWorker, type WorkerHost } from '../worker';
import type { Dialogs } from './dialogs';
import type { ApiHandlers } from './dispatch';
import { checkDroppedFiles } from './dropped-paths';
import { asEnvelope } from './envelope';
import type { ApiEmitter } from './events';

type MediaMethods = 'media.importUploads' | 'media.importDialog';

export interface MediaImportDeps {
  /** The open library; throws NOT_FOUND when none is open. */
  library: () => Library;
  lang: () => UiLanguage;
  clock: () => Date;
  dialogs: Dialogs;
  emit: ApiEmitter['emit'];
  /** Runs after the open/close/import work queued before it (the session's queue). */
  serial: <T>(work: () => Promise<T>) => Promise<T>;
  /** Where the web host streams uploads, named by random ids only. */
  uploadsDir: string;
  /** Copying, hashing and thumbnails run there when given; in-process otherwise (tests). */
  worker?: WorkerHost;
  logError?: (method: string, error: unknown) => void;
}

export interface MediaImport {
  handlers: Pick<ApiHandlers, MediaMethods>;
  /** Electron's dropped files (untrusted input); answers an envelope, never throws. */
  importDropped(input: unknown): Promise<ApiResult<MediaImportResult>>;
}

function readOnly(): AppError {
  return new AppError('LIBRARY_READ_ONLY', {
    de: 'Die Bibliothek ist schreibgeschützt geöffnet; es können keine Medien importiert werden.',
    en: 'The library is open read-only; media cannot be imported.',
  });
}

/** `media.*`: files (chosen, uploaded or dropped) become one new item each, in one command. */
export function createMediaImport(deps: MediaImportDeps): MediaImport {
  const { clock, emit, serial, uploadsDir } = deps;

  /**
   * `names` (for uploads) replaces the temporary file's name, which is a random id, with the
   * name the person's file had, in the item and in messages; it is display text only.
   */
  async function importMedia(
    paths: string[],
    names?: Map<string, string>,
    failedBefore: MediaImportResult['failed'] = [],
  ): Promise<MediaImportResult> {
    const library = deps.library();
    const lang = deps.lang();
    const taskId = `import-${randomBytes(4).toString('hex')}`;
    const label = lang === 'de' ? 'Medien importieren' : 'Importing media';
    emit('progress', { taskId, label, done: 0, total: paths.length });
    const report = (p: { done: number; total: number }) =>
      emit('progress', { taskId, label, done: p.done, total: p.total });
    // Copying, hashing, image headers and thumbnails run in the worker process when there is one.
    const entries = deps.worker
      ? await importThroughWorker(deps.worker, library.dir, paths, report)
      : await createMediaImporter({ libraryDir: library.dir }).importFiles(paths, {
          onProgress: report,
        });
    const snapshot = library.snapshot();
    const used = new Set(snapshot.items.flatMap((item) => item.media.map((m) => m.sha256)));
    const lang0 = library.manifest.defaultLanguage;
    const now = clock().toISOString();
    const items: Item[] = [];
    const failed: MediaImportResult['failed'] = [...failedBefore];
    const metaBySha = new Map<string, ImportMetadata>();
    for (const { result } of entries)
      if (result.status === 'imported') metaBySha.set(result.asset.sha256, result.metadata);
    for (const entry of entries) {
      const { sourcePath } = entry;
      let { result } = entry;
      const tempName = sourcePath.replaceAll('\\', '/').split('/').pop() ?? sourcePath;
      const name = names?.get(sourcePath) ?? tempName;
      if (result.status === 'rejected') {
        const error = result.error.toData(lang);
        failed.push({
          name,
          error: { ...error, message: error.message.replaceAll(tempName, name) },
        });
        continue;
      }
      if (names?.has(sourcePath))
        result = { ...result, asset: { ...result.asset, originalName: name } };
      // Also within one batch: two copies of a file imported side by side both read "imported".
      if (used.has(result.asset.sha256)) {
        failed.push({
          name,
          error: new AppError('MEDIA_DUPLICATE', {
            de: `${result.asset.originalName} ist schon in der Bibliothek.`,
            en: `${result.asset.originalName} is already in the library.`,
          }).toData(lang),
        });
        continue;
      }
      used.add(result.asset.sha256);
      // Two copies in one batch: whichever finished first carries the metadata read.
      const meta = metaBySha.get(result.asset.sha256) ?? {};
      const item: Item = {
        id: `item-${randomBytes(6).toString('hex')}`,
        kind: result.asset.kind,
        media: [result.asset],
        title: { [lang0]: meta.title || result.asset.originalName },
        description: meta.description ? { [lang0]: meta.description } : {},
        altText: {},
        transcript: {},
        tags: [],
        places: [],
        partnershipIds: [],
        createdAt: now,
        updatedAt: now,
      };
      if (meta.date && EdtfDate.safeParse(meta.date).success) item.date = meta.date;
      if (meta.creator) item.creator = meta.creator;
      items.push(item);
    }
    let revision = library.revision;
    if (items.length > 0) {
      const command: CommandInput =
        items.length === 1
          ? { type: 'putItem', item: items[0]! }
          : { type: 'batch', commands: items.map((item) => ({ type: 'putItem' as const, item })) };
      try {
        revision = (await library.apply(command)).revision;
      } catch (error) {
        // The store left the library as it was; the files placed for the items go as well.
        const stillUsed = new Set(
          library.snapshot().items.flatMap((i) => i.media.map((m) => m.sha256)),
        );
        // Only files this import placed ('imported', not 'duplicate' of a file already there).
        const placed = items.flatMap((i) => i.media).filter((m) => metaBySha.has(m.sha256));
        await discardImported(library.dir, placed, (sha) => stillUsed.has(sha));
        throw error;
      }
    }
    return { itemIds: items.map((i) => i.id), failed, revision };
  }

  return {
    handlers: {
      'media.importUploads': ({ uploads }) =>
        serial(async () => {
          const library = deps.library();
          const paths: string[] = [];
          const names = new Map<string, string>();
          const missing: MediaImportResult['failed'] = [];
          try {
            if (library.readOnly) throw readOnly();
            for (const upload of uploads) {
              const name = displayName(upload.name);
              // The schema already holds ids to 32 hex digits; checked again where it becomes a path.
              const file = UPLOAD_ID_PATTERN.test(upload.id) ? join(uploadsDir, upload.id) : null;
              const present = file
                ? await stat(file).then(
                    (s) => s.isFile(),
                    () => false,
                  )
                : false;
              if (!file || !present || names.has(file)) {
                missing.push({
                  name,
                  error: new AppError('NOT_FOUND', {
                    de: `${name}: Die hochgeladene Datei ist nicht (mehr) da.`,
                    en: `${name}: the uploaded file is not there (any more).`,
                  }).toData(deps.lang()),
                });
                continue;
              }
              paths.push(file);
              names.set(file, name);
            }
            return await importMedia(paths, names, missing);
          } finally {
            await Promise.all(
              uploads
                .filter((u) => UPLOAD_ID_PATTERN.test(u.id))
                .map((u) => rm(join(uploadsDir, u.id), { force: true })),
            );
          }
        }),
      'media.importDialog': () =>
        serial(async () => {
          const library = deps.library();
          if (library.readOnly) throw readOnly();
          const paths = await deps.dialogs.chooseMediaFiles();
          if (!paths || paths.length === 0)
            return { itemIds: [], failed: [], revision: library.revision };
          return importMedia(paths);
        }),
    },
    importDropped: (input) =>
      asEnvelope(
        'media.importDropped',
        deps.lang,
        {
          de: 'Unerwarteter Fehler beim Importieren. Einzelheiten stehen im Protokoll.',
          en: 'Unexpected error while importing. Details are in the log.',
        },
        deps.logError,
        () =>
          serial(async () => {
            const library = deps.library();
            if (library.readOnly) throw readOnly();
            const { paths, failed } = await checkDroppedFiles(input, deps.lang());
            if (paths.length === 0) return { itemIds: [], failed, revision: library.revision };
            return importMedia(paths, undefined, failed);
          }),
      ),
  };
}
