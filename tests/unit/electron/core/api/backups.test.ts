import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupList, LibrarySummary, RestorePreviewData } from '../../../../../shared/api';
import { createApiHandlers, webDialogs, type ApiService } from '../../../../../electron/core/api';
import { scriptedDialogs, tempDir } from './helpers';

/** `backups.*` over the real handler table and a real library folder with real backups. */
const open: ApiService[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

const NOW = '2024-05-01T10:00:00.000Z';
const item = (id: string) => ({
  id,
  kind: 'text',
  title: { de: `Brief ${id}` },
  createdAt: NOW,
  updatedAt: NOW,
});

function value<T>(result: { ok: boolean; value?: unknown }): T {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return result.value as T;
}

/** A library with one item, closed (a backup of that state) and reopened with two more. */
async function libraryWithHistory() {
  const root = await tempDir();
  const dir = join(root, 'lib');
  let tick = 0;
  const s = await createApiHandlers({
    appDataDir: join(root, 'appdata'),
    lang: 'en',
    dialogs: { ...webDialogs, ...scriptedDialogs({ newLibrary: dir }) },
    transport: 'web',
    version: '0.0.0-test',
    // Each backup gets its own time, so "newest" is well defined.
    clock: () => new Date(Date.parse(NOW) + 60_000 * tick++),
    logError: () => undefined,
  });
  open.push(s);
  const created = value<LibrarySummary>(
    await s.dispatch('library.createDialog', { name: 'Partnerschaften' }),
  );
  value(await s.dispatch('library.apply', { command: { type: 'putItem', item: item('a') } }));
  value(await s.dispatch('library.close', {}));
  value(await s.dispatch('library.openRecent', { id: created.id }));
  for (const id of ['b', 'c'])
    value(await s.dispatch('library.apply', { command: { type: 'putItem', item: item(id) } }));
  return { s, dir, id: created.id };
}

describe('backups through the API', () => {
  it('lists backups, previews the counts that change, and restores with the current files set aside', async () => {
    const { s, dir, id } = await libraryWithHistory();

    const list = value<BackupList>(await s.dispatch('backups.list', { libraryId: id }));
    expect(list.libraryId).toBe(id);
    expect(list.backups.length).toBeGreaterThan(0);
    const newest = list.backups[0]!;
    expect(newest).toMatchObject({ valid: true, counts: { items: 1 } });
    expect(newest.bytes).toBeGreaterThan(0);

    const preview = value<RestorePreviewData>(
      await s.dispatch('backups.preview', { libraryId: id }),
    );
    expect(preview.backup.id).toBe(newest.id);
    expect(preview.currentProblem).toBeNull();
    expect(preview.changes.items).toEqual({
      before: 3,
      after: 1,
      added: 0,
      removed: 2,
      changed: 0,
    });

    const events: number[] = [];
    s.on('libraryChanged', ({ revision }) => events.push(revision));
    const done = value<{ library: LibrarySummary; restored: string; setAside: string }>(
      await s.dispatch('backups.restore', { libraryId: id, backupId: newest.id }),
    );
    expect(done.restored).toBe(newest.id);
    expect(done.library.itemCount).toBe(1);
    expect(events.length).toBeGreaterThan(0);
    const snapshot = value<{ items: { id: string }[] }>(await s.dispatch('library.snapshot', {}));
    expect(snapshot.items.map((i) => i.id)).toEqual(['a']);
    // Nothing was deleted: the three items are in the set-aside folder.
    const aside = join(dir, 'backups', done.setAside);
    const shards = await readdir(join(aside, 'data', 'items'));
    const asideText = (
      await Promise.all(shards.map((f) => readFile(join(aside, 'data', 'items', f), 'utf8')))
    ).join('');
    for (const x of ['"a"', '"b"', '"c"']) expect(asideText).toContain(x);
    // And it is listed, as set aside, for a later restore.
    const after = value<BackupList>(await s.dispatch('backups.list', { libraryId: id }));
    expect(after.backups.find((b) => b.id === done.setAside)?.kind).toBe('damaged');
  });

  it('names a damaged library in the open error so the newest valid backup can be restored', async () => {
    const { s, dir, id } = await libraryWithHistory();
    value(await s.dispatch('library.close', {}));
    const damaged = join(dir, 'data', 'partnerships.json');
    // Replaced (as a sync tool or another program would), not edited in place: an in-place
    // edit would also reach the hard-linked recent backups, which only the daily copy survives.
    await writeFile(`${damaged}.new`, '{"revision": 3, "entities": [');
    await rename(`${damaged}.new`, damaged);

    const failed = await s.dispatch('library.openRecent', { id });
    expect(failed).toMatchObject({
      ok: false,
      error: { code: 'FILE_INVALID_JSON', details: { libraryId: id } },
    });

    const preview = value<RestorePreviewData>(
      await s.dispatch('backups.preview', { libraryId: id }),
    );
    expect(preview.currentProblem?.code).toBe('FILE_INVALID_JSON');
    expect(preview.backup.counts?.items).toBe(3);

    const done = value<{ library: LibrarySummary; setAside: string }>(
      await s.dispatch('backups.restore', { libraryId: id, backupId: preview.backup.id }),
    );
    expect(done.library.itemCount).toBe(3);
    expect(JSON.parse(await readFile(damaged, 'utf8'))).toMatchObject({ partnerships: [] });
    // The damaged file is kept byte for byte.
    await expect(
      readFile(join(dir, 'backups', done.setAside, 'data', 'partnerships.json'), 'utf8'),
    ).resolves.toBe('{"revision": 3, "entities": [');
  });

  it('starts on a damaged library named at start and offers its restore (vitrine web DIR)', async () => {
    const { s, dir, id } = await libraryWithHistory();
    value(await s.dispatch('library.close', {}));
    const damaged = join(dir, 'data', 'partnerships.json');
    await writeFile(`${damaged}.new`, '{"revision": 3, "entities": [');
    await rename(`${damaged}.new`, damaged);

    const root = await tempDir();
    const start = (libraryDirOnStart: string) =>
      createApiHandlers({
        appDataDir: join(root, 'appdata'),
        lang: 'de',
        dialogs: webDialogs,
        transport: 'web',
        version: '0.0.0-test',
        logError: () => undefined,
        libraryDirOnStart,
      });
    const host = await start(dir);
    open.push(host);
    const state = value<{ library: unknown; startError?: { code: string; message: string } }>(
      await host.dispatch('session.state', {}),
    );
    expect(state.library).toBeNull();
    expect(state.startError).toMatchObject({
      code: 'FILE_INVALID_JSON',
      details: { libraryId: id },
    });
    expect(state.startError!.message).toContain('partnerships.json');
    const preview = value<RestorePreviewData>(
      await host.dispatch('backups.preview', { libraryId: id }),
    );
    const done = value<{ library: LibrarySummary }>(
      await host.dispatch('backups.restore', { libraryId: id, backupId: preview.backup.id }),
    );
    expect(done.library.itemCount).toBe(3);
    const after = value<{ library: LibrarySummary | null; startError?: unknown }>(
      await host.dispatch('session.state', {}),
    );
    expect(after.library?.id).toBe(id);
    expect(after.startError).toBeUndefined();

    // A folder that is no library at all still stops the start, with its message.
    await expect(start(join(root, 'nope'))).rejects.toMatchObject({ code: 'LIBRARY_NOT_FOUND' });
  });

  it('refuses unknown libraries and backups, and invalid backup ids, without touching anything', async () => {
    const { s, id } = await libraryWithHistory();
    expect(await s.dispatch('backups.list', { libraryId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(
      await s.dispatch('backups.restore', { libraryId: id, backupId: 'recent-1999' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(
      await s.dispatch('backups.preview', { libraryId: id, backupId: '../../etc' }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // The library stays open and unchanged after a refused restore.
    const snapshot = value<{ items: unknown[] }>(await s.dispatch('library.snapshot', {}));
    expect(snapshot.items).toHaveLength(3);
  });
});
