// The packages slice's state and actions, apart from its implementation so that types.ts can
// compose AppState without importing the slice (no type cycle).
import type { PackageImportResult, PackageInspection } from '../../../shared/api';
import type { ErrorData } from '../../../shared/errors';

export type ConflictChoice = 'keep' | 'replace' | 'copy';

/** File ▸ Import package … / Export package …: one dialog, two modes. */
export interface PackageDialogState {
  mode: 'import' | 'export';
  busy: boolean;
  upload: { id: string; name: string } | null;
  inspection: PackageInspection | null;
  conflicts: ConflictChoice;
  imported: PackageImportResult | null;
  exhibitionId: string;
  exported: { displayPath: string; bytes: number } | null;
  error: ErrorData | null;
}

export interface PackagesSlice {
  packageDialog: PackageDialogState | null;
  packageDialogOpened(mode: 'import' | 'export'): void;
  packageDialogClosed(): void;
  /** Browser: the chosen file; Electron: none (main shows its dialog). */
  packageFileChosen(file?: File): Promise<void>;
  packageConflictsChosen(choice: ConflictChoice): void;
  packageImportConfirmed(): Promise<void>;
  packageExhibitionChosen(id: string): void;
  packageExportConfirmed(): Promise<void>;
}
