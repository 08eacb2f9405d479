import { readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLibrary, openLibrary } from '../../../../../electron/core/library';
import { setFaultHook, type FsStep } from '../../../../../electron/core/library/fs-atomic';
import { caught, exists, hashTree, manualClock, putItem, tempDir } from './helpers';

/**
 * The change log (data/log.jsonl): what a torn or damaged line does at open, compaction by size,
 * and faults during compaction. The kill -9 cases are in store.crash.test.ts.
 */
afterEach(() => void setFaultHook(null));

const LOG = 'data/log.jsonl';

async function libraryWithLog(compactAfter?: { entries?: number }) {
  const dir = join(await tempDir(), 'lib');
  const library = await createLibrary(dir, {
    name: 'Protokoll',
    languages: ['de'],
    defaultLanguage: 'de',
    clock: manualClock(),
  });
  await library.close();
  return { dir, library: await openLibrary(dir, { clock: manualClock(), compactAfter }) };
}

describe('the change log', () => {
  it('a torn last line is ignored with a note and cut off when opened for writing', async () => {
    const { dir, library } = await libraryWithLog();
    await library.apply(putItem('a'));
    await library.apply(putItem('b'));
    // No close (no compaction), as after a crash; then a line cut short.
    const text = await readFile(join(dir, LOG), 'utf8');
    const second = text.split('\n')[1]!;
    await writeFile(join(dir, LOG), `${text}${second.slice(0, 40)}`);

    const before = await hashTree(dir);
    const reader = await openLibrary(dir, { readOnly: true });
    expect(reader.revision).toBe(2);
    expect(reader.snapshot().items.map((i) => i.id)).toEqual(['a', 'b']);
    expect(reader.migrationNotes.map((n) => n.en).join(' ')).toMatch(/line 3\) was incomplete/);
    await reader.close();
    expect(await hashTree(dir)).toEqual(before); // read-only changes nothing

    // The lock of the writer that "crashed" (this process, so not taken over as stale).
    await unlink(join(dir, '.vitrine.lock'));
    const writer = await openLibrary(dir, { clock: manualClock() });
    expect(await readFile(join(dir, LOG), 'utf8')).toBe(text);
    expect((await writer.apply(putItem('c'))).revision).toBe(3);
    await writer.close();
    const again = await openLibrary(dir, { readOnly: true });
    expect(again.snapshot().items.map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(again.migrationNotes).toEqual([]);
    await again.close();
  });

  it('a damaged line followed by good ones stops the open and changes nothing', async () => {
    const { dir, library } = await libraryWithLog();
    for (const id of ['a', 'b', 'c']) await library.apply(putItem(id));
    const text = await readFile(join(dir, LOG), 'utf8');
    await writeFile(join(dir, LOG), text.replace('"id":"b"', '"id":"x"'));
    const before = await hashTree(dir);
    const error = await caught(() => openLibrary(dir, { readOnly: true }));
    expect(error.code).toBe('FILE_INVALID_DATA');
    expect(error.messages.de).toContain('Zeile 2 des Änderungsprotokolls');
    expect(error.messages.en).toContain('data/log.jsonl 2:1');
    expect(await hashTree(dir)).toEqual(before);
  });

  it('compacts after the configured number of changes, in the background of the next change', async () => {
    const { dir, library } = await libraryWithLog({ entries: 3 });
    await library.apply(putItem('a'));
    await library.apply(putItem('b'));
    expect(await exists(join(dir, LOG))).toBe(true);
    await library.apply(putItem('c'));
    // The compaction is queued behind the third change; the fourth waits for it.
    await library.apply(putItem('d'));
    const lines = (await readFile(join(dir, LOG), 'utf8')).trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { revision: number }).revision)).toEqual([4]);
    const shards = await readdir(join(dir, 'data/items'));
    expect(shards.length).toBeGreaterThan(0);
    await library.close();
    expect(await exists(join(dir, LOG))).toBe(false);
    const reader = await openLibrary(dir, { readOnly: true });
    expect(reader.snapshot().items.map((i) => i.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(reader.revision).toBe(4);
    await reader.close();
  });

  it('a backup holds a copy of the log, not a link that would grow with it', async () => {
    const { library } = await libraryWithLog();
    await library.apply(putItem('a'));
    const [backup] = await library.backup();
    const copied = await readFile(join(backup!.path, LOG), 'utf8');
    await library.apply(putItem('b'));
    expect(await readFile(join(backup!.path, LOG), 'utf8')).toBe(copied);
    await library.close();
  });

  it('a disk fault at any step of the compaction at close loses nothing', async () => {
    // Which steps the compaction takes.
    const probe = await libraryWithLog();
    await probe.library.apply(putItem('a'));
    await probe.library.apply({
      type: 'batch',
      commands: [putItem('b'), putItem('c'), { type: 'updateManifest', name: 'Neu' }],
    });
    const steps: string[] = [];
    let compacting = true;
    setFaultHook((step: FsStep, path: string) => {
      if (compacting && !path.includes('backups')) steps.push(`${step} ${path}`);
    });
    await probe.library.close();
    compacting = false;
    setFaultHook(null);
    expect(steps.length).toBeGreaterThan(5);

    for (let n = 1; n <= steps.length; n++) {
      const where = `ENOSPC at step ${n} (${steps[n - 1]})`;
      const { dir, library } = await libraryWithLog();
      await library.apply(putItem('a'));
      await library.apply({
        type: 'batch',
        commands: [putItem('b'), putItem('c'), { type: 'updateManifest', name: 'Neu' }],
      });
      let count = 0;
      setFaultHook((step, path) => {
        if (path.includes('backups')) return;
        if (++count === n)
          throw Object.assign(new Error('ENOSPC: injected'), { code: 'ENOSPC', step });
      });
      await library.close(); // compaction fails quietly; the log still holds the changes
      setFaultHook(null);
      const reader = await openLibrary(dir, { readOnly: true });
      expect(reader.revision, where).toBe(2);
      expect(reader.manifest.name, where).toBe('Neu');
      expect(
        reader.snapshot().items.map((i) => i.id),
        where,
      ).toEqual(['a', 'b', 'c']);
      await reader.close();
      // And the next writer compacts it.
      const writer = await openLibrary(dir, { clock: manualClock() });
      await writer.close();
      expect(await exists(join(dir, LOG)), where).toBe(false);
      expect(await exists(join(dir, 'journal.json')), where).toBe(false);
    }
  }, 120_000);
});
