import type {
  ApiEventPayload,
  ApiResult,
  AppInfo,
  LibrarySummary,
  RecentLibrary,
} from '../../../shared/api';
import type {
  Command,
  CommandInput,
  CommandResult,
  EntityChanges,
  LibrarySnapshot,
} from '../../../shared/domain';
import type { ErrorData } from '../../../shared/errors';
import type { UiLanguage } from '../i18n';
import type { ExportSlice } from './export-types';
import type { RestoreSlice } from './restore-types';
import type { TableImportSlice } from './table-import-types';
import type { PackagesSlice } from './packages-types';
import type { PublishSlice } from './publish-types';
import type { KioskStatsSlice } from './kiosk-stats-types';
import type { QuerySlice } from './query-types';
import type { ItemsSlice } from './items-types';
import type { FacetFilter, SortKey } from '../library/facets';

export const SECTIONS = ['library', 'partnerships', 'exhibitions', 'export'] as const;
export type Section = (typeof SECTIONS)[number];

/** What the header shows; `error` keeps the failure so the person can read why. */
export type SaveState =
  | { status: 'saved' }
  | { status: 'saving'; pending: number }
  | { status: 'error'; error: ErrorData };

export interface SessionSlice {
  appInfo: AppInfo | null;
  /** The open library, or null on the start screen. */
  library: LibrarySummary | null;
  recent: RecentLibrary[];
  /** `starting` until the first session state arrived; `opening` while a library opens. */
  sessionStatus: 'starting' | 'ready' | 'opening';
  /** The last failure of a session action (start, open, close), shown until dismissed. */
  sessionError: ErrorData | null;

  appStarted(): Promise<void>;
  sampleRequested(): Promise<void>;
  recentRequested(id: string): Promise<void>;
  openDialogRequested(): Promise<void>;
  createDialogRequested(name: string): Promise<void>;
  libraryCloseRequested(): Promise<void>;
  sessionErrorDismissed(): void;
  /** Main opened a library itself (a second launch): show what the session now holds. */
  sessionChanged(): Promise<void>;
}

export interface LibrarySlice {
  snapshot: LibrarySnapshot | null;
  /** Why the snapshot could not be loaded, if it could not. */
  snapshotError: ErrorData | null;
  save: SaveState;
  /**
   * Undo history of this library: `past` holds the inverse of each applied edit (newest last),
   * `future` the commands that redo what was undone. Both replay through `library.apply`, so
   * undo is validated like any edit.
   */
  history: { past: Command[]; future: Command[] };

  /** A library is now open in main: load everything it holds. */
  libraryOpened(summary: LibrarySummary): Promise<void>;
  /**
   * Main says the library changed (any transport, any window): reconcile by revision; after a
   * reopen (a restore) reload whenever the revision differs, lower or higher.
   */
  libraryChanged(
    revision: number,
    reopened?: boolean,
    changed?: EntityChanges & { manifest?: boolean },
  ): Promise<void>;
  /** One edit, sent to main; the answer carries the new revision and the inverse command. */
  commandSubmitted(command: CommandInput): Promise<ApiResult<CommandResult>>;
  /** Reverts the newest edit; null when there is nothing to undo. */
  undoRequested(): Promise<ApiResult<CommandResult> | null>;
  /** Re-applies the newest undone edit; null when there is nothing to redo. */
  redoRequested(): Promise<ApiResult<CommandResult> | null>;
  /** The library closed: its data, save state and undo history go with it. */
  libraryClosed(): void;
}

export interface UiSlice {
  language: UiLanguage;
  section: Section;
  selectedPartnershipId: string | null;

  uiLanguageChanged(language: UiLanguage): void;
  sectionSelected(section: Section): void;
  partnershipSelected(id: string | null): void;
  /** The app-level dialog a menu command opened (About, New library), or none. */
  appDialog: AppDialog | null;
  appDialogOpened(dialog: AppDialog): void;
  appDialogClosed(): void;
  /** The library closed: back to its first section, no partnership selected. */
  uiLibraryClosed(): void;
}

export type AppDialog = 'about' | 'newLibrary';

/** One line per file of an import batch. */
export interface ImportFileResult {
  name: string;
  status: 'imported' | 'duplicate' | 'rejected';
  message?: string;
  itemId?: string;
}

export interface ImportState {
  status: 'idle' | 'running' | 'done' | 'failed';
  done: number;
  total: number;
  results: ImportFileResult[];
  error: ErrorData | null;
}

/** The curation workspace: library view, selection, import (issue 4). Not persisted. */
export interface CurationSlice {
  libraryQuery: string;
  libraryFilter: FacetFilter;
  librarySort: SortKey;
  libraryView: 'grid' | 'list';
  /** Selected item ids in library order of selection; the first is the one the editor shows. */
  selectedItemIds: string[];
  /** Where a shift-click range starts. */
  selectionAnchor: string | null;
  importState: ImportState;
  partnershipTab: 'list' | 'overview' | 'awards';

  libraryQueryChanged(query: string): void;
  libraryFilterChanged(filter: FacetFilter): void;
  librarySortChanged(sort: SortKey): void;
  libraryViewChanged(view: 'grid' | 'list'): void;
  itemsSelected(ids: string[], anchor?: string | null): void;
  partnershipTabSelected(tab: 'list' | 'overview' | 'awards'): void;
  /** Files dropped on the window or picked in the browser's chooser (web host). */
  importFilesDropped(files: File[]): Promise<void>;
  /** Electron: main shows its file dialog. */
  importDialogRequested(): Promise<void>;
  importDismissed(): void;
  progressReported(payload: ApiEventPayload<'progress'>): void;
  /** Ctrl/Cmd+Z and the menu: pending edits are saved first, then undone. */
  undoShortcut(): Promise<void>;
  redoShortcut(): Promise<void>;
  /** The library closed: its selection, search and filter belonged to it. */
  curationLibraryClosed(): void;
}

export type AppState = SessionSlice &
  LibrarySlice &
  UiSlice &
  CurationSlice &
  ExportSlice &
  RestoreSlice &
  TableImportSlice &
  PackagesSlice &
  PublishSlice &
  KioskStatsSlice &
  QuerySlice &
  ItemsSlice;
