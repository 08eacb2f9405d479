import type { VitrineClient } from '../api/client';
import type { Creator } from './creator';
import type { KioskStatsState, KioskStatsSlice } from './kiosk-stats-types';

export type { KioskStatsState, KioskStatsSlice } from './kiosk-stats-types';

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
