import type { ApiResult, AppInfo, LibrarySummary, RecentLibrary } from '../../../shared/api';
import type { Command, CommandInput, CommandResult, LibrarySnapshot } from '../../../shared/domain';
import type { ErrorData } from '../../../shared/errors';
import type { UiLanguage } from '../i18n';
import type { ExportSlice } from './export';

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
  /** Main says the library changed (any transport, any window): reconcile by revision. */
  libraryChanged(revision: number): Promise<void>;
  /** One edit, sent to main; the answer carries the new revision and the inverse command. */
  commandSubmitted(command: CommandInput): Promise<ApiResult<CommandResult>>;
  /** Reverts the newest edit; null when there is nothing to undo. */
  undoRequested(): Promise<ApiResult<CommandResult> | null>;
  /** Re-applies the newest undone edit; null when there is nothing to redo. */
  redoRequested(): Promise<ApiResult<CommandResult> | null>;
}

export interface UiSlice {
  language: UiLanguage;
  section: Section;
  selectedPartnershipId: string | null;

  uiLanguageChanged(language: UiLanguage): void;
  sectionSelected(section: Section): void;
  partnershipSelected(id: string | null): void;
}

export type AppState = SessionSlice & LibrarySlice & UiSlice & ExportSlice;
