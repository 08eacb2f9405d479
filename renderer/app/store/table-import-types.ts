// The table-import slice's state and actions, apart from its implementation so that types.ts can
// compose AppState without importing the slice (no type cycle).
import type { MediaFolder, TableImportReport, TablePreview } from '../../../shared/api';
import type { TABLE_DELIMITERS, TABLE_ENCODINGS } from '../../../shared/api';
import type { ColumnMapping } from '../../../shared/domain/import-mapping';
import type { ErrorData } from '../../../shared/errors';

export type TableEncoding = (typeof TABLE_ENCODINGS)[number];
export type TableDelimiter = (typeof TABLE_DELIMITERS)[number];

/** A file the person picked in the browser, with its path inside the chosen folder. */
export interface FolderFile {
  file: Blob;
  /** `sub/foto1.jpg`: `webkitRelativePath` without the folder's own name. */
  path: string;
}

/**
 * The table-import wizard: choose → mapping (with the dry run's report) → running → done.
 * Every step goes through the API; the page never holds a path, only upload and folder ids.
 */
export interface TableImportState {
  step: 'choose' | 'mapping' | 'running' | 'done';
  busy: boolean;
  upload: { id: string; name: string } | null;
  preview: TablePreview | null;
  encoding: TableEncoding | null;
  delimiter: TableDelimiter | null;
  mapping: ColumnMapping[];
  mediaFolder: MediaFolder | null;
  updateBy: string;
  mode: 'revise' | 'replace';
  saveAs: string;
  /** The dry run of the current settings; cleared when a setting changes. */
  report: TableImportReport | null;
  /** The real run's answer. */
  result: TableImportReport | null;
  progress: { done: number; total: number; step?: string; etaSeconds?: number } | null;
  taskId: string | null;
  error: ErrorData | null;
}

export interface TableImportSlice {
  /** Null while the wizard is closed. */
  tableImport: TableImportState | null;
  tableImportOpened(): void;
  tableImportClosed(): void;
  /** Browser: the file from `<input type=file>`; Electron: none (main shows its dialog). */
  tableFileChosen(file?: File): Promise<void>;
  /** Browser: the files of the chosen folder; Electron: none (main shows its dialog). */
  tableMediaChosen(name?: string, files?: FolderFile[]): Promise<void>;
  tableSourceOverridden(change: {
    encoding?: TableEncoding | null;
    delimiter?: TableDelimiter | null;
  }): Promise<void>;
  tableMappingChanged(mapping: ColumnMapping[]): void;
  /** Takes a mapping saved in the library (by name) for the columns this table has. */
  tableMappingLoaded(name: string): void;
  tableOptionsChanged(
    change: Partial<Pick<TableImportState, 'updateBy' | 'mode' | 'saveAs'>>,
  ): void;
  tableDryRunRequested(): Promise<void>;
  tableImportRequested(): Promise<void>;
  tableImportCancelRequested(): Promise<void>;
}
