import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, openLibrary } from '../../../../../electron/core/library';
import { itemShardFile, shardOf } from '../../../../../electron/core/library/layout';
import { caught, hashTree, manualClock, putItem, putPartnership, tempDir } from './helpers';

/**
 * Every kind of damage must fail with the right code and place, for writable and read-only
 * opens alike, and leave every byte on disk as it was.
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
  await library.apply(putPartnership('leeds'));
  for (const id of ['a', 'b', 'c']) await library.apply(putItem(id, { partnershipIds: ['leeds'] }));
  await library.close();
});

async function expectUntouchedFailure(code: string) {
  const before = await hashTree(dir);
  const errors = [];
  for (const readOnly of [false, true]) {
    const error = await caught(() =>
      openLibrary(dir, { readOnly, clock: manualClock('2025-04-01T10:00:00.000Z') }),
    );
    expect(error.code).toBe(code);
    expect(await hashTree(dir)).toEqual(before);
    errors.push(error);
  }
  return errors[0]!;
}

describe('opening a damaged library', () => {
  it('reports an empty data file', async () => {
    await writeFile(join(dir, 'data/partnerships.json'), '');
    const error = await expectUntouchedFailure('FILE_EMPTY');
    expect(error.location).toEqual({ file: 'data/partnerships.json' });
    expect(error.messages.de).toContain('Sicherung');
    expect(error.messages.en).toContain('backup');
  });

  it('reports a truncated file with line and column', async () => {
    const text = await readFile(join(dir, shardA), 'utf8');
    const cut = text.slice(0, Math.floor(text.length / 2));
    await writeFile(join(dir, shardA), cut);
    const error = await expectUntouchedFailure('FILE_INVALID_JSON');
    const lines = cut.split('\n');
    expect(error.location).toEqual({
      file: shardA,
      line: lines.length,
      column: lines.at(-1)!.length + 1,
    });
    expect(error.messages.en).toContain('truncated');
  });

  it('reports a syntax error where V8 gives no position', async () => {
    await writeFile(join(dir, 'data/awards.json'), '{\n  "revision": 1,\n  "awards": [1,]\n}\n');
    const error = await expectUntouchedFailure('FILE_INVALID_JSON');
    expect(error.location).toEqual({ file: 'data/awards.json', line: 3, column: 16 });
    expect(error.messages.de).toContain('data/awards.json 3:16');
  });

  it('accepts a UTF-8 byte-order mark without rewriting the file', async () => {
    const text = await readFile(join(dir, 'data/partnerships.json'), 'utf8');
    await writeFile(join(dir, 'data/partnerships.json'), `\uFEFF${text}`);
    const before = await hashTree(join(dir, 'data'));
    const reader = await openLibrary(dir, { readOnly: true });
    expect(reader.snapshot().partnerships.map((p) => p.id)).toEqual(['leeds']);
    await reader.close();
    const writer = await openLibrary(dir);
    expect(writer.snapshot().partnerships).toHaveLength(1);
    await writer.close();
    expect(await hashTree(join(dir, 'data'))).toEqual(before);
  });

  it('reports wrong types: an array where the file object belongs', async () => {
    await writeFile(join(dir, 'data/exhibitions.json'), '[]');
    const error = await expectUntouchedFailure('FILE_INVALID_DATA');
    expect(error.location).toEqual({ file: 'data/exhibitions.json' });
    expect(error.messages.en).toContain('an array');
  });

  it('reports a collection that is not a list', async () => {
    await writeFile(join(dir, 'data/awards.json'), '{"revision": 3, "awards": {}}');
    const error = await expectUntouchedFailure('FILE_INVALID_DATA');
    expect(error.location).toEqual({ file: 'data/awards.json', path: 'awards' });
  });

  it('reports an invalid entity with its data path', async () => {
    const data = JSON.parse(await readFile(join(dir, shardA), 'utf8'));
    const index = data.items.findIndex((i: { id: string }) => i.id === 'a');
    data.items[index].rights.statement = 'ALL-RIGHTS-RESERVED';
    await writeFile(join(dir, shardA), JSON.stringify(data));
    const error = await expectUntouchedFailure('FILE_INVALID_DATA');
    expect(error.location).toEqual({ file: shardA, path: `items[${index}].rights.statement` });
    expect(error.messages.de).toContain(`items[${index}].rights.statement`);
  });

  it('reports an unknown newer version and an invalid older one', async () => {
    const manifest = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8'));
    await writeFile(join(dir, 'library.json'), JSON.stringify({ ...manifest, schemaVersion: 99 }));
    const error = await expectUntouchedFailure('VERSION_UNSUPPORTED');
    expect(error.location).toEqual({ file: 'library.json', path: 'schemaVersion' });
    expect(error.messages.de).toContain('99');
    await writeFile(join(dir, 'library.json'), JSON.stringify({ ...manifest, schemaVersion: 0 }));
    await expectUntouchedFailure('FILE_INVALID_DATA');
    await writeFile(
      join(dir, 'library.json'),
      JSON.stringify({ ...manifest, format: 'something-else' }),
    );
    const format = await expectUntouchedFailure('FILE_INVALID_DATA');
    expect(format.location?.path).toBe('format');
  });

  it('refuses a huge file before reading it', async () => {
    const huge = join(dir, 'data/items/63.json');
    await mkdir(join(dir, 'data/items'), { recursive: true });
    await writeFile(huge, '');
    execFileSync('truncate', ['-s', '300M', huge]); // sparse: costs no disk
    const error = await expectUntouchedFailure('FILE_TOO_LARGE');
    expect(error.location).toEqual({ file: 'data/items/63.json' });
    expect(error.messages.en).toContain('300 MB');
    await rm(huge);
  });

  it('reports duplicate ids across shards', async () => {
    const data = JSON.parse(await readFile(join(dir, shardA), 'utf8'));
    const other = itemShardFile((shardOf('a') + 1) % 64);
    await writeFile(
      join(dir, other),
      JSON.stringify({
        revision: 1,
        items: [data.items.find((i: { id: string }) => i.id === 'a')],
      }),
    );
    const error = await expectUntouchedFailure('DUPLICATE_ID');
    expect(error.messages.en).toContain('“a”');
    expect([shardA, other]).toContain(error.location?.file);
    expect(error.location?.path).toMatch(/^items\[\d+\]\.id$/);
  });

  it('reports a missing folder or manifest as LIBRARY_NOT_FOUND', async () => {
    const missing = await caught(() => openLibrary(join(dir, 'nowhere')));
    expect(missing.code).toBe('LIBRARY_NOT_FOUND');
    await rm(join(dir, 'library.json'));
    await expectUntouchedFailure('LIBRARY_NOT_FOUND');
  });

  it('treats missing optional data files as empty', async () => {
    await rm(join(dir, 'data/awards.json'));
    await rm(join(dir, 'data/exhibitions.json'));
    const library = await openLibrary(dir);
    expect(library.snapshot().awards).toEqual([]);
    await library.apply({
      type: 'putAward',
      award: {
        id: 'fahne',
        name: { de: 'Ehrenfahne' },
        date: '1979',
        awardingBody: { de: 'Europarat' },
      },
    });
    await library.close();
    expect(JSON.parse(await readFile(join(dir, 'data/awards.json'), 'utf8')).awards).toHaveLength(
      1,
    );
  });
});
