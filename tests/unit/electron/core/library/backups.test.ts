import { cp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createLibrary,
  listBackups,
  openLibrary,
  restoreBackup,
  restoreNewestValidBackup,
} from '../../../../../electron/core/library';
import { itemShardFile, shardOf } from '../../../../../electron/core/library/layout';
import { caught, hashTree, manualClock, putItem, tempDir } from './helpers';

async function newLibrary(clock = manualClock()) {
  const dir = join(await tempDir(), 'lib');
  const library = await createLibrary(dir, {
    name: 'Test',
    languages: ['de'],
    defaultLanguage: 'de',
    clock,
  });
  return { dir, library, clock };
}

describe('backups', () => {
  it('takes a recent and a daily snapshot at open, hard-linking the data files', async () => {
    const { dir, library } = await newLibrary();
    const backups = await listBackups(dir);
    expect(backups.map((b) => b.kind).sort()).toEqual(['daily', 'recent']);
    const recent = backups.find((b) => b.kind === 'recent')!;
    expect(recent.files).toContain('library.json');
    expect(recent.files).toContain('data/partnerships.json');
    const [a, b] = await Promise.all([
      stat(join(dir, 'data/awards.json')),
      stat(join(recent.path, 'data/awards.json')),
    ]);
    expect(b.ino).toBe(a.ino);
    await library.close();
  });

  it('snapshots after a write only when the last one is older than five minutes, and at close', async () => {
    const { dir, library, clock } = await newLibrary();
    const count = async () => (await listBackups(dir)).filter((b) => b.kind === 'recent').length;
    expect(await count()).toBe(1);
    await library.apply(putItem('a'));
    clock.advance(60_000);
    await library.apply(putItem('b'));
    expect(await count()).toBe(1);
    clock.advance(5 * 60_000);
    await library.apply(putItem('c'));
    expect(await count()).toBe(2);
    const newest = (await listBackups(dir)).find((b) => b.kind === 'recent')!;
    expect(newest.revision).toBe(3);
    clock.advance(1000);
    await library.apply(putItem('d'));
    await library.close();
    expect(await count()).toBe(3);
    // Nothing changed since: opening and closing again adds no snapshot.
    const again = await openLibrary(dir, { clock });
    await again.close();
    expect(await count()).toBe(3);
  });

  it('keeps the newest 10 recent and 14 daily snapshots', async () => {
    const clock = manualClock('2025-01-01T12:00:00.000Z');
    const { dir, library } = await newLibrary(clock);
    for (let day = 0; day < 20; day++) {
      clock.advance(24 * 60 * 60_000);
      await library.apply(putItem(`i-${day}`));
    }
    await library.close();
    const backups = await listBackups(dir);
    expect(backups.filter((b) => b.kind === 'recent')).toHaveLength(10);
    const daily = backups.filter((b) => b.kind === 'daily');
    expect(daily).toHaveLength(14);
    expect(daily[0]!.id).toBe('daily-2025-01-21');
    expect((await readdir(join(dir, 'backups'))).filter((n) => n.startsWith('.tmp'))).toEqual([]);
  });

  it('restores the newest valid backup, keeping the damaged files aside', async () => {
    const clock = manualClock();
    const { dir, library } = await newLibrary(clock);
    await library.apply(putItem('a'));
    clock.advance(10 * 60_000);
    await library.apply(putItem('b')); // snapshot with a and b
    const good = library.snapshot();
    await library.close();

    // Damage as an editor that saves by replacing the file would.
    const shard = itemShardFile(shardOf('b'));
    const damagedText = '{"revision": 3, "items": [';
    await writeFile(join(dir, 'x.tmp'), damagedText);
    await rename(join(dir, 'x.tmp'), join(dir, shard));
    await expect(openLibrary(dir)).rejects.toMatchObject({ code: 'FILE_INVALID_JSON' });
    // A newer backup that is itself broken is skipped; a stray file in backups/ is ignored.
    await writeFile(join(dir, 'backups', 'recent-2099-01-01T00-00-00-000Z'), '');
    const newest = (await listBackups(dir))[0]!;
    const broken = join(dir, 'backups', 'recent-2030-01-01T00-00-00-000Z');
    await cp(newest.path, broken, { recursive: true });
    await writeFile(
      join(broken, 'backup.json'),
      JSON.stringify({ kind: 'recent', createdAt: '2030-01-01T00:00:00.000Z', revision: 9 }),
    );
    await rm(join(broken, 'library.json'));
    await writeFile(join(broken, 'library.json'), '{');

    clock.advance(60_000);
    const result = await restoreNewestValidBackup(dir, { clock });
    expect(result.skipped.map((s) => s.id)).toEqual(['recent-2030-01-01T00-00-00-000Z']);
    expect(result.skipped[0]!.code).toBe('FILE_INVALID_JSON');
    expect(result.restored.id).toBe(newest.id);
    expect(result.damaged.kind).toBe('damaged');
    expect(await readFile(join(result.damaged.path, shard), 'utf8')).toBe(damagedText);

    const reopened = await openLibrary(dir, { readOnly: true });
    expect(reopened.snapshot().items).toEqual(good.items);
    await reopened.close();
  });

  it('falls back to the daily copy when a file was damaged in place (hard-linked backups share it)', async () => {
    const clock = manualClock();
    const { dir, library } = await newLibrary(clock);
    await library.apply(putItem('a'));
    clock.advance(10 * 60_000);
    await library.apply(putItem('b'));
    await library.close();
    await writeFile(join(dir, 'data/partnerships.json'), 'kaputt'); // in place: same inode
    const result = await restoreNewestValidBackup(dir, { clock });
    expect(result.restored.kind).toBe('daily');
    expect(result.skipped.length).toBeGreaterThan(0);
    expect(result.skipped.every((s) => s.id.startsWith('recent-'))).toBe(true);
    const reopened = await openLibrary(dir, { readOnly: true });
    expect(reopened.snapshot().partnerships).toEqual([]);
    await reopened.close();
    expect(await readFile(join(result.damaged.path, 'data/partnerships.json'), 'utf8')).toBe(
      'kaputt',
    );
  });

  it('restores a named backup and refuses an unknown or invalid one', async () => {
    const clock = manualClock();
    const { dir, library } = await newLibrary(clock);
    const first = (await listBackups(dir)).find((b) => b.kind === 'recent')!;
    await library.apply(putItem('a'));
    await library.close();
    expect((await caught(() => restoreBackup(dir, 'recent-nope'))).code).toBe('NOT_FOUND');
    const result = await restoreBackup(dir, first.id, { clock });
    expect(result.restored.id).toBe(first.id);
    const reopened = await openLibrary(dir, { readOnly: true });
    expect(reopened.snapshot().items).toEqual([]);
    await reopened.close();
  });

  it('says so when there is no valid backup and changes nothing', async () => {
    const { dir, library } = await newLibrary();
    await library.close();
    for (const b of await listBackups(dir))
      await writeFile(join(b.path, 'data/awards.json'), 'nope');
    await rm(join(dir, 'library.json'));
    const before = await hashTree(dir);
    const error = await caught(() => restoreNewestValidBackup(dir));
    expect(error.code).toBe('NO_VALID_BACKUP');
    expect(await hashTree(dir)).toEqual(before);
  });

  it('refuses to restore while another writer holds the lock', async () => {
    const { dir, library } = await newLibrary();
    expect((await caught(() => restoreNewestValidBackup(dir))).code).toBe('LIBRARY_LOCKED');
    await library.close();
  });
});
