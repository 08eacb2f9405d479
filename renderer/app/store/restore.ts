import type { VitrineClient } from '../api/client';
import type { Creator } from './creator';
import type { RestoreState, RestoreSlice } from './restore-types';

export type { RestoreState, RestoreSlice } from './restore-types';

export function createRestoreSlice(client: VitrineClient): Creator<RestoreSlice> {
  return (set, get) => {
    const update = (patch: Partial<RestoreState>) => {
      const current = get().restore;
      if (current) set({ restore: { ...current, ...patch } });
    };
    async function preview(backupId?: string): Promise<void> {
      const current = get().restore;
      if (!current) return;
      update({ status: 'loading', error: null });
      const result = await client.call('backups.preview', {
        libraryId: current.libraryId,
        ...(backupId !== undefined ? { backupId } : {}),
      });
      if (result.ok) update({ status: 'ready', preview: result.value });
      else update({ status: 'ready', preview: null, error: result.error });
    }
    return {
      restore: null,

      async restoreDialogOpened(libraryId, options = {}) {
        set({ restore: { libraryId, status: 'loading', list: null, preview: null, error: null } });
        const list = await client.call('backups.list', { libraryId });
        if (!list.ok) {
          update({ status: 'ready', error: list.error });
          return;
        }
        update({ list: list.value, status: 'ready' });
        if (options.newestValid) await preview();
      },

      restoreBackupChosen: (backupId) => preview(backupId),

      async restoreConfirmed() {
        const current = get().restore;
        if (!current?.preview) return;
        update({ status: 'restoring', error: null });
        const result = await client.call('backups.restore', {
          libraryId: current.libraryId,
          backupId: current.preview.backup.id,
        });
        if (!result.ok) {
          update({ status: 'ready', error: result.error });
          return;
        }
        set({ restore: null, library: result.value.library, sessionError: null });
        // Undo history and views belonged to the files that were set aside.
        await get().libraryOpened(result.value.library);
      },

      restoreDialogClosed() {
        if (get().restore?.status !== 'restoring') set({ restore: null });
      },
    };
  };
}
