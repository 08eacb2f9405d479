import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiHandlers, type ApiService, type Dialogs } from '../../../../../electron/core/api';
import { readLibrarySnapshot } from '../../../../../electron/core/library';
import { buildBridge, type ApiTransport } from '../../../../../shared/api';
import { createClient, type VitrineClient } from '../../../../../renderer/app/api/client';
import {
  connectEvents,
  createAppStore,
  PREFS_KEY,
  selectCanRedo,
  selectCanUndo,
  selectPartnershipsByDate,
  type AppStore,
} from '../../../../../renderer/app/store';

/**
 * The store over the real handler table (library store on disk, recent list, settings), joined
 * the way the preload joins them: shared `buildBridge` over a transport. Only the native folder
 * dialog is replaced, by a person who always picks `chosen`.
 */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  };
}

interface Rig {
  store: AppStore;
  client: VitrineClient;
  service: ApiService;
  root: string;
  storage: ReturnType<typeof memoryStorage>;
  dialog: { chosen: string | null };
}

async function rig(
  storage = memoryStorage(),
  start: { root?: string; libraryDir?: string } = {},
): Promise<Rig> {
  const root = start.root ?? (await mkdtemp(join(tmpdir(), 'vitrine-store-')));
  const dialog = { chosen: join(root, 'Testbibliothek') as string | null };
  const dialogs: Dialogs = {
    chooseLibraryFolder: async () => dialog.chosen,
    chooseNewLibraryFolder: async () => dialog.chosen,
    chooseMediaFiles: async () => null,
  };
  const service = await createApiHandlers({
    appDataDir: join(root, 'app-data'),
    lang: 'de',
    dialogs,
    transport: 'electron',
    version: '0.0.0-test',
    ...(start.libraryDir ? { libraryDirOnStart: start.libraryDir } : {}),
  });
  const transport: ApiTransport = {
    call: service.dispatch,
    subscribe: (event, listener) => service.on(event, listener),
  };
  const holder: { store?: AppStore } = {};
  const client = createClient({
    vitrine: buildBridge(transport),
    language: () => holder.store?.getState().language ?? 'de',
  });
  const store = createAppStore({ client, storage });
  holder.store = store;
  const off = connectEvents(store, client);
  cleanups.push(async () => {
    off();
    await service.close();
    await rm(root, { recursive: true, force: true });
  });
  return { store, client, service, root, storage, dialog };
}

const NOW = '2024-05-01T10:00:00.000Z';

function partnership(id: string, city: string, since: string) {
  return {
    id,
    city: { de: city, en: city },
    country: 'GB',
    kind: 'twin-city' as const,
    since,
    createdAt: NOW,
    updatedAt: NOW,
  };
}

describe('session', () => {
  it('starts on the start screen with no library and no recent entries', async () => {
    const { store } = await rig();
    expect(store.getState().sessionStatus).toBe('starting');
    await store.getState().appStarted();
    const state = store.getState();
    expect(state.sessionStatus).toBe('ready');
    expect(state.library).toBeNull();
    expect(state.recent).toEqual([]);
    expect(state.appInfo).toMatchObject({ transport: 'electron', uiLanguage: 'de' });
    expect(state.sessionError).toBeNull();
  });

  it('creates a library through the dialog, loads its snapshot and lists it as recent', async () => {
    const { store } = await rig();
    await store.getState().appStarted();
    await store.getState().createDialogRequested('Testbibliothek');
    const state = store.getState();
    expect(state.sessionError).toBeNull();
    expect(state.library?.name).toBe('Testbibliothek');
    expect(state.snapshot?.manifest.name).toBe('Testbibliothek');
    expect(state.recent.map((r) => r.name)).toEqual(['Testbibliothek']);
  });

  it('leaves everything as it was when the person cancels the dialog', async () => {
    const { store, dialog } = await rig();
    await store.getState().appStarted();
    dialog.chosen = null;
    await store.getState().openDialogRequested();
    expect(store.getState()).toMatchObject({
      library: null,
      sessionStatus: 'ready',
      sessionError: null,
    });
  });

  it('closes the library and reopens it from the recent list', async () => {
    const { store } = await rig();
    await store.getState().appStarted();
    await store.getState().createDialogRequested('Testbibliothek');
    store.getState().sectionSelected('partnerships');
    await store.getState().libraryCloseRequested();
    expect(store.getState()).toMatchObject({ library: null, snapshot: null, section: 'library' });
    const [entry] = store.getState().recent;
    expect(entry).toBeDefined();
    await store.getState().recentRequested(entry!.id);
    expect(store.getState().snapshot?.manifest.name).toBe('Testbibliothek');
  });

  it('shows a damaged library named at start with its restore offer', async () => {
    const first = await rig();
    await first.store.getState().appStarted();
    await first.store.getState().createDialogRequested('Testbibliothek');
    await first.store.getState().libraryCloseRequested(); // closing writes a backup
    const dir = join(first.root, 'Testbibliothek');
    const file = join(dir, 'data', 'partnerships.json');
    await writeFile(`${file}.new`, '{"revision": 1, "partnerships": [');
    await rename(`${file}.new`, file);

    const { store } = await rig(memoryStorage(), {
      root: await mkdtemp(join(tmpdir(), 'vitrine-store-')),
      libraryDir: dir,
    });
    await store.getState().appStarted();
    expect(store.getState()).toMatchObject({ library: null, sessionStatus: 'ready' });
    expect(store.getState().sessionError).toMatchObject({
      code: 'FILE_INVALID_JSON',
      details: { libraryId: expect.any(String) },
    });
    expect(store.getState().sessionError?.message).toContain('partnerships.json');
  });

  it('keeps a failed open as a typed error in the UI language, until dismissed', async () => {
    const { store } = await rig();
    await store.getState().appStarted();
    await store.getState().recentRequested('no-such-library');
    expect(store.getState().sessionError).toMatchObject({ code: 'LIBRARY_NOT_FOUND' });
    expect(store.getState().sessionError?.message).toMatch(/Bibliothek/);
    expect(store.getState().sessionStatus).toBe('ready');
    store.getState().sessionErrorDismissed();
    expect(store.getState().sessionError).toBeNull();
  });
});

describe('library edits', () => {
  it('shows "saving" while a command is in flight, then "saved" with the change on disk', async () => {
    const { store, dialog } = await rig();
    await store.getState().appStarted();
    await store.getState().createDialogRequested('Testbibliothek');
    const before = store.getState().snapshot!.revision;

    const pending = store.getState().commandSubmitted({
      type: 'putPartnership',
      partnership: partnership('leeds', 'Leeds', '1969'),
    });
    expect(store.getState().save).toEqual({ status: 'saving', pending: 1 });
    const result = await pending;
    expect(result.ok).toBe(true);
    expect(store.getState().save).toEqual({ status: 'saved' });
    expect(store.getState().snapshot!.revision).toBeGreaterThan(before);
    expect(store.getState().snapshot!.partnerships.map((p) => p.id)).toEqual(['leeds']);

    const onDisk = await readLibrarySnapshot(dialog.chosen!);
    expect(onDisk.partnerships.map((p) => p.city.de)).toEqual(['Leeds']);
  });

  it('keeps a refused command visible as a save error and does not change the snapshot', async () => {
    const { store } = await rig();
    await store.getState().appStarted();
    await store.getState().createDialogRequested('Testbibliothek');
    const snapshot = store.getState().snapshot;
    const result = await store.getState().commandSubmitted({
      type: 'putItem',
      item: {
        id: 'letter',
        kind: 'text',
        title: { de: 'Brief' },
        partnershipIds: ['missing-partnership'],
        createdAt: NOW,
        updatedAt: NOW,
      },
    });
    expect(result.ok).toBe(false);
    const save = store.getState().save;
    expect(save.status).toBe('error');
    expect(save.status === 'error' && save.error.code).toBe('REFERENCE_MISSING');
    expect(store.getState().snapshot).toBe(snapshot);
  });

  it('follows changes made elsewhere (another window) through the libraryChanged event', async () => {
    const { store, service } = await rig();
    await store.getState().appStarted();
    await store.getState().createDialogRequested('Testbibliothek');
    // Straight to the handler table, not through this store: as another window would.
    const applied = await service.dispatch('library.apply', {
      command: { type: 'putPartnership', partnership: partnership('amiens', 'Amiens', '1960') },
    });
    expect(applied.ok).toBe(true);
    await vi.waitFor(() => {
      expect(store.getState().snapshot?.partnerships.map((p) => p.id)).toEqual(['amiens']);
    });
  });

  it('reloads after a restore in another window, though the revision went down', async () => {
    const { store, service } = await rig();
    await store.getState().appStarted();
    await store.getState().createDialogRequested('Testbibliothek');
    const id = store.getState().library!.id;
    const apply = async (command: unknown) =>
      expect((await service.dispatch('library.apply', { command })).ok).toBe(true);
    await apply({ type: 'putPartnership', partnership: partnership('amiens', 'Amiens', '1960') });
    // Closing writes a backup of this state; then two more changes, one of them undoable here.
    expect((await service.dispatch('library.close', {})).ok).toBe(true);
    expect((await service.dispatch('library.openRecent', { id })).ok).toBe(true);
    await apply({ type: 'putPartnership', partnership: partnership('leeds', 'Leeds', '1969') });
    await vi.waitFor(() => expect(store.getState().snapshot?.partnerships).toHaveLength(2));
    await store.getState().commandSubmitted({
      type: 'putPartnership',
      partnership: partnership('kumasi', 'Kumasi', '2005'),
    });
    expect(store.getState().history.past).toHaveLength(1);
    const before = store.getState().snapshot!.revision;

    const list = await service.dispatch('backups.list', { libraryId: id });
    const backups = (list as { value: { backups: { id: string; revision: number | null }[] } })
      .value.backups;
    const older = backups.find((b) => b.revision !== null && b.revision < before)!;
    expect(older).toBeDefined();
    const restored = await service.dispatch('backups.restore', {
      libraryId: id,
      backupId: older.id,
    });
    expect(restored.ok).toBe(true);
    await vi.waitFor(() =>
      expect(store.getState().snapshot?.partnerships.map((p) => p.id)).toEqual(['amiens']),
    );
    expect(store.getState().snapshot!.revision).toBeLessThan(before);
    // The undo step referred to the replaced library.
    expect(store.getState().history.past).toEqual([]);
  });

  it('lists partnerships oldest first without reordering the stored list', async () => {
    const { store } = await rig();
    await store.getState().appStarted();
    await store.getState().createDialogRequested('Testbibliothek');
    await store.getState().commandSubmitted({
      type: 'putPartnership',
      partnership: partnership('leeds', 'Leeds', '1969'),
    });
    await store.getState().commandSubmitted({
      type: 'putPartnership',
      partnership: partnership('amiens', 'Amiens', '1960'),
    });
    const state = store.getState();
    expect(selectPartnershipsByDate(state).map((p) => p.id)).toEqual(['amiens', 'leeds']);
    expect(state.snapshot!.partnerships.map((p) => p.id)).toEqual(['leeds', 'amiens']);
  });
});

describe('undo and redo', () => {
  it('replays inverse commands through the API, on disk, and a new edit clears redo', async () => {
    const { store, dialog } = await rig();
    await store.getState().appStarted();
    await store.getState().createDialogRequested('Testbibliothek');
    expect(await store.getState().undoRequested()).toBeNull();

    await store.getState().commandSubmitted({
      type: 'putPartnership',
      partnership: partnership('leeds', 'Leeds', '1969'),
    });
    await store.getState().commandSubmitted({
      type: 'putPartnership',
      partnership: { ...partnership('leeds', 'Leeds (UK)', '1969') },
    });
    expect(selectCanUndo(store.getState())).toBe(true);

    await store.getState().undoRequested();
    expect(store.getState().snapshot!.partnerships[0]!.city.de).toBe('Leeds');
    await store.getState().undoRequested();
    expect(store.getState().snapshot!.partnerships).toEqual([]);
    expect((await readLibrarySnapshot(dialog.chosen!)).partnerships).toEqual([]);
    expect(selectCanUndo(store.getState())).toBe(false);
    expect(selectCanRedo(store.getState())).toBe(true);

    await store.getState().redoRequested();
    await store.getState().redoRequested();
    expect(store.getState().snapshot!.partnerships[0]!.city.de).toBe('Leeds (UK)');
    expect((await readLibrarySnapshot(dialog.chosen!)).partnerships[0]!.city.de).toBe('Leeds (UK)');
    expect(await store.getState().redoRequested()).toBeNull();

    await store.getState().undoRequested();
    expect(selectCanRedo(store.getState())).toBe(true);
    await store.getState().commandSubmitted({
      type: 'putPartnership',
      partnership: partnership('amiens', 'Amiens', '1960'),
    });
    expect(selectCanRedo(store.getState())).toBe(false);
    expect(store.getState().save).toEqual({ status: 'saved' });
  });

  it('runs a double undo one after the other', async () => {
    const { store } = await rig();
    await store.getState().appStarted();
    await store.getState().createDialogRequested('Testbibliothek');
    await store.getState().commandSubmitted({
      type: 'putPartnership',
      partnership: partnership('leeds', 'Leeds', '1969'),
    });
    await store.getState().commandSubmitted({
      type: 'putPartnership',
      partnership: partnership('amiens', 'Amiens', '1960'),
    });
    await Promise.all([store.getState().undoRequested(), store.getState().undoRequested()]);
    expect(store.getState().snapshot!.partnerships).toEqual([]);
    expect(store.getState().history.future).toHaveLength(2);
  });

  it('keeps the history and shows the reason when main refuses an undo', async () => {
    const { store, service } = await rig();
    await store.getState().appStarted();
    await store.getState().createDialogRequested('Testbibliothek');
    await store.getState().commandSubmitted({
      type: 'putPartnership',
      partnership: partnership('leeds', 'Leeds', '1969'),
    });
    // Meanwhile the library is closed from elsewhere (another window of the web host).
    expect((await service.dispatch('library.close', {})).ok).toBe(true);
    const result = await store.getState().undoRequested();
    expect(result?.ok).toBe(false);
    const save = store.getState().save;
    expect(save.status === 'error' && save.error.code).toBe('NOT_FOUND');
    expect(save.status === 'error' && save.error.message).toMatch(/keine Bibliothek/);
    expect(store.getState().history.past).toHaveLength(1);
    expect(store.getState().history.future).toHaveLength(0);
  });
});

describe('ui preferences', () => {
  it('switches the language, tells main, and persists only the language', async () => {
    const { store, storage, service } = await rig();
    await store.getState().appStarted();
    store.getState().sectionSelected('exhibitions');
    store.getState().uiLanguageChanged('en');
    expect(store.getState().language).toBe('en');
    await vi.waitFor(() => expect(store.getState().appInfo?.uiLanguage).toBe('en'));
    expect(service.uiLanguage()).toBe('en');
    const saved = JSON.parse(storage.map.get(PREFS_KEY)!);
    expect(saved.state).toEqual({ language: 'en' });

    // Main now words its errors in English too.
    await store.getState().recentRequested('no-such-library');
    expect(store.getState().sessionError?.message).toMatch(/library/i);
    expect(store.getState().sessionError?.message).not.toMatch(/Bibliothek/);
  });

  it('starts in the persisted language and ignores a value that is not a UI language', async () => {
    const storage = memoryStorage();
    storage.setItem(PREFS_KEY, JSON.stringify({ state: { language: 'en' }, version: 1 }));
    expect((await rig(storage)).store.getState().language).toBe('en');

    const foreign = memoryStorage();
    foreign.setItem(
      PREFS_KEY,
      JSON.stringify({ state: { language: 'xx', section: 'export' }, version: 1 }),
    );
    const { store } = await rig(foreign);
    expect(store.getState().language).toBe('de');
    expect(store.getState().section).toBe('library');
  });
});
