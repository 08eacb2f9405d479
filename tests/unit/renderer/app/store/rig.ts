import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiHandlers, type ApiService, type Dialogs } from '../../../../../electron/core/api';
import { buildBridge, type ApiTransport } from '../../../../../shared/api';
import { createClient } from '../../../../../renderer/app/api/client';
import { connectEvents, createAppStore, type AppStore } from '../../../../../renderer/app/store';

export interface StoreRig {
  root: string;
  service: ApiService;
  store: AppStore;
  /** Disconnects the events, closes the service and removes the folder. */
  dispose(): Promise<void>;
}

/**
 * The page's store over the real client and the real handler table (Electron transport), in a
 * fresh folder, started as the page starts it. `dialogs` answers main's native dialogs; by
 * default no library is chosen and a new one goes to `ROOT/Neu`.
 */
export async function startStoreRig(
  prefix: string,
  dialogs?: (root: string) => Dialogs,
): Promise<StoreRig> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  const service = await createApiHandlers({
    appDataDir: join(root, 'app-data'),
    lang: 'de',
    dialogs: dialogs?.(root) ?? {
      chooseLibraryFolder: async () => null,
      chooseNewLibraryFolder: async () => join(root, 'Neu'),
      chooseMediaFiles: async () => null,
    },
    transport: 'electron',
    version: '0.0.0-test',
  });
  const transport: ApiTransport = {
    call: service.dispatch,
    subscribe: (event, listener) => service.on(event, listener),
  };
  const client = createClient({ vitrine: buildBridge(transport), language: () => 'de' });
  const map = new Map<string, string>();
  const store = createAppStore({
    client,
    storage: {
      getItem: (key) => map.get(key) ?? null,
      setItem: (key, value) => void map.set(key, value),
      removeItem: (key) => void map.delete(key),
    },
  });
  const off = connectEvents(store, client);
  const dispose = async () => {
    off();
    await service.close();
    await rm(root, { recursive: true, force: true });
  };
  try {
    await store.getState().appStarted();
  } catch (error) {
    await dispose();
    throw error;
  }
  return { root, service, store, dispose };
}
