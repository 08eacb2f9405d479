import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../../../electron/core/cli';
import { createLibrary, listBackups, openLibrary } from '../../../../../../electron/core/library';
import { itemShardFile, shardOf } from '../../../../../../electron/core/library/layout';
import { hashTree, manualClock, putItem, tempDir } from '../../library/helpers';
import { cliContext } from './harness';

/** A library with items a and b backed up, then c added and b deleted after the last backup. */
async function libraryWithHistory() {
  const clock = manualClock();
  const dir = path.join(await tempDir(), 'lib');
  const library = await createLibrary(dir, {
    name: 'Test',
    languages: ['de'],
    defaultLanguage: 'de',
    clock,
  });
  await library.apply(putItem('a'));
  clock.advance(10 * 60_000);
  await library.apply(putItem('b')); // a recent backup holds a and b
  const withAB = (await listBackups(dir)).find((b) => b.kind === 'recent')!;
  await library.apply(putItem('c'));
  await library.apply({ type: 'delete', collection: 'items', id: 'b' });
  // Closed without the closing backup, as a crash would leave it.
  await (library as unknown as { lock: { release(): Promise<void> } }).lock.release();
  return { dir, withAB };
}

/** Damages a shard by replacement, the way an editor saves. */
async function damage(dir: string, id: string) {
  const shard = itemShardFile(shardOf(id));
  await writeFile(path.join(dir, 'x.tmp'), '{"revision": 3, "items": [');
  await rename(path.join(dir, 'x.tmp'), path.join(dir, shard));
  return shard;
}

describe('vitrine backups', () => {
  it('lists every backup with time, kind, size and validity, newest first', async () => {
    const { dir } = await libraryWithHistory();
    const broken = (await listBackups(dir)).find((b) => b.kind === 'daily')!;
    await rm(path.join(broken.path, 'library.json'));
    await writeFile(path.join(broken.path, 'library.json'), '{');
    const { ctx, out } = cliContext('en');
    expect(await runCli(['backups', dir], ctx)).toBe(0);
    const text = out();
    expect(text).toMatch(
      /recent-\S+ {2}2025-03-10T\d\d:\d\d:\d\d\.\d{3}Z {2}recent {2}[\d.]+ (B|KB) {2}valid/,
    );
    expect(text).toMatch(new RegExp(`${broken.id} .* daily .* INVALID: .*library\\.json`));
    const json = cliContext('de');
    expect(await runCli(['backups', dir, '--json'], json.ctx)).toBe(0);
    const list = JSON.parse(json.out());
    expect(list.length).toBe((await listBackups(dir)).length);
    expect(list.map((b: { createdAt: string }) => b.createdAt)).toEqual(
      [...list.map((b: { createdAt: string }) => b.createdAt)].sort().reverse(),
    );
    for (const b of list) expect(b.bytes).toBeGreaterThan(0);
    const daily = list.find((b: { id: string }) => b.id === broken.id);
    expect(daily).toMatchObject({
      kind: 'daily',
      valid: false,
      counts: null,
      problem: { code: 'FILE_INVALID_JSON' },
    });
    expect(list.find((b: { kind: string }) => b.kind === 'recent')).toMatchObject({ valid: true });
  });

  it('says so when there are none', async () => {
    const dir = path.join(await tempDir(), 'lib');
    const library = await createLibrary(dir, {
      name: 'Neu',
      languages: ['de'],
      defaultLanguage: 'de',
      clock: manualClock(),
    });
    await library.close();
    await rm(path.join(dir, 'backups'), { recursive: true, force: true });
    const { ctx, out } = cliContext('de');
    expect(await runCli(['backups', dir], ctx)).toBe(0);
    expect(out()).toContain('Keine Sicherungen');
  });

  it('refuses a folder that is no library with exit 2, in German and English', async () => {
    const dir = await tempDir();
    for (const [lang, text] of [
      ['de', 'Hier ist keine Vitrine-Bibliothek'],
      ['en', 'There is no Vitrine library here'],
    ] as const) {
      const { ctx, out, err } = cliContext(lang);
      expect(await runCli(['backups', dir], ctx)).toBe(2);
      expect(err()).toContain(text);
      expect(out()).toBe('');
    }
    const missing = cliContext('en');
    expect(await runCli(['backups', path.join(dir, 'nope')], missing.ctx)).toBe(2);
    expect(missing.err()).toContain('library.json');
  });
});

describe('vitrine restore', () => {
  it('--dry-run prints the counts that would change and writes nothing', async () => {
    const { dir, withAB } = await libraryWithHistory();
    const before = await hashTree(dir);
    const { ctx, out } = cliContext('en');
    expect(await runCli(['restore', dir, '--backup', withAB.id, '--dry-run'], ctx)).toBe(0);
    expect(out()).toContain(`Dry run: restoring ${withAB.id}`);
    // now a, c; the backup has a, b: one added, one removed
    expect(out()).toContain('  items: 2 → 2 (+1 −1 ~0)');
    expect(out()).not.toContain('partnerships');
    expect(await hashTree(dir)).toEqual(before);
  });

  it('--backup ID restores it, keeping the current files aside', async () => {
    const { dir, withAB } = await libraryWithHistory();
    // Without a close the current state is in the change log (not yet compacted into shards).
    const currentLog = await readFile(path.join(dir, 'data/log.jsonl'), 'utf8');
    const { ctx, out } = cliContext('de');
    expect(await runCli(['restore', dir, '--backup', withAB.id], ctx)).toBe(0);
    expect(out()).toContain(`Wiederhergestellt: ${withAB.id}`);
    expect(out()).toContain('  Objekte: 2 → 2 (+1 −1 ~0)');
    const aside = /backups\/(damaged-[^/]+)\//.exec(out())![1]!;
    expect(await readFile(path.join(dir, 'backups', aside, 'data/log.jsonl'), 'utf8')).toBe(
      currentLog,
    );
    const reopened = await openLibrary(dir, { readOnly: true });
    expect(
      reopened
        .snapshot()
        .items.map((i) => i.id)
        .sort(),
    ).toEqual(['a', 'b']);
    await reopened.close();
  });

  it('--newest-valid repairs a damaged library and says what it skipped', async () => {
    const { dir } = await libraryWithHistory();
    const shard = await damage(dir, 'c');
    const newest = (await listBackups(dir))[0]!;
    // The newest backup broken too (replaced, not written in place: its files are hard links).
    await rm(path.join(newest.path, 'library.json'));
    await writeFile(path.join(newest.path, 'library.json'), '{');
    const dry = cliContext('en');
    expect(await runCli(['restore', dir, '--newest-valid', '--dry-run', '--json'], dry.ctx)).toBe(
      0,
    );
    const preview = JSON.parse(dry.out());
    expect(preview.skipped.map((s: { id: string }) => s.id)).toEqual([newest.id]);
    expect(preview.currentProblem.code).toBe('FILE_INVALID_JSON');
    expect(preview.changes.items.before).toBeNull();
    expect(preview.setAside).toBeNull();

    const { ctx, out } = cliContext('en');
    expect(await runCli(['restore', dir, '--newest-valid'], ctx)).toBe(0);
    expect(out()).toContain(`Skipped (invalid): ${newest.id}`);
    expect(out()).toContain('The current library cannot be read');
    expect(out()).toContain(`Restored: ${preview.backup}`);
    const aside = (await readdir(path.join(dir, 'backups'))).find((n) => n.startsWith('damaged-'))!;
    expect(await readFile(path.join(dir, 'backups', aside, shard), 'utf8')).toBe(
      '{"revision": 3, "items": [',
    );
    const reopened = await openLibrary(dir, { readOnly: true });
    expect(reopened.snapshot().items.length).toBe(preview.changes.items.after);
    await reopened.close();
  });

  it('refuses unclear or impossible requests with exit 2 and changes nothing', async () => {
    const { dir } = await libraryWithHistory();
    const before = await hashTree(dir);
    const neither = cliContext('en');
    expect(await runCli(['restore', dir], neither.ctx)).toBe(2);
    expect(neither.err()).toContain('exactly one of --newest-valid or --backup');
    const unknown = cliContext('de');
    expect(await runCli(['restore', dir, '--backup', 'recent-nope'], unknown.ctx)).toBe(2);
    expect(unknown.err()).toContain('„recent-nope“ gibt es nicht');
    const writer = await openLibrary(dir);
    // Only backups/ may differ (the writer's opening backup); the library files are as they were.
    // Checked before the writer closes: closing compacts the change log into the files.
    const lib = (t: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(t).filter(([k]) => !k.startsWith('backups') && k !== '.vitrine.lock'),
      );
    try {
      const locked = cliContext('en');
      const id = (await listBackups(dir))[0]!.id;
      expect(await runCli(['restore', dir, '--backup', id], locked.ctx)).toBe(2);
      expect(locked.err().length).toBeGreaterThan(0);
      expect(lib(await hashTree(dir))).toEqual(lib(before));
    } finally {
      await writer.close();
    }
  });
});
