import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LibrarySummary } from '../../../../../shared/api';
import {
  createApiHandlers,
  webDialogs,
  RECENT_FILE,
  SETTINGS_FILE,
  type ApiService,
  type ApiServiceOptions,
} from '../../../../../electron/core/api';
import { createSyntheticJpeg } from '../../../../../electron/core/media';
import { scriptedDialogs, tempDir, treeContents } from './helpers';

const NOW = '2024-05-01T10:00:00.000Z';
const open: ApiService[] = [];

async function service(overrides: Partial<ApiServiceOptions> = {}): Promise<ApiService> {
  const s = await createApiHandlers({
    appDataDir: overrides.appDataDir ?? (await tempDir()),
    lang: 'de',
    dialogs: webDialogs,
    transport: 'web',
    version: '0.1.0-test',
    logError: () => undefined,
    ...overrides,
  });
  open.push(s);
  return s;
}

afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

function value<T>(result: { ok: boolean; value?: unknown; error?: unknown }): T {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return result.value as T;
}

/** A service with a fresh, empty library created through the (scripted) dialog. */
async function withNewLibrary(name = 'Partnerschaften') {
  const root = await tempDir();
  const dir = join(root, 'lib');
  const s = await service({
    dialogs: scriptedDialogs({ newLibrary: dir }),
    appDataDir: join(root, 'appdata'),
  });
  const summary = value<LibrarySummary>(await s.dispatch('library.createDialog', { name }));
  return { s, dir, root, summary };
}

const item = (id: string) => ({
  id,
  kind: 'text',
  title: { de: `Brief ${id}` },
  createdAt: NOW,
  updatedAt: NOW,
});

describe('app and session', () => {
  it('answers app info for its transport and language', async () => {
    const s = await service();
    expect(value(await s.dispatch('app.info', {}))).toEqual({
      version: '0.1.0-test',
      platform: process.platform,
      transport: 'web',
      uiLanguage: 'de',
      mediaBaseUrl: '/media/',
    });
  });

  it('switches the UI language, persists it, and answers errors in it', async () => {
    const appDataDir = await tempDir();
    const seen: string[] = [];
    const s = await service({ appDataDir, onUiLanguageChanged: (l) => seen.push(l) });
    const before = await s.dispatch('library.snapshot', {});
    expect(before).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Es ist keine Bibliothek geöffnet.' },
    });
    expect(value(await s.dispatch('app.setUiLanguage', { lang: 'en' }))).toMatchObject({
      uiLanguage: 'en',
    });
    expect(seen).toEqual(['en']);
    expect(JSON.parse(await readFile(join(appDataDir, SETTINGS_FILE), 'utf8'))).toEqual({
      uiLanguage: 'en',
    });
    const after = await s.dispatch('library.snapshot', {});
    expect(after).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No library is open.' },
    });
  });

  it('starts with no library and no recent list', async () => {
    const s = await service();
    expect(value(await s.dispatch('session.state', {}))).toEqual({ library: null, recent: [] });
  });
});

describe('input validation', () => {
  it('rejects unknown methods, extra keys and malformed commands with INVALID_INPUT, changing nothing', async () => {
    const { s, dir } = await withNewLibrary();
    const before = await treeContents(dir);
    const unknown = await s.dispatch('library.deleteEverything', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    for (const bad of [
      null,
      'text',
      [],
      { command: null },
      { command: { type: 'putItem', item: { id: '../../etc', kind: 'text' } } },
      { command: { type: 'delete', collection: 'items', id: 'x' }, extra: true },
      { command: { type: 'batch', commands: [] } },
    ]) {
      const result = await s.dispatch('library.apply', bad);
      expect(result, JSON.stringify(bad)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    expect(await s.dispatch('app.info', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await treeContents(dir)).toEqual(before);
  });

  it('lists the failing fields in details', async () => {
    const s = await service();
    const result = await s.dispatch('app.setUiLanguage', { lang: 'fr' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: [{ path: 'lang' }] },
    });
  });
});

describe('libraries', () => {
  it('creates a library through the dialog, applies commands, and reports revisions by event', async () => {
    const { s, summary, dir } = await withNewLibrary('Städtepartnerschaften');
    expect(summary).toMatchObject({
      name: 'Städtepartnerschaften',
      displayPath: dir,
      readOnly: false,
      itemCount: 0,
      isSample: false,
    });
    const revisions: number[] = [];
    const changed: unknown[] = [];
    s.on('libraryChanged', (p) => {
      revisions.push(p.revision);
      changed.push(p.changed);
    });
    const applied = value<{ revision: number; undo: unknown }>(
      await s.dispatch('library.apply', { command: { type: 'putItem', item: item('brief-1') } }),
    );
    // The event names what changed, so a page updates that row instead of reloading everything.
    expect(changed).toEqual([{ items: { upserted: ['brief-1'], removed: [] } }]);
    expect(applied.revision).toBe(summary.revision + 1);
    expect(applied.undo).toMatchObject({ type: 'delete', collection: 'items', id: 'brief-1' });
    const snap = value<{ items: Array<{ id: string }>; revision: number }>(
      await s.dispatch('library.snapshot', {}),
    );
    expect(snap.items.map((i) => i.id)).toEqual(['brief-1']);
    expect(snap.revision).toBe(applied.revision);
    expect(revisions).toEqual([applied.revision]);
    const undone = value<{ revision: number }>(
      await s.dispatch('library.apply', { command: applied.undo }),
    );
    expect(value<{ items: unknown[] }>(await s.dispatch('library.snapshot', {})).items).toEqual([]);
    expect(revisions).toEqual([applied.revision, undone.revision]);
    expect(changed[1]).toEqual({ items: { upserted: [], removed: ['brief-1'] } });
  });

  it('passes store errors through as envelopes in the UI language', async () => {
    const { s } = await withNewLibrary();
    const result = await s.dispatch('library.apply', {
      command: { type: 'putItem', item: { ...item('brief-2'), partnershipIds: ['gibt-es-nicht'] } },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'REFERENCE_MISSING' } });
    expect((result as { error: { message: string } }).error.message).not.toMatch(/at .*\.ts:\d+/);
  });

  it('returns null when a dialog is cancelled and FORBIDDEN on the web host', async () => {
    const s = await service({ dialogs: scriptedDialogs({}) });
    expect(await s.dispatch('library.openDialog', {})).toEqual({ ok: true, value: null });
    expect(await s.dispatch('library.createDialog', { name: 'X' })).toEqual({
      ok: true,
      value: null,
    });
    const web = await service();
    for (const method of ['library.openDialog', 'library.createDialog']) {
      const result = await web.dispatch(
        method,
        method === 'library.createDialog' ? { name: 'X' } : {},
      );
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('remembers opened libraries in recent.json and reopens them by id', async () => {
    const { s, dir, root, summary } = await withNewLibrary('Amiens');
    const recentFile = JSON.parse(await readFile(join(root, 'appdata', RECENT_FILE), 'utf8'));
    expect(recentFile.libraries).toEqual([
      expect.objectContaining({ id: summary.id, name: 'Amiens', dir }),
    ]);
    value(await s.dispatch('library.close', {}));
    expect(s.libraryDir()).toBeNull();
    const state = value<{
      library: null;
      recent: Array<{ id: string; name: string; displayPath: string }>;
    }>(await s.dispatch('session.state', {}));
    expect(state.library).toBeNull();
    expect(state.recent).toEqual([
      expect.objectContaining({ id: summary.id, name: 'Amiens', displayPath: dir }),
    ]);
    const reopened = value<LibrarySummary>(
      await s.dispatch('library.openRecent', { id: summary.id }),
    );
    expect(reopened.id).toBe(summary.id);
    expect(s.libraryDir()).toBe(dir);
  });

  it('answers the open library when asked to open it again', async () => {
    const { s, summary } = await withNewLibrary('Novi Sad');
    const again = value<LibrarySummary>(await s.dispatch('library.openRecent', { id: summary.id }));
    expect(again).toEqual(summary);
  });

  it('refuses unknown recent ids and drops entries whose folder is gone', async () => {
    const { s, dir, summary } = await withNewLibrary();
    expect(await s.dispatch('library.openRecent', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'LIBRARY_NOT_FOUND' },
    });
    value(await s.dispatch('library.close', {}));
    await rm(dir, { recursive: true });
    expect(await s.dispatch('library.openRecent', { id: summary.id })).toMatchObject({
      ok: false,
      error: { code: 'LIBRARY_NOT_FOUND' },
    });
    expect(value<{ recent: unknown[] }>(await s.dispatch('session.state', {})).recent).toEqual([]);
  });

  it('treats a damaged recent.json as empty instead of failing', async () => {
    const appDataDir = await tempDir();
    await writeFile(join(appDataDir, RECENT_FILE), '{ not json');
    const s = await service({ appDataDir });
    expect(value<{ recent: unknown[] }>(await s.dispatch('session.state', {})).recent).toEqual([]);
  });

  it('refuses a second writer: another service opening the same library gets LIBRARY_LOCKED', async () => {
    const { dir } = await withNewLibrary();
    const other = await service({ dialogs: scriptedDialogs({ library: dir }) });
    expect(await other.dispatch('library.openDialog', {})).toMatchObject({
      ok: false,
      error: { code: 'LIBRARY_LOCKED' },
    });
  });

  it('opens the library given at start', async () => {
    const { s, dir } = await withNewLibrary('Leeds');
    await s.close();
    const again = await service({ libraryDirOnStart: dir });
    expect(
      value<{ library: LibrarySummary }>(await again.dispatch('session.state', {})).library,
    ).toMatchObject({
      name: 'Leeds',
    });
  });
});

describe('media import', () => {
  it('imports chosen files as items, reports bad files, and refuses duplicates', async () => {
    const root = await tempDir();
    const photo = join(root, 'Rathaus Leeds.jpg');
    await writeFile(photo, await createSyntheticJpeg({ width: 320, height: 200, seed: 3 }));
    const junk = join(root, 'notiz.jpg');
    await writeFile(junk, 'this is not an image');
    const dialogs = scriptedDialogs({ newLibrary: join(root, 'lib'), media: [photo, junk] });
    const s = await service({ dialogs, appDataDir: join(root, 'appdata') });
    value(await s.dispatch('library.createDialog', { name: 'Medien' }));
    const progress: number[] = [];
    s.on('progress', (p) => progress.push(p.done));
    const result = value<{
      itemIds: string[];
      failed: Array<{ name: string; error: { code: string } }>;
      revision: number;
    }>(await s.dispatch('media.importDialog', {}));
    expect(result.itemIds).toHaveLength(1);
    expect(result.failed).toEqual([
      { name: 'notiz.jpg', error: expect.objectContaining({ code: 'MEDIA_UNSUPPORTED' }) },
    ]);
    expect(progress.at(-1)).toBe(2);
    const snap = value<{
      items: Array<{ id: string; kind: string; title: Record<string, string>; media: unknown[] }>;
    }>(await s.dispatch('library.snapshot', {}));
    expect(snap.items).toEqual([
      expect.objectContaining({
        id: result.itemIds[0],
        kind: 'image',
        title: { de: 'Rathaus Leeds.jpg' },
      }),
    ]);
    const again = value<{ itemIds: string[]; failed: Array<{ error: { code: string } }> }>(
      await s.dispatch('media.importDialog', {}),
    );
    expect(again.itemIds).toEqual([]);
    expect(again.failed.map((f) => f.error.code).sort()).toEqual([
      'MEDIA_DUPLICATE',
      'MEDIA_UNSUPPORTED',
    ]);
  });

  it('imports files dropped in Electron after checking their paths, like the dialog', async () => {
    const root = await tempDir();
    const photo = join(root, 'Rathaus Leeds.jpg');
    await writeFile(photo, await createSyntheticJpeg({ width: 320, height: 200, seed: 5 }));
    const s = await service({
      dialogs: scriptedDialogs({ newLibrary: join(root, 'lib') }),
      appDataDir: join(root, 'appdata'),
      transport: 'electron',
    });
    expect(await s.importDropped({ files: [{ path: photo, name: 'x' }] })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    value(await s.dispatch('library.createDialog', { name: 'Medien' }));
    const first = await s.importDropped({
      files: [
        { path: photo, name: 'Rathaus Leeds.jpg' },
        { path: root, name: 'ordner' },
      ],
    });
    const result = value<{
      itemIds: string[];
      failed: Array<{ name: string; error: { code: string } }>;
    }>(first);
    expect(result.itemIds).toHaveLength(1);
    expect(result.failed).toEqual([
      { name: expect.any(String), error: expect.objectContaining({ code: 'FILE_UNREADABLE' }) },
    ]);
    const again = value<{ itemIds: string[]; failed: Array<{ error: { code: string } }> }>(
      await s.importDropped({ files: [{ path: photo, name: 'Rathaus Leeds.jpg' }] }),
    );
    expect(again.failed.map((f) => f.error.code)).toEqual(['MEDIA_DUPLICATE']);
    expect(await s.importDropped({ files: [{ path: 'relativ.jpg', name: 'x' }] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('needs an open library', async () => {
    const s = await service({ dialogs: scriptedDialogs({ media: ['/etc/passwd'] }) });
    expect(await s.dispatch('media.importDialog', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('sample library', () => {
  // The sample at a fifth of its image size: this is about the copy, not its media (those are
  // covered full-size by tests/unit/electron/core/sample); progress events show the build ran.
  it('creates a sample copy in the app data folder and opens it', async () => {
    const appDataDir = await tempDir();
    const s = await service({ appDataDir, sampleMediaScale: 0.2 });
    const steps: string[] = [];
    s.on('progress', (p) => steps.push(p.step ?? ''));
    const first = value<LibrarySummary>(await s.dispatch('library.openSample', {}));
    expect(steps.at(-1)).toBe('library');
    expect(first.isSample).toBe(true);
    expect(first.itemCount).toBeGreaterThan(10);
    expect(first.displayPath.startsWith(join(appDataDir, 'samples'))).toBe(true);
    const snap = value<{ partnerships: Array<{ id: string }> }>(
      await s.dispatch('library.snapshot', {}),
    );
    expect(snap.partnerships.length).toBeGreaterThanOrEqual(6);
    expect(s.libraryDir()).toBe(first.displayPath);
  }, 180_000);
});
