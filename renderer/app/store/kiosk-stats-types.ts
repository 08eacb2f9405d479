// The kiosk-stats slice's state and actions, apart from its implementation so that types.ts can
// compose AppState without importing the slice (no type cycle).
import type { KioskStatsResult } from '../../../shared/api';
import type { ErrorData } from '../../../shared/errors';

/** The "Statistik" view of a kiosk export: which player folder, and its report once read. */
export interface KioskStatsState {
  open: boolean;
  /** The folder as typed (the web host has no folder dialog). */
  folder: string;
  status: 'idle' | 'loading';
  result: KioskStatsResult | null;
  error: ErrorData | null;
}

export interface KioskStatsSlice {
  kioskStats: KioskStatsState;
  kioskStatsOpened(): void;
  kioskStatsClosed(): void;
  kioskStatsFolderTyped(folder: string): void;
  /** Reads the typed folder. */
  kioskStatsLoadRequested(): Promise<void>;
  /** Desktop app: main asks for the folder in its dialog; a cancel changes nothing. */
  kioskStatsDialogRequested(): Promise<void>;
}
