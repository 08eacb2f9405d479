import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, openLibrary } from '../../../../../electron/core/library';
import { contentHash } from '../../../../../electron/core/library/checksums';
import { itemShardFile, shardOf } from '../../../../../electron/core/library/layout';
import { loadLibrary } from '../../../../../electron/core/library/load';
import { caught, hashTree, manualClock, putItem, tempDir } from './helpers';

/**
 * Opening trusts a data file whose bytes hash to what the store recorded in library.json and
 * validates every other file entity by entity (issue 10 §2): what the store wrote opens without
 * the schema pass, anything else is still checked in full.
 */
let dir: string;
const shardA = itemShardFile(shardOf('a'));

beforeEach(async () => {
  dir = join(await tempDir(), 'lib');
  const library = await createLibrary(dir, {
    name: 'Test',
    languages: ['de', 'en'],
    defaultLanguage: 'de',
    clock: manualClock(),
  });
  for (const id of ['a', 'b', 'c']) await library.apply(putItem(id));
  await library.close();
});

async function manifest() {
  return JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')) as {
    checksums: { schema: string; files: Record<string, string> };
  };
}

describe('content hashes of the data files', () => {
  it('are recorded for every data file the store wrote, matching the bytes on disk', async () => {
    const { checksums } = await manifest();
    const loaded = await loadLibrary(dir);
    expect(Object.keys(checksums.files).sort()).toEqual([...loaded.diskFiles].sort());
    for (const [rel, sum] of Object.entries(checksums.files))
      expect(contentHash(await readFile(join(dir, rel)))).toBe(sum);
    expect(loaded.validated).toEqual([]);
  });

  it('a full check validates every file whatever the hashes say', async () => {
    const loaded = await loadLibrary(dir, undefined, { verify: true });
    expect([...loaded.validated].sort()).toEqual([...loaded.diskFiles].sort());
  });

  it('a hand edit that breaks the schema is still found, and nothing is written', async () => {
    const data = JSON.parse(await readFile(join(dir, shardA), 'utf8'));
    data.items[0].rights.statement = 'ALL-RIGHTS-RESERVED';
    await writeFile(join(dir, shardA), JSON.stringify(data, null, 2));
    const before = await hashTree(dir);
    for (const readOnly of [false, true]) {
      const error = await caught(() => openLibrary(dir, { readOnly }));
      expect(error.code).toBe('FILE_INVALID_DATA');
      expect(error.location).toEqual({ file: shardA, path: 'items[0].rights.statement' });
    }
    expect(await hashTree(dir)).toEqual(before);
  });

  it('a valid hand edit is validated once, then trusted after the next write', async () => {
    const data = JSON.parse(await readFile(join(dir, shardA), 'utf8'));
    data.items[0].title.de = 'Von Hand';
    await writeFile(join(dir, shardA), JSON.stringify(data));
    expect((await loadLibrary(dir)).validated).toEqual([shardA]);
    const library = await openLibrary(dir, { clock: manualClock() });
    expect(library.get('items', data.items[0].id)!.title.de).toBe('Von Hand');
    await library.apply(putItem('d'));
    await library.close();
    expect((await loadLibrary(dir)).validated).toEqual([]);
  });

  it('hashes recorded under other schemas, or no hashes, mean full validation', async () => {
    const raw = await manifest();
    await writeFile(
      join(dir, 'library.json'),
      JSON.stringify({ ...raw, checksums: { ...raw.checksums, schema: 'older' } }),
    );
    const loaded = await loadLibrary(dir);
    expect([...loaded.validated].sort()).toEqual([...loaded.diskFiles].sort());
    const { checksums: _gone, ...without } = raw;
    await writeFile(join(dir, 'library.json'), JSON.stringify(without));
    expect((await loadLibrary(dir)).validated.length).toBe(loaded.diskFiles.length);
  });
});
