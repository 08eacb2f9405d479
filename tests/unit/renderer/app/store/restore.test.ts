import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiHandlers, type ApiService } from '../../../../../electron/core/api';
import { buildBridge, type ApiTransport } from '../../../../../shared/api';
import { createClient } from '../../../../../renderer/app/api/client';
import { connectEvents, createAppStore, type AppStore } from '../../../../../renderer/app/store';

/** The restore slice over the real handler table and a real library on disk. */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function rig(): Promise<{ store: AppStore; service: ApiService }> {
  const root = await mkdtemp(join(tmpdir(), 'vitrine-restore-store-'));
  const dir = join(root, 'lib');
  const service = await createApiHandlers({
    appDataDir: join(root, 'app-data'),
    lang: 'de',
    dialogs: {
      chooseLibraryFolder: async () => dir,
      chooseNewLibraryFolder: async () => dir,
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
  const storage = new Map<string, string>();
  const store = createAppStore({
    client,
    storage: {
      getItem: (k) => storage.get(k) ?? null,
      setItem: (k, v) => void storage.set(k, v),
      removeItem: (k) => void storage.delete(k),
    },
  });
  const off = connectEvents(store, client);
  cleanups.push(async () => {
    off();
    await service.close();
    await rm(root, { recursive: true, force: true });
  });
  return { store, service };
}

const NOW = '2024-05-01T10:00:00.000Z';

describe('restore slice', () => {
  it('opens from the File menu event, previews a backup, restores it and drops the undo history', async () => {
    const { store, service } = await rig();
    await store.getState().appStarted();
    await store.getState().createDialogRequested('Test');
    const library = store.getState().library!;
    const put = (id: string) =>
      store.getState().commandSubmitted({
        type: 'putItem',
        item: { id, kind: 'text', title: { de: id }, createdAt: NOW, updatedAt: NOW },
      });
    expect((await put('a')).ok).toBe(true);
    expect(store.getState().history.past).toHaveLength(1);

    service.emit('menu', { command: 'restoreBackup' });
    await expect.poll(() => store.getState().restore?.list?.backups.length ?? 0).toBeGreaterThan(0);
    expect(store.getState().restore?.libraryId).toBe(library.id);
    const backup = store.getState().restore!.list!.backups.find((b) => b.valid)!;
    await store.getState().restoreBackupChosen(backup.id);
    expect(store.getState().restore?.preview?.changes.items).toMatchObject({
      before: 1,
      after: 0,
      removed: 1,
    });

    await store.getState().restoreConfirmed();
    expect(store.getState().restore).toBeNull();
    expect(store.getState().snapshot?.items).toEqual([]);
    expect(store.getState().history.past).toEqual([]);
  });
});
