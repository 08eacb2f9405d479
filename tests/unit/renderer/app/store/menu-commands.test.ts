import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLibrary } from '../../../../../electron/core/library';
import { MENU_COMMANDS } from '../../../../../shared/api';
import { startStoreRig, type StoreRig } from './rig';

/**
 * Commands main sends in `menu` events (Electron's menus, a second launch) reach the store
 * through the real client and the real handler table, as in the desktop app.
 */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function rig(): Promise<StoreRig> {
  const r = await startStoreRig('vitrine-menu-');
  cleanups.push(r.dispose);
  return r;
}

describe('menu commands in the page', () => {
  it('opens the About and New library dialogs', async () => {
    const { service, store } = await rig();
    service.emit('menu', { command: 'about' });
    expect(store.getState().appDialog).toBe('about');
    store.getState().appDialogClosed();
    service.emit('menu', { command: 'newLibrary' });
    expect(store.getState().appDialog).toBe('newLibrary');
    // The dialog's confirm: main's folder dialog (here a fixed answer) and a new library.
    await store.getState().createDialogRequested('Neue Sammlung');
    expect(store.getState().library?.name).toBe('Neue Sammlung');
  });

  it('opens the sample library from the File menu', async () => {
    const { service, store } = await rig();
    service.emit('menu', { command: 'openSample' });
    await vi.waitFor(() => expect(store.getState().library?.isSample).toBe(true), {
      timeout: 60_000,
    });
  });

  it('shows a library that main opened for a second launch', async () => {
    const { root, service, store } = await rig();
    const dir = join(root, 'Zweite');
    await (
      await createLibrary(dir, { name: 'Zweite', languages: ['de'], defaultLanguage: 'de' })
    ).close();
    const opened = await service.openLibraryDir(dir);
    expect(opened.ok).toBe(true);
    service.emit('menu', { command: 'sessionChanged' });
    await vi.waitFor(() => expect(store.getState().library?.name).toBe('Zweite'), {
      timeout: 30_000,
    });
    await vi.waitFor(() => expect(store.getState().snapshot).not.toBeNull(), { timeout: 30_000 });
  });

  it('knows every command of the contract', () => {
    // The compile-time check lives in menu-commands.ts; this lists what it covers.
    expect([...MENU_COMMANDS].sort()).toEqual(
      [
        'about',
        'export',
        'exportPackage',
        'importPackage',
        'newLibrary',
        'openLibrary',
        'openRecent',
        'openSample',
        'redo',
        'restoreBackup',
        'sessionChanged',
        'undo',
      ].sort(),
    );
  });
});
