import { randomBytes } from 'node:crypto';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type {
  ApiEventName,
  ApiEventPayload,
  ApiResult,
  AppInfo,
  LibrarySummary,
  MediaImportResult,
  SessionState,
  Unsubscribe,
} from '../../../shared/api';
import { MEDIA_BASE_URL, UPLOAD_ID_PATTERN } from '../../../shared/api';
import { EdtfDate, type CommandInput, type Item } from '../../../shared/domain';
import { AppError, type UiLanguage } from '../../../shared/errors';
import { createLibrary, openLibrary, type Library } from '../library';
import { createMediaImporter, discardImported, type ImportMetadata } from '../media';
import { displayName } from '../media/names';
import { buildSampleLibrary } from '../sample';
import { isInside } from '../fs/inside';
import { createBackupHandlers, hasRestoreOffer, withRestoreOffer } from './backups';
import type { Dialogs } from './dialogs';
import { createDispatch, type ApiHandlers, type Dispatch } from './dispatch';
import { checkDroppedFiles } from './dropped-paths';
import { createEmitter } from './events';
import { createExportHandlers } from './export';
import { importThroughWorker, type WorkerHost } from '../worker';
import { createTableHandlers } from './tables';
import { createPackageHandlers } from './packages';
import { createPublishHandlers } from './publish';
import type { SecretStore } from '../publish';
import { createKioskStatsHandlers } from './kiosk-stats';
import { createQueryHandlers } from './query';
import { createRecentStore, libraryIdFor } from './recent';
import { writeUiLanguage } from './settings';

export interface ApiServiceOptions {
  /** Per-user folder for recent.json, settings.json and sample copies. Created if missing. */
  appDataDir: string;
  /** UI language for messages until `app.setUiLanguage` changes it. */
  lang: UiLanguage;
  dialogs: Dialogs;
  transport: 'electron' | 'web';
  version: string;
  platform?: string;
  /** Opened before the service answers its first call (`vitrine web DIR`, a file association). */
  libraryDirOnStart?: string;
  clock?: () => Date;
  /** Check answers against the contract's output schemas (tests). Defaults to on under vitest. */
  checkOutput?: boolean;
  logError?: (method: string, error: unknown) => void;
  /** Told after a language switch, so Electron can rebuild its menus. */
  onUiLanguageChanged?: (lang: UiLanguage) => void;
  /**
   * Runs heavy work (media import, the sample library's media, export with derivatives and
   * zip) off this process's event loop: Electron's
   * utilityProcess in the desktop app, a forked Node process for the web host and CLI. In-process
   * when omitted (unit tests). The service closes it with itself.
   */
  worker?: WorkerHost;
  /**
   * Publishing passwords kept with the OS's encryption (the desktop app's safeStorage). Absent
   * in the web host: secrets are then asked per publish and held in memory for that run only.
   */
  secrets?: SecretStore;
  /** Trusted SSH host keys; defaults to VITRINE_KNOWN_HOSTS or ~/.config/vitrine/known_hosts.json. */
  knownHostsFile?: string;
  /** Tests only: the sample copy's images at this fraction of their size (see sample/index). */
  sampleMediaScale?: number;
}

export interface ApiService {
  /** What every transport calls with an untrusted method name and input. */
  dispatch: Dispatch;
  handlers: ApiHandlers;
  on<E extends ApiEventName>(
    event: E,
    listener: (payload: ApiEventPayload<E>) => void,
  ): Unsubscribe;
  emit<E extends ApiEventName>(event: E, payload: ApiEventPayload<E>): void;
  /** Folder of the open library, for the media routes; null when none is open. */
  libraryDir(): string | null;
  uiLanguage(): UiLanguage;
  /**
   * Folder (inside the app data folder) where the web host streams uploads before
   * `media.importUploads` imports them; files there are named by random ids only.
   */
  uploadDir(): string;
  /** Closes the open library (releases its lock). */
  close(): Promise<void>;
  /**
   * Electron only: files dropped on the window, as the preload sends them on
   * IPC_IMPORT_PATHS_CHANNEL (untrusted input: checked by `checkDroppedFiles`), imported like
   * `media.importDialog`'s choice. Answers an envelope; never throws.
   */
  importDropped(input: unknown): Promise<ApiResult<MediaImportResult>>;
  /**
   * Electron only: opens the library folder a second launch named with `--library=` (main's own
   * decision, never a path from the page). Answers an envelope; never throws.
   */
  openLibraryDir(dir: string): Promise<ApiResult<LibrarySummary>>;
}

export const SAMPLES_DIR = 'samples';
export const UPLOADS_DIR = 'uploads';

interface OpenState {
  library: Library;
  isSample: boolean;
  stopWatching: () => void;
}

function noLibrary(): AppError {
  return new AppError('NOT_FOUND', {
    de: 'Es ist keine Bibliothek geöffnet.',
    en: 'No library is open.',
  });
}

function recentGone(): AppError {
  return new AppError('LIBRARY_NOT_FOUND', {
    de: 'Diese Bibliothek ist nicht mehr in der Liste oder ihr Ordner fehlt.',
    en: 'This library is no longer in the list, or its folder is missing.',
  });
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}

/**
 * The handler table behind both transports: one implementation per contract method, over the
 * library store, the media importer and the sample builder. Holds the one open library of this
 * window (Electron) or run (web host).
 */
export async function createApiHandlers(options: ApiServiceOptions): Promise<ApiService> {
  const clock = options.clock ?? (() => new Date());
  const appDataDir = resolve(options.appDataDir);
  await mkdir(appDataDir, { recursive: true });
  let lang: UiLanguage = options.lang;
  const emitter = createEmitter((error) => options.logError?.('event', error));
  const recent = createRecentStore({ appDataDir, clock });
  const samplesDir = join(appDataDir, SAMPLES_DIR);
  const uploadsDir = join(appDataDir, UPLOADS_DIR);
  // Uploads left by an earlier run (a crash mid-import) belong to nobody any more.
  await rm(uploadsDir, { recursive: true, force: true });
  await mkdir(uploadsDir, { recursive: true });
  let open: OpenState | null = null;
  /** Libraries that failed to open in this run, by id, for `backups.*`. */
  const failed = new Map<string, string>();
  /** The damaged library named at start, until a library is open (see `session.state`). */
  let startError: AppError | null = null;
  // Open/close/import run one at a time, so two clicks never open two libraries at once.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  function summary(state: OpenState): LibrarySummary {
    const { library } = state;
    return {
      id: libraryIdFor(library.dir),
      name: library.manifest.name,
      displayPath: library.dir,
      revision: library.revision,
      readOnly: library.readOnly,
      itemCount: library.snapshot().items.length,
      isSample: state.isSample,
    };
  }

  async function closeCurrent(): Promise<void> {
    if (!open) return;
    const current = open;
    open = null;
    current.stopWatching();
    await current.library.close();
  }

  /** Replaces the open library with `library`; records it as recent and tells the page. */
  async function adopt(library: Library): Promise<LibrarySummary> {
    await closeCurrent();
    const stopWatching = library.onChange((event) =>
      emitter.emit('libraryChanged', { revision: event.revision, changed: event.changed }),
    );
    open = { library, isSample: isInside(samplesDir, library.dir), stopWatching };
    startError = null;
    await recent.touch({ dir: library.dir, name: library.manifest.name });
    emitter.emit('libraryChanged', { revision: library.revision, reopened: true });
    return summary(open);
  }

  /** Opens `dir`, or answers the open library when it is that folder (its lock is ours). */
  async function openDir(dir: string): Promise<LibrarySummary> {
    if (open && resolve(open.library.dir) === resolve(dir)) return summary(open);
    let library: Library;
    try {
      library = await openLibrary(dir, { clock });
    } catch (error) {
      // Remembered so `backups.*` can name it by id; the page never holds the path.
      failed.set(libraryIdFor(dir), resolve(dir));
      throw await withRestoreOffer(error, dir);
    }
    return adopt(library);
  }

  function current(): Library {
    if (!open) throw noLibrary();
    return open.library;
  }

  function info(): AppInfo {
    return {
      version: options.version,
      platform: options.platform ?? process.platform,
      transport: options.transport,
      uiLanguage: lang,
      mediaBaseUrl: MEDIA_BASE_URL,
    };
  }

  /**
   * `names` (for uploads) replaces the temporary file's name, which is a random id, with the
   * name the person's file had, in the item and in messages; it is display text only.
   */
  async function importMedia(
    paths: string[],
    names?: Map<string, string>,
    failedBefore: MediaImportResult['failed'] = [],
  ): Promise<MediaImportResult> {
    const library = current();
    const taskId = `import-${randomBytes(4).toString('hex')}`;
    const label = lang === 'de' ? 'Medien importieren' : 'Importing media';
    emitter.emit('progress', { taskId, label, done: 0, total: paths.length });
    const report = (p: { done: number; total: number }) =>
      emitter.emit('progress', { taskId, label, done: p.done, total: p.total });
    // Copying, hashing, image headers and thumbnails run in the worker process when there is one.
    const entries = options.worker
      ? await importThroughWorker(options.worker, library.dir, paths, report)
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

  const exportHandlers = createExportHandlers({
    appDataDir,
    dialogs: options.dialogs,
    library: current,
    lang: () => lang,
    emit: emitter.emit,
    ...(options.worker ? { worker: options.worker } : {}),
  });
  const tables = createTableHandlers({
    library: current,
    uploadsDir,
    lang: () => lang,
    dialogs: options.dialogs,
    progress: (event) => emitter.emit('progress', event),
    ...(options.worker ? { worker: options.worker } : {}),
  });

  const handlers: ApiHandlers = {
    'app.info': async () => info(),
    'app.setUiLanguage': async ({ lang: next }) => {
      lang = next;
      await writeUiLanguage(appDataDir, next);
      options.onUiLanguageChanged?.(next);
      return info();
    },
    'session.state': async (): Promise<SessionState> => ({
      library: open ? summary(open) : null,
      recent: await recent.list(),
      ...(startError && !open ? { startError: startError.toData(lang) } : {}),
    }),
    'library.openSample': () =>
      serial(async () => {
        await mkdir(samplesDir, { recursive: true });
        const dir = join(samplesDir, `sample-${stamp(clock())}-${randomBytes(3).toString('hex')}`);
        const taskId = `sample-${randomBytes(4).toString('hex')}`;
        const label = lang === 'de' ? 'Beispielbibliothek anlegen' : 'Creating the sample library';
        // Rendering and importing the sample's media runs in the worker process when there is
        // one (Electron's utilityProcess, the web host's fork), not on this event loop.
        await buildSampleLibrary(dir, {
          ...(options.worker ? { worker: options.worker } : {}),
          ...(options.sampleMediaScale ? { mediaScale: options.sampleMediaScale } : {}),
          onProgress: (p) =>
            emitter.emit('progress', { taskId, label, done: p.done, total: p.total, step: p.step }),
        });
        return adopt(await openLibrary(dir, { clock }));
      }),
    'library.openRecent': ({ id }) =>
      serial(async () => {
        const dir = await recent.dirOf(id);
        if (!dir) throw recentGone();
        const exists = await stat(dir).then(
          (s) => s.isDirectory(),
          () => false,
        );
        if (!exists) {
          await recent.remove(id);
          throw recentGone();
        }
        return openDir(dir);
      }),
    'library.openDialog': () =>
      serial(async () => {
        const dir = await options.dialogs.chooseLibraryFolder();
        if (!dir) return null;
        return openDir(dir);
      }),
    'library.createDialog': ({ name }) =>
      serial(async () => {
        const dir = await options.dialogs.chooseNewLibraryFolder(name);
        if (!dir) return null;
        const languages = lang === 'de' ? ['de', 'en'] : ['en', 'de'];
        return adopt(await createLibrary(dir, { name, languages, defaultLanguage: lang, clock }));
      }),
    'library.close': () =>
      serial(async () => {
        const wasOpen = open !== null;
        await closeCurrent();
        if (wasOpen) emitter.emit('libraryChanged', { revision: 0 });
        return null;
      }),
    'library.snapshot': async () => current().snapshot(),
    'library.apply': async ({ command }) => current().apply(command),
    'media.importUploads': ({ uploads }) =>
      serial(async () => {
        const library = current();
        const paths: string[] = [];
        const names = new Map<string, string>();
        const missing: MediaImportResult['failed'] = [];
        try {
          if (library.readOnly) {
            throw new AppError('LIBRARY_READ_ONLY', {
              de: 'Die Bibliothek ist schreibgeschützt geöffnet; es können keine Medien importiert werden.',
              en: 'The library is open read-only; media cannot be imported.',
            });
          }
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
                }).toData(lang),
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
        const library = current();
        if (library.readOnly) {
          throw new AppError('LIBRARY_READ_ONLY', {
            de: 'Die Bibliothek ist schreibgeschützt geöffnet; es können keine Medien importiert werden.',
            en: 'The library is open read-only; media cannot be imported.',
          });
        }
        const paths = await options.dialogs.chooseMediaFiles();
        if (!paths || paths.length === 0)
          return { itemIds: [], failed: [], revision: library.revision };
        return importMedia(paths);
      }),
    ...exportHandlers,
    ...createBackupHandlers({
      lang: () => lang,
      clock,
      openLibrary: () => open?.library ?? null,
      dirOf: async (id) => {
        if (open && libraryIdFor(open.library.dir) === id) return open.library.dir;
        return failed.get(id) ?? (await recent.dirOf(id));
      },
      serial,
      closeCurrent,
      adopt,
    }),
    ...tables.handlers,
    ...createPackageHandlers({
      library: current,
      uploadsDir,
      appDataDir,
      dialogs: options.dialogs,
      lang: () => lang,
      ...(options.worker ? { worker: options.worker } : {}),
    }),
    // One cancel for all long work: a table import by its task id, else an export.
    'tasks.cancel': async (input) =>
      tables.cancel(input.taskId) ? { cancelled: true } : exportHandlers['tasks.cancel'](input),
    ...createPublishHandlers({
      library: current,
      lang: () => lang,
      emit: emitter.emit,
      ...(options.worker ? { worker: options.worker } : {}),
      ...(options.secrets ? { secrets: options.secrets } : {}),
      ...(options.knownHostsFile ? { knownHostsFile: options.knownHostsFile } : {}),
    }),
    ...createKioskStatsHandlers({ dialogs: options.dialogs }),
    ...createQueryHandlers({ library: current, on: emitter.on }).handlers,
  };

  const dispatch = createDispatch({
    handlers,
    lang: () => lang,
    checkOutput: options.checkOutput ?? Boolean(process.env.VITEST),
    ...(options.logError ? { logError: options.logError } : {}),
  });

  if (options.libraryDirOnStart) {
    try {
      await openDir(options.libraryDirOnStart);
    } catch (error) {
      // A damaged library with backups: start anyway, so the page can offer the restore (as
      // for a library opened from the start screen). Anything else still stops the start.
      if (!(error instanceof AppError) || !hasRestoreOffer(error)) throw error;
      startError = error;
    }
  }

  return {
    dispatch,
    handlers,
    on: emitter.on,
    emit: emitter.emit,
    libraryDir: () => open?.library.dir ?? null,
    uploadDir: () => uploadsDir,
    uiLanguage: () => lang,
    close: async () => {
      await serial(closeCurrent);
      await options.worker?.close();
    },
    async importDropped(input) {
      try {
        const value = await serial(async () => {
          const library = current();
          if (library.readOnly) {
            throw new AppError('LIBRARY_READ_ONLY', {
              de: 'Die Bibliothek ist schreibgeschützt geöffnet; es können keine Medien importiert werden.',
              en: 'The library is open read-only; media cannot be imported.',
            });
          }
          const { paths, failed } = await checkDroppedFiles(input, lang);
          if (paths.length === 0) return { itemIds: [], failed, revision: library.revision };
          return importMedia(paths, undefined, failed);
        });
        return { ok: true, value };
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error: error.toData(lang) };
        (options.logError ?? ((m, e) => console.error(`[vitrine] ${m} failed:`, e)))(
          'media.importDropped',
          error,
        );
        return {
          ok: false,
          error: {
            code: 'INTERNAL',
            message:
              lang === 'de'
                ? 'Unerwarteter Fehler beim Importieren. Einzelheiten stehen im Protokoll.'
                : 'Unexpected error while importing. Details are in the log.',
          },
        };
      }
    },
    async openLibraryDir(dir) {
      try {
        return { ok: true, value: await serial(() => openDir(dir)) };
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error: error.toData(lang) };
        (options.logError ?? ((m, e) => console.error(`[vitrine] ${m} failed:`, e)))(
          'openLibraryDir',
          error,
        );
        return {
          ok: false,
          error: {
            code: 'INTERNAL',
            message:
              lang === 'de'
                ? 'Die Bibliothek konnte nicht geöffnet werden. Einzelheiten stehen im Protokoll.'
                : 'The library could not be opened. Details are in the log.',
          },
        };
      }
    },
  };
}
