import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiHandlers } from '../../../../../electron/core/api';
import { createLibrary } from '../../../../../electron/core/library';
import { buildBridge, type ApiTransport } from '../../../../../shared/api';
import { createClient } from '../../../../../renderer/app/api/client';
import { connectEvents, createAppStore } from '../../../../../renderer/app/store';
import { exhibition } from '../../../../fixtures/snapshot';

/**
 * File ▸ Export package … and Import package … as the desktop app runs them: menu command →
 * the page's dialog state → main's (scripted) file dialogs → the real package writer and reader.
 */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('package dialogs in the page', () => {
  it('exports an exhibition as a package and imports it back as a copy, one undo step', async () => {
    const root = await mkdtemp(join(tmpdir(), 'vitrine-packages-'));
    const libraryDir = join(root, 'lib');
    const lib = await createLibrary(libraryDir, {
      name: 'P',
      languages: ['de', 'en'],
      defaultLanguage: 'de',
    });
    await lib.apply({ type: 'putExhibition', exhibition: exhibition('leeds-50') });
    await lib.close();
    const target = join(root, 'Übergabe.vitrine');
    const asked: string[] = [];
    const service = await createApiHandlers({
      appDataDir: join(root, 'app-data'),
      lang: 'de',
      dialogs: {
        chooseLibraryFolder: async () => null,
        chooseNewLibraryFolder: async () => null,
        chooseMediaFiles: async () => null,
        choosePackageTarget: async (name) => {
          asked.push(`save:${name}`);
          return target;
        },
        chooseFile: async (kind) => {
          asked.push(`open:${kind}`);
          return target;
        },
      },
      transport: 'electron',
      version: '0.0.0-test',
      libraryDirOnStart: libraryDir,
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
    cleanups.push(async () => {
      off();
      await service.close();
      await rm(root, { recursive: true, force: true });
    });
    await store.getState().appStarted();
    await vi.waitFor(() => expect(store.getState().snapshot).not.toBeNull(), { timeout: 30_000 });

    service.emit('menu', { command: 'exportPackage' });
    expect(store.getState().packageDialog).toMatchObject({
      mode: 'export',
      exhibitionId: 'leeds-50',
    });
    await store.getState().packageExportConfirmed();
    expect(store.getState().packageDialog?.exported?.displayPath).toBe(target);
    expect((await stat(target)).size).toBeGreaterThan(0);
    store.getState().packageDialogClosed();

    service.emit('menu', { command: 'importPackage' });
    expect(store.getState().packageDialog?.mode).toBe('import');
    await store.getState().packageFileChosen();
    expect(store.getState().packageDialog?.inspection).toMatchObject({
      exhibition: 'leeds-50',
      conflicts: 1,
    });
    store.getState().packageConflictsChosen('copy');
    await store.getState().packageImportConfirmed();
    expect(store.getState().packageDialog?.imported).toMatchObject({ copied: 1 });
    expect(asked).toEqual(['save:leeds-50.vitrine', 'open:package']);
    await vi.waitFor(() => expect(store.getState().snapshot?.exhibitions).toHaveLength(2));
    // The chosen package file itself is left alone; main worked on its own copy.
    expect((await stat(target)).isFile()).toBe(true);

    await store.getState().undoShortcut();
    await vi.waitFor(() => expect(store.getState().snapshot?.exhibitions).toHaveLength(1));
  });
});
