import type { Creator } from './creator';
import type { ApiResult } from '../../../shared/api';
import type { Command, CommandInput, CommandResult } from '../../../shared/domain';
import { changesOfCommand } from './command-changes';
import type { VitrineClient } from '../api/client';
import type { LibrarySlice } from './types';

/** Enough for a working day's corrections without keeping every edit of a session alive. */
export const HISTORY_LIMIT = 200;

const EMPTY_HISTORY = { past: [], future: [] };

export function createLibrarySlice(client: VitrineClient): Creator<LibrarySlice> {
  return (set, get) => {
    /**
     * Snapshots can arrive out of order (an event and an edit both ask for one); only the answer
     * to the newest request is applied, so an older snapshot never overwrites a newer one.
     */
    let loadSeq = 0;
    /**
     * The newest revision whose changes were taken in. An edit is named twice — by main's answer
     * and by its `libraryChanged` event, in either order — and is taken in once.
     */
    let handled = -1;
    /** Commands sent and not yet answered; the header says "saving" while any are. */
    let pending = 0;
    /** Undo and redo run one after another, so a double press never replays one entry twice. */
    let historyQueue: Promise<unknown> = Promise.resolve();
    function serial<T>(work: () => Promise<T>): Promise<T> {
      const next = historyQueue.then(work, work);
      historyQueue = next.catch(() => undefined);
      return next;
    }

    /** The work of the newest revision being taken in (see `libraryChanged`). */
    let takingIn: Promise<void> = Promise.resolve();

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

    /** Sends one command with the save state kept honest; a failure stays until the next success. */
    async function send(command: CommandInput): Promise<ApiResult<CommandResult>> {
      pending += 1;
      set({ save: { status: 'saving', pending } });
      const result = await client.call('library.apply', { command });
      pending -= 1;
      if (!result.ok) {
        set({ save: { status: 'error', error: result.error } });
        return result;
      }
      set({ save: pending > 0 ? { status: 'saving', pending } : { status: 'saved' } });
      const { changed, manifest } = changesOfCommand(command);
      await get().libraryChanged(
        result.value.revision,
        false,
        manifest ? { ...changed, manifest: true } : changed,
      );
      return result;
    }

    function trimmed(list: Command[]): Command[] {
      return list.length > HISTORY_LIMIT ? list.slice(list.length - HISTORY_LIMIT) : list;
    }

    return {
      snapshot: null,
      snapshotError: null,
      save: { status: 'saved' },
      history: EMPTY_HISTORY,

      libraryClosed() {
        set({
          snapshot: null,
          snapshotError: null,
          save: { status: 'saved' },
          history: EMPTY_HISTORY,
        });
      },

      async libraryOpened(summary) {
        pending = 0;
        handled = summary.revision;
        get().itemCacheClosed();
        set({
          library: summary,
          snapshot: null,
          snapshotError: null,
          save: { status: 'saved' },
          history: EMPTY_HISTORY,
        });
        await Promise.all([loadSnapshot(), get().itemsChanged(null)]);
      },

      async libraryChanged(revision, reopened = false, changed) {
        const { snapshot, library } = get();
        if (!library) return;
        // Restored from a backup (in this page or another): the revision may have gone down and
        // the undo steps refer to entities that changed under them.
        if (reopened && snapshot && snapshot.revision !== revision) {
          handled = revision;
          set({ history: { past: [], future: [] } });
          get().itemCacheClosed();
          await Promise.all([loadSnapshot(), get().itemsChanged(null)]);
          return;
        }
        if (snapshot && snapshot.revision >= revision) return;
        // Taken in already (main's answer and the change event name the same edit, in either
        // order): wait for that work, so a caller's next edit starts from the new snapshot and
        // not from the one before (the exhibition editor drops its draft once a save is answered).
        if (revision <= handled) return takingIn;
        handled = revision;
        // Items: only the rows the page holds are read again (by id), and the screens showing a
        // query ask again; unknown changes (an import answering just a revision) re-read what
        // screens use. The small collections and the manifest still come as one snapshot.
        const work: Promise<void>[] = [loadSnapshot()];
        if (!changed) work.push(get().itemsChanged(null));
        else if (changed.items) work.push(get().itemsChanged(changed.items));
        takingIn = Promise.all(work).then(() => undefined);
        await takingIn;
      },

      async commandSubmitted(command) {
        const result = await send(command);
        if (result.ok) {
          // A new edit makes the undone ones unreachable, as in every editor.
          set((s) => ({
            history: { past: trimmed([...s.history.past, result.value.undo]), future: [] },
          }));
        }
        return result;
      },

      undoRequested: () =>
        serial(async () => {
          const inverse = get().history.past.at(-1);
          if (!inverse) return null;
          const result = await send(inverse);
          if (result.ok) {
            set((s) => ({
              history: {
                past: s.history.past.slice(0, -1),
                future: [...s.history.future, result.value.undo],
              },
            }));
          }
          return result;
        }),

      redoRequested: () =>
        serial(async () => {
          const again = get().history.future.at(-1);
          if (!again) return null;
          const result = await send(again);
          if (result.ok) {
            set((s) => ({
              history: {
                past: trimmed([...s.history.past, result.value.undo]),
                future: s.history.future.slice(0, -1),
              },
            }));
          }
          return result;
        }),
    };
  };
}
