import { createContext, createElement, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { VitrineClient } from '../api/client';
import { isUiLanguage } from '../i18n';
import { createCurationSlice } from './curation';
import { createExportSlice } from './export';
import { createLibrarySlice } from './library';
import { createRestoreSlice } from './restore';
import { createPublishSlice } from './publish';
import { createKioskStatsSlice } from './kiosk-stats';
import { createSessionSlice } from './session';
import type { AppState } from './types';
import { createUiSlice } from './ui';
import { handleMenuCommand } from './menu-commands';
import { createTableImportSlice } from './table-import';
import { createPackagesSlice } from './packages';
import { createQuerySlice } from './query';
import { createItemsSlice } from './items';

export * from './types';
export * from './selectors';

export type AppStore = StoreApi<AppState>;

export interface AppStoreDeps {
  client: VitrineClient;
  /** Where UI preferences live (localStorage in the app, a Map in tests). */
  storage: StateStorage;
}

export const PREFS_KEY = 'vitrine.ui-prefs';

/**
 * One store from three slices. Only UI preferences are persisted: library data belongs to main
 * and is always read fresh, so a stale copy can never shadow what is on disk.
 */
export function createAppStore({ client, storage }: AppStoreDeps): AppStore {
  return createStore<AppState>()(
    persist(
      (...a) => ({
        ...createSessionSlice(client)(...a),
        ...createLibrarySlice(client)(...a),
        ...createUiSlice(client)(...a),
        ...createExportSlice(client)(...a),
        ...createCurationSlice(client)(...a),
        ...createRestoreSlice(client)(...a),
        ...createTableImportSlice(client)(...a),
        ...createPackagesSlice(client)(...a),
        ...createPublishSlice(client)(...a),
        ...createKioskStatsSlice(client)(...a),
        ...createQuerySlice(client)(...a),
        ...createItemsSlice(client)(...a),
      }),
      {
        name: PREFS_KEY,
        version: 1,
        storage: createJSONStorage(() => storage),
        partialize: (state) => ({ language: state.language }),
        // A hand-edited or foreign value must not become the UI language.
        merge: (persisted, current) => {
          const language = (persisted as { language?: unknown } | undefined)?.language;
          return isUiLanguage(language) ? { ...current, language } : current;
        },
      },
    ),
  );
}

/** Forwards main's events into the store; returns the unsubscribe. */
export function connectEvents(store: AppStore, client: VitrineClient): () => void {
  const offs = [
    client.on('libraryChanged', ({ revision, reopened, changed }) => {
      void store.getState().libraryChanged(revision, reopened ?? false, changed);
    }),
    client.on('progress', (payload) => store.getState().progressReported(payload)),
    // Electron's menus and second launches: every command has a handler (menu-commands.ts).
    client.on('menu', (payload) => handleMenuCommand(store.getState(), payload)),
  ];
  return () => {
    for (const off of offs) off();
  };
}

const StoreContext = createContext<AppStore | null>(null);

export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return createElement(StoreContext.Provider, { value: store }, children);
}

export function useAppStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useApp outside StoreProvider');
  return store;
}

/** Components read the store only through selectors. */
export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStore(), selector);
}
