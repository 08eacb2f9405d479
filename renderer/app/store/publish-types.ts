// The publish slice's state and actions, apart from its implementation so that types.ts can
// compose AppState without importing the slice (no type cycle).
import type {
  PublishProgressEvent,
  PublishResultView,
  PublishTargetsView,
} from '../../../shared/api';
import type { PublishAuthKind } from '../../../shared/domain/publish-target';
import type { ErrorData } from '../../../shared/errors';

export interface PublishTargetForm {
  name: string;
  url: string;
  auth: PublishAuthKind;
}

export interface HostKeyQuestion {
  host: string;
  port: number;
  fingerprint: string;
}

export type PublishRunStatus =
  'idle' | 'connecting' | 'hostKey' | 'running' | 'cancelling' | 'done' | 'failed' | 'cancelled';

export interface PublishRun {
  status: PublishRunStatus;
  taskId: string | null;
  dryRun: boolean;
  progress: PublishProgressEvent | null;
  result: PublishResultView | null;
  error: ErrorData | null;
  /** A server seen for the first time: its fingerprint, for the person to confirm. */
  hostKey: HostKeyQuestion | null;
}

export interface PublishState {
  list: PublishTargetsView | null;
  listError: ErrorData | null;
  selectedId: string | null;
  form: PublishTargetForm;
  formError: ErrorData | null;
  /**
   * The password typed for the next publish. Kept in the page's memory only and sent with
   * `publish.start`; main keeps it no longer than the run (or, on request in the desktop app,
   * encrypted by the OS).
   */
  secret: string;
  saveSecret: boolean;
  run: PublishRun;
}

export interface PublishSlice {
  publish: PublishState;
  publishTargetsRequested(): Promise<void>;
  publishTargetFormChanged(patch: Partial<PublishTargetForm>): void;
  publishTargetSaved(): Promise<void>;
  publishTargetRemoved(id: string): Promise<void>;
  publishTargetSelected(id: string): void;
  publishSecretChanged(secret: string, save?: boolean): void;
  /** Dry run (`true`) or the real publish of the export panel's exhibition to the chosen target. */
  publishStartRequested(dryRun: boolean): Promise<void>;
  publishHostKeyConfirmed(): Promise<void>;
  publishHostKeyDeclined(): void;
  publishCancelRequested(): Promise<void>;
  publishRunDismissed(): void;
}
