import type { StateCreator } from 'zustand';
import type { KioskStatsResult } from '../../../shared/api';
import type { ErrorData } from '../../../shared/errors';
import type { VitrineClient } from '../api/client';
import type { AppState } from './types';

type Creator<T> = StateCreator<AppState, [['zustand/persist', unknown]], [], T>;

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

export function createKioskStatsSlice(client: VitrineClient): Creator<KioskStatsSlice> {
  return (set, get) => {
    const update = (patch: Partial<KioskStatsState>) =>
      set({ kioskStats: { ...get().kioskStats, ...patch } });
    async function load(folder?: string): Promise<void> {
      update({ status: 'loading', error: null });
      const result = await client.call('kiosk.statsReport', folder === undefined ? {} : { folder });
      if (!result.ok) update({ status: 'idle', error: result.error });
      else if (result.value === null) update({ status: 'idle' });
      else update({ status: 'idle', result: result.value, folder: result.value.folder });
    }
    return {
      kioskStats: { open: false, folder: '', status: 'idle', result: null, error: null },
      kioskStatsOpened: () => update({ open: true }),
      kioskStatsClosed: () => update({ open: false }),
      kioskStatsFolderTyped: (folder) => update({ folder }),
      kioskStatsLoadRequested: () => load(get().kioskStats.folder.trim()),
      kioskStatsDialogRequested: () => load(),
    };
  };
}
