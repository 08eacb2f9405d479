import type { Creator } from './creator';
import type { ApiResult, LibrarySummary } from '../../../shared/api';
import type { ErrorData } from '../../../shared/errors';
import type { VitrineClient } from '../api/client';
import type { SessionSlice } from './types';

export function createSessionSlice(client: VitrineClient): Creator<SessionSlice> {
  return (set, get) => {
    /** Every way of opening a library ends here, so they all behave the same. */
    async function open(request: Promise<ApiResult<LibrarySummary | null>>): Promise<void> {
      set({ sessionStatus: 'opening', sessionError: null });
      const result = await request;
      if (!result.ok) {
        set({ sessionStatus: 'ready', sessionError: result.error });
        return;
      }
      if (result.value === null) {
        // The person cancelled the dialog: nothing changes.
        set({ sessionStatus: 'ready' });
        return;
      }
      set({ library: result.value, sessionStatus: 'ready' });
      await get().libraryOpened(result.value);
      await refreshRecent();
    }

    async function refreshRecent(): Promise<void> {
      const state = await client.call('session.state');
      if (state.ok) set({ recent: state.value.recent });
    }

    return {
      appInfo: null,
      library: null,
      recent: [],
      sessionStatus: 'starting',
      sessionError: null,

      async appStarted() {
        // Main writes its messages and menus in the language the person chose here.
        const [info, session] = await Promise.all([
          client.call('app.setUiLanguage', { lang: get().language }),
          client.call('session.state'),
        ]);
        if (info.ok) set({ appInfo: info.value });
        if (!session.ok) {
          set({ sessionStatus: 'ready', sessionError: session.error });
          return;
        }
        set({
          library: session.value.library,
          recent: session.value.recent,
          sessionStatus: 'ready',
          // The library named at start is damaged: its error carries the restore offer.
          sessionError: info.ok
            ? ((session.value.startError as ErrorData | undefined) ?? null)
            : info.error,
        });
        if (session.value.library) await get().libraryOpened(session.value.library);
      },

      async sessionChanged() {
        const state = await client.call('session.state');
        if (!state.ok) {
          set({ sessionError: state.error });
          return;
        }
        set({ recent: state.value.recent });
        const next = state.value.library;
        if (!next || next.id === get().library?.id) return;
        set({ library: next, sessionStatus: 'ready', sessionError: null });
        await get().libraryOpened(next);
      },

      sampleRequested: () => open(client.call('library.openSample')),
      recentRequested: (id) => open(client.call('library.openRecent', { id })),
      openDialogRequested: () => open(client.call('library.openDialog')),
      createDialogRequested: (name) => open(client.call('library.createDialog', { name })),

      async libraryCloseRequested() {
        const result = await client.call('library.close');
        if (!result.ok) {
          set({ sessionError: result.error });
          return;
        }
        set({ library: null });
        // Each slice forgets what belonged to the closed library; session knows none of it.
        const state = get();
        state.libraryClosed();
        state.uiLibraryClosed();
        state.curationLibraryClosed();
        state.itemCacheClosed();
        await refreshRecent();
      },

      sessionErrorDismissed() {
        set({ sessionError: null });
      },
    };
  };
}
