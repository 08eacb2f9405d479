import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiHandlers, type ApiService } from '../../../../../electron/core/api';
import { createSyntheticJpeg } from '../../../../../electron/core/media';
import { buildBridge, type ApiTransport } from '../../../../../shared/api';
import { createClient } from '../../../../../renderer/app/api/client';
import { connectEvents, createAppStore, type AppStore } from '../../../../../renderer/app/store';

/**
 * Files dropped on the window in Electron: the store hands the `File` objects to the bridge, and
 * main (the real handler table) imports them. `pathOf` plays the preload's
 * `webUtils.getPathForFile`, the one part that needs Electron.
 */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function electronRig(pathOf: (file: File) => string) {
  const root = await mkdtemp(join(tmpdir(), 'vitrine-drop-store-'));
  const service: ApiService = await createApiHandlers({
    appDataDir: join(root, 'app-data'),
    lang: 'de',
    dialogs: {
      chooseLibraryFolder: async () => null,
      chooseNewLibraryFolder: async () => join(root, 'Bibliothek'),
      chooseMediaFiles: async () => null,
    },
    transport: 'electron',
    version: '0.0.0-test',
  });
  const transport: ApiTransport = {
    call: service.dispatch,
    subscribe: (event, listener) => service.on(event, listener),
  };
  const bridge = buildBridge(transport);
  const vitrine = {
    ...bridge,
    media: {
      ...bridge.media,
      importDropped: (files: File[]) =>
        service.importDropped({
          files: files.map((file) => ({ path: pathOf(file), name: file.name })),
        }),
    },
  };
  const client = createClient({ vitrine, language: () => 'de' });
  const map = new Map<string, string>();
  const storage = {
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  };
  const store: AppStore = createAppStore({ client, storage });
  const off = connectEvents(store, client);
  cleanups.push(async () => {
    off();
    await service.close();
    await rm(root, { recursive: true, force: true });
  });
  return { store, root };
}

describe('drop import in Electron', () => {
  it('imports dropped files through main and lists one result per file', async () => {
    const paths = new Map<File, string>();
    const { store, root } = await electronRig((file) => paths.get(file) ?? '');
    await store.getState().createDialogRequested('Bibliothek');
    const photo = join(root, 'Rathaus Leeds.jpg');
    await writeFile(photo, await createSyntheticJpeg({ width: 64, height: 48, seed: 9 }));
    const onDisk = new File(['ignored: main reads the file itself'], 'Rathaus Leeds.jpg');
    paths.set(onDisk, photo);
    const inMemory = new File(['x'], 'aus-dem-browser.png');

    await store.getState().importFilesDropped([onDisk, inMemory]);

    const state = store.getState().importState;
    expect(state.status).toBe('done');
    expect(state.results).toEqual([
      { name: 'Rathaus Leeds.jpg', status: 'imported', itemId: expect.any(String) },
      { name: 'aus-dem-browser.png', status: 'rejected', message: expect.any(String) },
    ]);
    expect(store.getState().snapshot?.items.map((i) => i.title.de)).toEqual(['Rathaus Leeds.jpg']);
  });
});
