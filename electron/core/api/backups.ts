import type { BackupSummaryData, LibrarySummary, RestorePreviewData } from '../../../shared/api';
import { AppError, type UiLanguage } from '../../../shared/errors';
import { listBackups, openLibrary, restoreBackup, type Library } from '../library';
import {
  describeBackups,
  previewRestore,
  type BackupSummary,
  type RestorePreview,
} from '../library/restore-preview';
import type { ApiHandlers } from './dispatch';
import { libraryIdFor } from './recent';

/** Errors that mean "the files are there but damaged": a backup may help. */
const RESTORABLE_CODES: ReadonlySet<string> = new Set([
  'FILE_UNREADABLE',
  'FILE_EMPTY',
  'FILE_TOO_LARGE',
  'FILE_INVALID_JSON',
  'FILE_INVALID_DATA',
]);

export interface BackupHandlerDeps {
  lang: () => UiLanguage;
  clock: () => Date;
  /** The open library, or null. */
  openLibrary: () => Library | null;
  /** Folder of a library the page may name: the open one, a failed one, a recent one. */
  dirOf: (libraryId: string) => Promise<string | null>;
  serial: <T>(work: () => Promise<T>) => Promise<T>;
  closeCurrent: () => Promise<void>;
  adopt: (library: Library) => Promise<LibrarySummary>;
}

/**
 * When opening `dir` fails because a file is damaged and there are backups to restore from,
 * the error's details name the library, so the page can offer the newest valid backup at once.
 */
export async function withRestoreOffer(error: unknown, dir: string): Promise<unknown> {
  if (!(error instanceof AppError) || !RESTORABLE_CODES.has(error.code)) return error;
  const backups = (await listBackups(dir)).filter((b) => b.kind !== 'damaged');
  if (backups.length === 0) return error;
  return new AppError(error.code, error.messages, {
    ...(error.location ? { location: error.location } : {}),
    details: {
      libraryId: libraryIdFor(dir),
      ...(error.details !== undefined ? { issues: error.details } : {}),
    },
    cause: error,
  });
}

/** Whether `withRestoreOffer` named the library, i.e. it is damaged and has backups. */
export function hasRestoreOffer(error: AppError): boolean {
  const details = error.details as { libraryId?: unknown } | undefined;
  return typeof details?.libraryId === 'string';
}

function unknownLibrary(): AppError {
  return new AppError('NOT_FOUND', {
    de: 'Diese Bibliothek ist nicht (mehr) bekannt; öffnen Sie sie erneut.',
    en: 'This library is not (or no longer) known; open it again.',
  });
}

function summaryIn(b: BackupSummary, lang: UiLanguage): BackupSummaryData {
  return {
    id: b.id,
    kind: b.kind,
    createdAt: b.createdAt,
    revision: b.revision,
    bytes: b.bytes,
    valid: b.valid,
    ...(b.problem ? { problem: { code: b.problem.code, message: b.problem.message[lang] } } : {}),
    counts: b.counts,
  };
}

function previewIn(libraryId: string, p: RestorePreview, lang: UiLanguage): RestorePreviewData {
  return {
    libraryId,
    backup: summaryIn(p.backup, lang),
    skipped: p.skipped,
    currentProblem: p.currentProblem
      ? { code: p.currentProblem.code, message: p.currentProblem.message[lang] }
      : null,
    changes: p.changes,
  };
}

/** `backups.list`, `backups.preview` and `backups.restore` over the library's backup folder. */
export function createBackupHandlers(
  deps: BackupHandlerDeps,
): Pick<ApiHandlers, 'backups.list' | 'backups.preview' | 'backups.restore'> {
  const dirOf = async (libraryId: string): Promise<string> => {
    const dir = await deps.dirOf(libraryId);
    if (!dir) throw unknownLibrary();
    return dir;
  };
  return {
    'backups.list': async ({ libraryId }) => {
      const dir = await dirOf(libraryId);
      const backups = await describeBackups(dir);
      return {
        libraryId,
        displayPath: dir,
        backups: backups.map((b) => summaryIn(b, deps.lang())),
      };
    },
    'backups.preview': async ({ libraryId, backupId }) => {
      const dir = await dirOf(libraryId);
      const preview = await previewRestore(
        dir,
        backupId !== undefined ? { id: backupId } : { newestValid: true },
      );
      return previewIn(libraryId, preview, deps.lang());
    },
    'backups.restore': ({ libraryId, backupId }) =>
      deps.serial(async () => {
        const dir = await dirOf(libraryId);
        // Our own open library holds the lock: close it, restore, and open the result. If the
        // restore fails, the library is opened again as it was, so the person is not left out.
        const current = deps.openLibrary();
        const wasOpen = current !== null && libraryIdFor(current.dir) === libraryId;
        if (wasOpen) await deps.closeCurrent();
        let result;
        try {
          result = await restoreBackup(dir, backupId, { clock: deps.clock });
        } catch (error) {
          if (wasOpen)
            await openLibrary(dir, { clock: deps.clock }).then(deps.adopt, () => undefined);
          throw error;
        }
        const library = await deps.adopt(await openLibrary(dir, { clock: deps.clock }));
        return { library, restored: result.restored.id, setAside: result.damaged.id };
      }),
  };
}
