import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiHandlers, webDialogs, type Dialogs } from '../../../../../electron/core/api';
import { buildBridge, type ApiTransport } from '../../../../../shared/api';
import { createClient } from '../../../../../renderer/app/api/client';
import { connectEvents, createAppStore, type AppStore } from '../../../../../renderer/app/store';
import { estimateRemaining } from '../../../../../renderer/app/store/export';
import { makeLibrary, makeStoreLibrary } from '../../../electron/core/export/library-fixture';

/**
 * The export slice over the real handler table and export engine, joined as the preload joins
 * them. Dialogs are those of the web host (none), or a person who picks `chosen`.
 */
let lib: Awaited<ReturnType<typeof makeLibrary>>;
const cleanups: (() => Promise<void>)[] = [];
beforeAll(async () => {
  lib = await makeLibrary();
});
afterAll(async () => {
  await rm(lib.dir, { recursive: true, force: true });
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function rig(dialogs: Dialogs = webDialogs) {
  const root = await mkdtemp(join(tmpdir(), 'vitrine-store-export-'));
  const libraryDir = await makeStoreLibrary(lib, `store-${Date.now()}-${cleanups.length}`);
  const service = await createApiHandlers({
    appDataDir: join(root, 'app-data'),
    lang: 'de',
    dialogs,
    transport: dialogs === webDialogs ? 'web' : 'electron',
    version: '0.0.0-test',
    libraryDirOnStart: libraryDir,
  });
  const transport: ApiTransport = {
    call: service.dispatch,
    subscribe: (event, listener) => service.on(event, listener),
  };
  const map = new Map<string, string>();
  const client = createClient({ vitrine: buildBridge(transport), language: () => 'de' });
  const store = createAppStore({
    client,
    storage: {
      getItem: (k) => map.get(k) ?? null,
      setItem: (k, v) => void map.set(k, v),
      removeItem: (k) => void map.delete(k),
    },
  });
  const off = connectEvents(store, client);
  cleanups.push(async () => {
    off();
    await service.close();
    await rm(root, { recursive: true, force: true });
    await rm(libraryDir, { recursive: true, force: true });
  });
  await store.getState().appStarted();
  await vi.waitFor(() => expect(store.getState().snapshot).not.toBeNull());
  return { store, root, service };
}

const until = (store: AppStore, status: string) =>
  vi.waitFor(() => expect(store.getState().exportRun.status).toBe(status), { timeout: 20_000 });

describe('export slice', () => {
  it('checks, exports with progress and an estimate, reveals the path, asks before replacing', async () => {
    const { store, root } = await rig();
    const s = () => store.getState();
    s().exportFormChanged({ exhibitionId: 'x1', mode: 'kiosk' });
    await s().exportCheckRequested();
    expect(s().exportCheck.status).toBe('ready');
    expect(s().exportCheck.result?.warnings.map((p) => p.rule)).toContain('kiosk-link');

    s().exportFormChanged({ mode: 'web', languages: ['en'], baseUrl: 'https://example.org/' });
    const seen: number[] = [];
    const off = store.subscribe((state) => seen.push(state.exportRun.done));
    await s().exportStartRequested();
    await until(store, 'done');
    off();
    const run = s().exportRun;
    expect(run.summary?.languages).toEqual(['en']);
    expect(run.summary?.displayPath).toBe(
      join(root, 'app-data', 'exports', '50-jahre-dortmund-leeds-web'),
    );
    expect(run.remainingSeconds).toBe(0);
    expect(seen.some((d) => d > 0 && d < 1000)).toBe(true);
    expect(await readdir(run.summary!.displayPath)).toContain('sitemap.xml');

    await s().exportRevealRequested();
    expect(s().exportRun.revealed).toEqual({ path: run.summary!.displayPath, shown: false });

    s().exportRunDismissed();
    await s().exportStartRequested();
    expect(s().exportRun.status).toBe('confirm');
    s().exportReplaceDeclined();
    expect(s().exportRun.status).toBe('idle');
    await s().exportStartRequested();
    await s().exportReplaceConfirmed();
    await until(store, 'done');
    expect(s().exportRun.summary?.derivatives.made).toBe(0);
  });

  it('does not start while the check finds errors', async () => {
    const { store } = await rig();
    const s = () => store.getState();
    const snapshot = s().snapshot!;
    const x = structuredClone(snapshot.exhibitions[0]!);
    x.chapters = [];
    await s().commandSubmitted({ type: 'putExhibition', exhibition: x });
    s().exportFormChanged({ exhibitionId: 'x1' });
    await s().exportStartRequested();
    expect(s().exportCheck.result?.errors.map((p) => p.rule)).toEqual(['exhibition-empty']);
    expect(s().exportRun.status).toBe('idle');
  });

  it('uses the native dialog: cancel there returns to the form; cancelling the export leaves nothing', async () => {
    const target = await mkdtemp(join(tmpdir(), 'vitrine-store-export-target-'));
    cleanups.push(() => rm(target, { recursive: true, force: true }));
    const answer: { path: string | null } = { path: null };
    const { store } = await rig({
      ...webDialogs,
      chooseExportTarget: async () => answer.path,
      showInFolder: () => undefined,
    });
    const s = () => store.getState();
    s().exportFormChanged({ exhibitionId: 'x1' });
    await s().exportStartRequested();
    expect(s().exportRun.status).toBe('idle');

    answer.path = join(target, 'bundle');
    await s().exportStartRequested();
    expect(s().exportRun.status).toBe('running');
    await s().exportCancelRequested();
    await until(store, 'cancelled');
    expect(await readdir(target)).toEqual([]);
  });
});

describe('menu', () => {
  it('File ▸ Export opens the export section', async () => {
    const { store, service } = await rig();
    expect(store.getState().section).toBe('library');
    service.emit('menu', { command: 'export' });
    expect(store.getState().section).toBe('export');
  });
});

describe('estimateRemaining', () => {
  it('stays silent without a basis, then extrapolates the time per share done', () => {
    expect(estimateRemaining(0, 1000, 5000)).toBeNull();
    expect(estimateRemaining(20, 1000, 5000)).toBeNull();
    expect(estimateRemaining(100, 1000, 200)).toBeNull();
    expect(estimateRemaining(250, 1000, 5000)).toBe(15);
    expect(estimateRemaining(999, 1000, 100_000)).toBe(1);
    expect(estimateRemaining(1000, 1000, 9000)).toBe(0);
  });
});
