// The restore slice's state and actions, apart from its implementation so that types.ts can
// compose AppState without importing the slice (no type cycle).
import type { BackupList, RestorePreviewData } from '../../../shared/api';
import type { ErrorData } from '../../../shared/errors';

/** The restore dialog: which library, its backups, the preview of the chosen one. */
export interface RestoreState {
  libraryId: string;
  status: 'loading' | 'ready' | 'restoring';
  list: BackupList | null;
  preview: RestorePreviewData | null;
  error: ErrorData | null;
}

export interface RestoreSlice {
  /** Null while the dialog is closed. */
  restore: RestoreState | null;
  /**
   * File ▸ Restore from backup … (the open library), or the damaged-library error's offer
   * (`newestValid`: its preview is shown straight away).
   */
  restoreDialogOpened(libraryId: string, options?: { newestValid?: boolean }): Promise<void>;
  restoreBackupChosen(backupId: string): Promise<void>;
  restoreConfirmed(): Promise<void>;
  restoreDialogClosed(): void;
}
