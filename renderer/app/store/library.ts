import type { StateCreator } from 'zustand';
import type { VitrineClient } from '../api/client';
import type { AppState, LibrarySlice, SaveState } from './types';

type Creator<T> = StateCreator<AppState, [['zustand/persist', unknown]], [], T>;

function afterSettled(save: SaveState): SaveState {
  if (save.status === 'saving' && save.pending > 1)
    return { status: 'saving', pending: save.pending - 1 };
  return { status: 'saved' };
}

export function createLibrarySlice(client: VitrineClient): Creator<LibrarySlice> {
  return (set, get) => {
    /**
     * Snapshots can arrive out of order (an event and an edit both ask for one); only the answer
     * to the newest request is applied, so an older snapshot never overwrites a newer one.
     */
    let loadSeq = 0;

    async function loadSnapshot(): Promise<void> {
      const seq = ++loadSeq;
      const result = await client.call('library.snapshot');
      if (seq !== loadSeq) return;
      if (!result.ok) {
        set({ snapshotError: result.error });
        return;
      }
      set((state) => ({
        snapshot: result.value,
        snapshotError: null,
        library: state.library
          ? { ...state.library, revision: result.value.revision }
          : state.library,
      }));
    }

    return {
      snapshot: null,
      snapshotError: null,
      save: { status: 'saved' },

      async libraryOpened(summary) {
        set({ library: summary, snapshot: null, snapshotError: null, save: { status: 'saved' } });
        await loadSnapshot();
      },

      async libraryChanged(revision) {
        const { snapshot, library } = get();
        if (!library) return;
        if (snapshot && snapshot.revision >= revision) return;
        await loadSnapshot();
      },

      async commandSubmitted(command) {
        set((state) => ({
          save: {
            status: 'saving',
            pending: state.save.status === 'saving' ? state.save.pending + 1 : 1,
          },
        }));
        const result = await client.call('library.apply', { command });
        if (!result.ok) {
          // The failure stays visible in the header until the next successful save.
          set({ save: { status: 'error', error: result.error } });
          return result;
        }
        set((state) => ({
          save: state.save.status === 'error' ? state.save : afterSettled(state.save),
        }));
        await get().libraryChanged(result.value.revision);
        return result;
      },
    };
  };
}
