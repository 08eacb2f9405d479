import { randomBytes } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { LibrarySummary, SessionState } from '../../../shared/api';
import { AppError, type UiLanguage } from '../../../shared/errors';
import { createLibrary, openLibrary, type Library } from '../library';
import { buildSampleLibrary } from '../sample';
import { isInside } from '../fs/inside';
import type { WorkerHost } from '../worker';
import { hasRestoreOffer, withRestoreOffer } from './backups';
import type { Dialogs } from './dialogs';
import type { ApiHandlers } from './dispatch';
import type { ApiEmitter } from './events';
import type { RecentStore } from './recent';
import { libraryIdFor } from './recent';

type SessionMethods =
  | 'session.state'
  | 'library.openSample'
  | 'library.openRecent'
  | 'library.openDialog'
  | 'library.createDialog'
  | 'library.close'
  | 'library.snapshot'
  | 'library.apply';

export interface LibrarySessionDeps {
  lang: () => UiLanguage;
  clock: () => Date;
  dialogs: Dialogs;
  recent: RecentStore;
  emit: ApiEmitter['emit'];
  /** Where sample copies are built; a library inside it is flagged `isSample`. */
  samplesDir: string;
  worker?: WorkerHost;
  /** Tests only: the sample copy's images at this fraction of their size (see sample/index). */
  sampleMediaScale?: number;
}

export interface LibrarySession {
  handlers: Pick<ApiHandlers, SessionMethods>;
  /** The open library; throws NOT_FOUND when none is open. */
  current(): Library;
  /** The open library, or null. */
  openLibrary(): Library | null;
  /** Folder of a library the page may name by id: the open one, a failed one, a recent one. */
  dirOf(id: string): Promise<string | null>;
  /** Runs `work` after every open/close/import queued before it, so two never overlap. */
  serial<T>(work: () => Promise<T>): Promise<T>;
  /** Opens `dir`, or answers the open library when it is that folder (its lock is ours). */
  openDir(dir: string): Promise<LibrarySummary>;
  /** Opens the folder named at start; a damaged library with backups is kept as `startError`. */
  openOnStart(dir: string): Promise<void>;
  /** Replaces the open library with `library`; records it as recent and tells the page. */
  adopt(library: Library): Promise<LibrarySummary>;
  /** Closes the open library (releases its lock); nothing when none is open. */
  closeCurrent(): Promise<void>;
}

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
 * The one open library of this window (Electron) or run (web host), and `session.*` /
 * `library.*` over it: open, create, close, the snapshot and commands.
 */
export function createLibrarySession(deps: LibrarySessionDeps): LibrarySession {
  const { clock, recent, emit, samplesDir } = deps;
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

  async function adopt(library: Library): Promise<LibrarySummary> {
    await closeCurrent();
    const stopWatching = library.onChange((event) =>
      emit('libraryChanged', { revision: event.revision, changed: event.changed }),
    );
    open = { library, isSample: isInside(samplesDir, library.dir), stopWatching };
    startError = null;
    await recent.touch({ dir: library.dir, name: library.manifest.name });
    emit('libraryChanged', { revision: library.revision, reopened: true });
    return summary(open);
  }

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

  return {
    current,
    openLibrary: () => open?.library ?? null,
    dirOf: async (id) => {
      if (open && libraryIdFor(open.library.dir) === id) return open.library.dir;
      return failed.get(id) ?? (await recent.dirOf(id));
    },
    serial,
    openDir,
    adopt,
    closeCurrent,
    async openOnStart(dir) {
      try {
        await openDir(dir);
      } catch (error) {
        // A damaged library with backups: start anyway, so the page can offer the restore (as
        // for a library opened from the start screen). Anything else still stops the start.
        if (!(error instanceof AppError) || !hasRestoreOffer(error)) throw error;
        startError = error;
      }
    },
    handlers: {
      'session.state': async (): Promise<SessionState> => ({
        library: open ? summary(open) : null,
        recent: await recent.list(),
        ...(startError && !open ? { startError: startError.toData(deps.lang()) } : {}),
      }),
      'library.openSample': () =>
        serial(async () => {
          await mkdir(samplesDir, { recursive: true });
          const dir = join(
            samplesDir,
            `sample-${stamp(clock())}-${randomBytes(3).toString('hex')}`,
          );
          const taskId = `sample-${randomBytes(4).toString('hex')}`;
          const label =
            deps.lang() === 'de' ? 'Beispielbibliothek anlegen' : 'Creating the sample library';
          // Rendering and importing the sample's media runs in the worker process when there is
          // one (Electron's utilityProcess, the web host's fork), not on this event loop.
          await buildSampleLibrary(dir, {
            ...(deps.worker ? { worker: deps.worker } : {}),
            ...(deps.sampleMediaScale ? { mediaScale: deps.sampleMediaScale } : {}),
            onProgress: (p) =>
              emit('progress', { taskId, label, done: p.done, total: p.total, step: p.step }),
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
          const dir = await deps.dialogs.chooseLibraryFolder();
          if (!dir) return null;
          return openDir(dir);
        }),
      'library.createDialog': ({ name }) =>
        serial(async () => {
          const dir = await deps.dialogs.chooseNewLibraryFolder(name);
          if (!dir) return null;
          const lang = deps.lang();
          const languages = lang === 'de' ? ['de', 'en'] : ['en', 'de'];
          return adopt(await createLibrary(dir, { name, languages, defaultLanguage: lang, clock }));
        }),
      'library.close': () =>
        serial(async () => {
          const wasOpen = open !== null;
          await closeCurrent();
          if (wasOpen) emit('libraryChanged', { revision: 0 });
          return null;
        }),
      'library.snapshot': async () => current().snapshot(),
      'library.apply': async ({ command }) => current().apply(command),
    },
  };
}
