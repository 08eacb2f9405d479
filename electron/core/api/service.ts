import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type {
  ApiEventName,
  ApiEventPayload,
  ApiResult,
  LibrarySummary,
  MediaImportResult,
  Unsubscribe,
} from '../../../shared/api';
import type { UiLanguage } from '../../../shared/errors';
import type { WorkerHost } from '../worker';
import type { SecretStore } from '../publish';
import { createAppHandlers } from './app-info';
import { createBackupHandlers } from './backups';
import type { Dialogs } from './dialogs';
import { createDispatch, type ApiHandlers, type Dispatch } from './dispatch';
import { createEmitter } from './events';
import { asEnvelope } from './envelope';
import { createExportHandlers } from './export';
import { createKioskStatsHandlers } from './kiosk-stats';
import { createLibrarySession } from './library-session';
import { createMediaImport } from './media-import';
import { createPackageHandlers } from './packages';
import { createPublishHandlers } from './publish';
import { createQueryHandlers } from './query';
import { createRecentStore } from './recent';
import { createTableHandlers } from './tables';

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

/**
 * The handler table behind both transports: one implementation per contract method, assembled
 * from the per-domain modules beside this file (app, library session, media import, export,
 * backups, tables, packages, publishing, kiosk statistics, queries). The session module holds
 * the one open library of this window (Electron) or run (web host); the others reach it through
 * `current`.
 */
export async function createApiHandlers(options: ApiServiceOptions): Promise<ApiService> {
  const clock = options.clock ?? (() => new Date());
  const appDataDir = resolve(options.appDataDir);
  await mkdir(appDataDir, { recursive: true });
  const emitter = createEmitter((error) => options.logError?.('event', error));
  const uploadsDir = join(appDataDir, UPLOADS_DIR);
  // Uploads left by an earlier run (a crash mid-import) belong to nobody any more.
  await rm(uploadsDir, { recursive: true, force: true });
  await mkdir(uploadsDir, { recursive: true });
  const worker = options.worker ? { worker: options.worker } : {};

  const app = createAppHandlers({
    appDataDir,
    lang: options.lang,
    transport: options.transport,
    version: options.version,
    ...(options.platform ? { platform: options.platform } : {}),
    ...(options.onUiLanguageChanged ? { onUiLanguageChanged: options.onUiLanguageChanged } : {}),
  });
  const lang = app.lang;
  const session = createLibrarySession({
    lang,
    clock,
    dialogs: options.dialogs,
    recent: createRecentStore({ appDataDir, clock }),
    emit: emitter.emit,
    samplesDir: join(appDataDir, SAMPLES_DIR),
    ...worker,
    ...(options.sampleMediaScale ? { sampleMediaScale: options.sampleMediaScale } : {}),
  });
  const current = session.current;
  const media = createMediaImport({
    library: current,
    lang,
    clock,
    dialogs: options.dialogs,
    emit: emitter.emit,
    serial: session.serial,
    uploadsDir,
    ...worker,
    ...(options.logError ? { logError: options.logError } : {}),
  });
  const exportHandlers = createExportHandlers({
    appDataDir,
    dialogs: options.dialogs,
    library: current,
    lang,
    emit: emitter.emit,
    ...worker,
  });
  const tables = createTableHandlers({
    library: current,
    uploadsDir,
    lang,
    dialogs: options.dialogs,
    progress: (event) => emitter.emit('progress', event),
    ...worker,
  });

  const handlers: ApiHandlers = {
    ...app.handlers,
    ...session.handlers,
    ...media.handlers,
    ...exportHandlers,
    ...createBackupHandlers({
      lang,
      clock,
      openLibrary: session.openLibrary,
      dirOf: session.dirOf,
      serial: session.serial,
      closeCurrent: session.closeCurrent,
      adopt: session.adopt,
    }),
    ...tables.handlers,
    ...createPackageHandlers({
      library: current,
      uploadsDir,
      appDataDir,
      dialogs: options.dialogs,
      lang,
      ...worker,
    }),
    // One cancel for all long work: a table import by its task id, else an export.
    'tasks.cancel': async (input) =>
      tables.cancel(input.taskId) ? { cancelled: true } : exportHandlers['tasks.cancel'](input),
    ...createPublishHandlers({
      library: current,
      lang,
      emit: emitter.emit,
      ...worker,
      ...(options.secrets ? { secrets: options.secrets } : {}),
      ...(options.knownHostsFile ? { knownHostsFile: options.knownHostsFile } : {}),
    }),
    ...createKioskStatsHandlers({ dialogs: options.dialogs }),
    ...createQueryHandlers({ library: current, on: emitter.on }).handlers,
  };

  const dispatch = createDispatch({
    handlers,
    lang,
    checkOutput: options.checkOutput ?? Boolean(process.env.VITEST),
    ...(options.logError ? { logError: options.logError } : {}),
  });

  if (options.libraryDirOnStart) await session.openOnStart(options.libraryDirOnStart);

  return {
    dispatch,
    handlers,
    on: emitter.on,
    emit: emitter.emit,
    libraryDir: () => session.openLibrary()?.dir ?? null,
    uploadDir: () => uploadsDir,
    uiLanguage: lang,
    close: async () => {
      await session.serial(session.closeCurrent);
      await options.worker?.close();
    },
    importDropped: media.importDropped,
    openLibraryDir: (dir) =>
      asEnvelope(
        'openLibraryDir',
        lang,
        {
          de: 'Die Bibliothek konnte nicht geöffnet werden. Einzelheiten stehen im Protokoll.',
          en: 'The library could not be opened. Details are in the log.',
        },
        options.logError,
        () => session.serial(() => session.openDir(dir)),
      ),
  };
}
