// The export slice's state and actions, apart from its implementation so that types.ts can
// compose AppState without importing the slice (no type cycle).
import type { ExportCheckResult, ExportSummary, ExportTarget } from '../../../shared/api';
import type { ErrorData } from '../../../shared/errors';

export type ExportMode = 'web' | 'kiosk';

/** What the person chose in the export panel. */
export interface ExportForm {
  exhibitionId: string | null;
  mode: ExportMode;
  /** Chosen languages; empty means "not chosen yet": all of the exhibition's. */
  languages: string[];
  zip: boolean;
  baseUrl: string;
  /** Kiosk idle seconds as typed; empty: the exhibition's own setting. */
  idleSeconds: string;
}

export type ExportRunStatus =
  'idle' | 'choosing' | 'confirm' | 'running' | 'cancelling' | 'done' | 'failed' | 'cancelled';

export interface ExportRun {
  status: ExportRunStatus;
  taskId: string | null;
  target: ExportTarget | null;
  done: number;
  total: number;
  step: string | null;
  startedAt: number | null;
  /** Seconds left, estimated from the share done so far and the time it took; null early on. */
  remainingSeconds: number | null;
  summary: ExportSummary | null;
  error: ErrorData | null;
  /** After "open folder": the path, and whether a file manager was opened. */
  revealed: { path: string; shown: boolean } | null;
}

export interface ExportCheckState {
  status: 'idle' | 'checking' | 'ready' | 'failed';
  /** Which exhibition and mode the result is for; a stale result is never shown. */
  key: string | null;
  result: ExportCheckResult | null;
  error: ErrorData | null;
}

export interface ExportSlice {
  exportForm: ExportForm;
  exportCheck: ExportCheckState;
  exportRun: ExportRun;

  exportFormChanged(patch: Partial<ExportForm>): void;
  /** Runs the pre-publication check for the chosen exhibition and mode. */
  exportCheckRequested(): Promise<void>;
  /** Checks again, asks main for the destination, then starts (or asks to replace). */
  exportStartRequested(): Promise<void>;
  exportReplaceConfirmed(): Promise<void>;
  exportReplaceDeclined(): void;
  exportCancelRequested(): Promise<void>;
  exportRevealRequested(): Promise<void>;
  /** Back to the form after a finished, failed or cancelled run. */
  exportRunDismissed(): void;
}
