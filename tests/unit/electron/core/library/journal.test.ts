import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, openLibrary } from '../../../../../electron/core/library';
import { writeJournal } from '../../../../../electron/core/library/journal';
import { serializeJson } from '../../../../../electron/core/library/json-file';
import { itemShardFile, shardOf } from '../../../../../electron/core/library/layout';
import { exists, hashTree, itemInput, manualClock, putItem, tempDir } from './helpers';

let dir: string;

beforeEach(async () => {
  dir = join(await tempDir(), 'lib');
  const library = await createLibrary(dir, {
    name: 'Test',
    languages: ['de'],
    defaultLanguage: 'de',
    clock: manualClock(),
  });
  await library.apply(putItem('a'));
  await library.close();
});

/** What a batch writing items x and y (in two shards) plus a manifest change would leave in its journal. */
async function crashedBatch() {
  const stamp = '2025-03-10T09:00:00.000Z';
  const x = {
    ...itemInput('x'),
    description: {},
    altText: {},
    transcript: {},
    tags: [],
    places: [],
    partnershipIds: [],
    media: [],
    createdAt: stamp,
    updatedAt: stamp,
  };
  const y = { ...x, id: 'y', title: { de: 'Y' } };
  expect(shardOf('x')).not.toBe(shardOf('y'));
  const shardX = itemShardFile(shardOf('x'));
  const shardY = itemShardFile(shardOf('y'));
  const existing = async (rel: string) =>
    (await exists(join(dir, rel))) ? JSON.parse(await readFile(join(dir, rel), 'utf8')).items : [];
  const manifest = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8'));
  const files = [
    {
      path: shardX,
      content: serializeJson({ revision: 2, items: [...(await existing(shardX)), x] }),
    },
    {
      path: shardY,
      content: serializeJson({ revision: 2, items: [...(await existing(shardY)), y] }),
    },
    {
      path: 'library.json',
      content: serializeJson({ ...manifest, name: 'Nach dem Absturz', revision: 2 }),
    },
  ];
  await writeJournal(dir, { revision: 2, files });
  // The crash happened after the first file was replaced, before the others.
  await writeFile(join(dir, shardX), files[0]!.content);
  return files;
}

describe('journal', () => {
  it('a read-only open sees a complete journal without writing anything', async () => {
    await crashedBatch();
    const before = await hashTree(dir);
    const reader = await openLibrary(dir, { readOnly: true });
    expect(
      reader
        .snapshot()
        .items.map((i) => i.id)
        .sort(),
    ).toEqual(['a', 'x', 'y']);
    expect(reader.manifest.name).toBe('Nach dem Absturz');
    expect(reader.revision).toBe(2);
    await reader.close();
    expect(await hashTree(dir)).toEqual(before);
  });

  it('a writable open replays a complete journal and removes it', async () => {
    const files = await crashedBatch();
    const library = await openLibrary(dir);
    expect(
      library
        .snapshot()
        .items.map((i) => i.id)
        .sort(),
    ).toEqual(['a', 'x', 'y']);
    expect(await exists(join(dir, 'journal.json'))).toBe(false);
    for (const f of files) expect(await readFile(join(dir, f.path), 'utf8')).toBe(f.content);
    const next = await library.apply(putItem('z'));
    expect(next.revision).toBe(3);
    await library.close();
  });

  it('an incomplete or tampered journal is discarded', async () => {
    await writeFile(
      join(dir, 'journal.json'),
      '{"format":"vitrine-journal","revision":2,"files":[{"path":"data/items/00.json","con',
    );
    let library = await openLibrary(dir);
    expect(library.snapshot().items.map((i) => i.id)).toEqual(['a']);
    expect(await exists(join(dir, 'journal.json'))).toBe(false);
    await library.close();

    await crashedBatch();
    const journal = JSON.parse(await readFile(join(dir, 'journal.json'), 'utf8'));
    journal.files[1].content = journal.files[1].content.replace('"Y"', '"Z"');
    await writeFile(join(dir, 'journal.json'), JSON.stringify(journal));
    library = await openLibrary(dir);
    // The already replaced first file stays (it was written before the crash); the checksum
    // mismatch stops the rest from being trusted.
    expect(library.get('items', 'y')).toBeUndefined();
    expect(await exists(join(dir, 'journal.json'))).toBe(false);
    expect(library.get('items', 'x')).toBeDefined();
    await library.close();
  });

  it('refuses journal paths outside the library files', async () => {
    await writeFile(
      join(dir, 'journal.json'),
      JSON.stringify({
        format: 'vitrine-journal',
        revision: 9,
        files: [{ path: '../evil.json', content: '{}' }],
        checksum: 'x',
      }),
    );
    const library = await openLibrary(dir);
    expect(await exists(join(dir, '..', 'evil.json'))).toBe(false);
    await library.close();
    await expect(
      writeJournal(dir, { revision: 1, files: [{ path: '../evil.json', content: '{}' }] }),
    ).rejects.toThrow();
  });

  it('writes a journal for multi-file batches and leaves none behind', async () => {
    const library = await openLibrary(dir);
    await library.apply({
      type: 'batch',
      commands: [putItem('x'), putItem('y'), { type: 'updateManifest', name: 'B' }],
    });
    expect(await exists(join(dir, 'journal.json'))).toBe(false);
    await library.close();
    const reader = await openLibrary(dir, { readOnly: true });
    expect(reader.manifest.name).toBe('B');
    expect(reader.snapshot().items).toHaveLength(3);
    await reader.close();
  });

  it('a journal written piece by piece is byte for byte the one written whole', async () => {
    // Journals left by older versions (written as one string) must keep replaying, and the new
    // writer makes each file's text only when it writes it (so a batch never holds them all).
    const files = [
      {
        path: 'data/items/07.json',
        content: serializeJson({ revision: 3, items: [{ t: '„€“ – ß' }] }),
      },
      { path: 'data/exhibitions.json', content: null },
      { path: 'library.json', content: '{"name":"\\u0000 \\"x\\"\\n"}\n' },
    ];
    let made = 0;
    await writeJournal(dir, {
      revision: 3,
      files: files.map((f) => ({
        path: f.path,
        content: () => {
          made += 1;
          return f.content;
        },
      })),
    });
    expect(made).toBe(3);
    const checksum = createHash('sha256')
      .update(JSON.stringify({ revision: 3, files }))
      .digest('hex');
    const whole = JSON.stringify({ format: 'vitrine-journal', revision: 3, files, checksum });
    expect(await readFile(join(dir, 'journal.json'), 'utf8')).toBe(whole);
  });
});
