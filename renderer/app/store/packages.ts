import type { ErrorData } from '../../../shared/errors';
import type { VitrineClient } from '../api/client';
import { HISTORY_LIMIT } from './library';
import type { Creator } from './creator';
import type { PackageDialogState, PackagesSlice } from './packages-types';

export type { ConflictChoice, PackageDialogState, PackagesSlice } from './packages-types';

export function createPackagesSlice(client: VitrineClient): Creator<PackagesSlice> {
  return (set, get) => {
    const update = (patch: Partial<PackageDialogState>) => {
      const current = get().packageDialog;
      if (current) set({ packageDialog: { ...current, ...patch } });
    };
    const failed = (error: ErrorData) => update({ busy: false, error });
    return {
      packageDialog: null,

      packageDialogOpened(mode) {
        const first = get().snapshot?.exhibitions[0]?.id ?? '';
        set({
          packageDialog: {
            mode,
            busy: false,
            upload: null,
            inspection: null,
            conflicts: 'keep',
            imported: null,
            exhibitionId: first,
            exported: null,
            error: null,
          },
        });
      },
      packageDialogClosed: () => {
        if (get().packageDialog?.busy) return;
        set({ packageDialog: null });
      },

      async packageFileChosen(file) {
        update({ busy: true, error: null, inspection: null, imported: null });
        let upload: { id: string; name: string };
        if (client.transport === 'electron') {
          const chosen = await client.call('files.chooseUpload', { kind: 'package' });
          if (!chosen.ok) return failed(chosen.error);
          if (!chosen.value) return update({ busy: false });
          upload = chosen.value.upload;
        } else {
          if (!file) return update({ busy: false });
          const sent = await client.upload(file);
          if (!sent.ok) return failed(sent.error);
          upload = { id: sent.value.uploadId, name: file.name || 'paket.vitrine' };
        }
        update({ upload });
        const answer = await client.call('packages.inspect', { upload });
        if (!answer.ok) return failed(answer.error);
        update({ busy: false, inspection: answer.value });
      },

      packageConflictsChosen: (conflicts) => update({ conflicts }),

      async packageImportConfirmed() {
        const state = get().packageDialog;
        if (!state?.upload || !state.inspection) return;
        update({ busy: true, error: null });
        const answer = await client.call('packages.import', {
          upload: state.upload,
          conflicts: state.conflicts,
        });
        if (!answer.ok) return failed(answer.error);
        const undo = answer.value.undo;
        if (undo) {
          // The whole package is one entry of the undo history.
          set((s) => {
            const past = [...s.history.past, undo];
            return {
              history: {
                past: past.length > HISTORY_LIMIT ? past.slice(past.length - HISTORY_LIMIT) : past,
                future: [],
              },
            };
          });
        }
        update({ busy: false, imported: answer.value, upload: null });
        await get().libraryChanged(answer.value.revision);
      },

      packageExhibitionChosen: (exhibitionId) => update({ exhibitionId, exported: null }),

      async packageExportConfirmed() {
        const state = get().packageDialog;
        if (!state?.exhibitionId) return;
        update({ busy: true, error: null, exported: null });
        const answer = await client.call('packages.export', { exhibitionId: state.exhibitionId });
        if (!answer.ok) return failed(answer.error);
        update({ busy: false, exported: answer.value });
      },
    };
  };
}
