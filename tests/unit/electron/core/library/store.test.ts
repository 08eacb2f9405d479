import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createLibrary,
  openLibrary,
  readLibrarySnapshot,
} from '../../../../../electron/core/library';
import { itemShardFile, shardOf } from '../../../../../electron/core/library/layout';
import type { CommandInput } from '../../../../../shared/domain/commands';
import {
  awardInput,
  caught,
  exhibitionInput,
  exists,
  hashTree,
  itemInput,
  manualClock,
  putItem,
  putPartnership,
  tempDir,
} from './helpers';

async function newLibrary(clock = manualClock()) {
  const dir = join(await tempDir(), 'lib');
  const library = await createLibrary(dir, {
    name: 'Städtepartnerschaften',
    languages: ['de', 'en'],
    defaultLanguage: 'de',
    clock,
  });
  return { dir, library, clock };
}

describe('createLibrary', () => {
  it('writes the layout and opens for writing', async () => {
    const { dir, library } = await newLibrary();
    const manifest = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8'));
    expect(manifest).toMatchObject({
      format: 'vitrine-library',
      schemaVersion: 2,
      name: 'Städtepartnerschaften',
      defaultLanguage: 'de',
    });
    for (const f of ['data/partnerships.json', 'data/awards.json', 'data/exhibitions.json'])
      expect(JSON.parse(await readFile(join(dir, f), 'utf8'))).toMatchObject({ revision: 0 });
    expect(await exists(join(dir, 'data/items'))).toBe(true);
    expect(await exists(join(dir, 'media'))).toBe(true);
    expect(await exists(join(dir, '.vitrine.lock'))).toBe(true);
    expect(library.revision).toBe(0);
    expect(library.snapshot().items).toEqual([]);
    await library.close();
    expect(await exists(join(dir, '.vitrine.lock'))).toBe(false);
  });

  it('refuses a non-empty folder and accepts an empty existing one', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'notes.txt'), 'hello');
    const error = await caught(() =>
      createLibrary(dir, { name: 'x', languages: ['de'], defaultLanguage: 'de' }),
    );
    expect(error.code).toBe('LIBRARY_EXISTS');
    expect(await readdir(dir)).toEqual(['notes.txt']);
    const empty = await tempDir();
    const library = await createLibrary(empty, {
      name: 'x',
      languages: ['de'],
      defaultLanguage: 'de',
    });
    await library.close();
  });

  it('refuses an invalid manifest with the path', async () => {
    const dir = join(await tempDir(), 'lib');
    const error = await caught(() =>
      createLibrary(dir, { name: 'x', languages: ['de'], defaultLanguage: 'en' }),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.location?.path).toBe('defaultLanguage');
  });
});

describe('round trip through disk', () => {
  it('keeps every entity kind exactly, in shards, after reopening', async () => {
    const { dir, library } = await newLibrary();
    await library.apply(putPartnership('leeds'));
    await library.apply(
      putPartnership('amiens', { country: 'FR', coordinates: { lat: 49.89, lon: 2.3 } }),
    );
    for (let i = 0; i < 20; i++)
      await library.apply(putItem(`foto-${i}`, { partnershipIds: ['leeds'], tags: ['1970er'] }));
    await library.apply({
      type: 'putAward',
      award: awardInput('ehrenfahne-1979', ['leeds'], ['foto-1']),
    });
    await library.apply({
      type: 'putExhibition',
      exhibition: exhibitionInput('leeds-50', ['foto-1', 'foto-2'], ['leeds', 'amiens']),
    });
    const before = library.snapshot();
    expect(before.items).toHaveLength(20);
    await library.close();

    const shards = await readdir(join(dir, 'data/items'));
    expect(shards.length).toBeGreaterThan(1);
    expect(shards.every((n) => /^\d{2}\.json$/.test(n))).toBe(true);
    const shardOfFoto3 = JSON.parse(
      await readFile(join(dir, itemShardFile(shardOf('foto-3'))), 'utf8'),
    );
    expect(shardOfFoto3.items.map((i: { id: string }) => i.id)).toContain('foto-3');

    const after = await readLibrarySnapshot(dir);
    expect(after).toEqual(before);
  });

  it('an item edit appends one line to the change log; closing compacts it into one shard', async () => {
    const { dir, library } = await newLibrary();
    for (let i = 0; i < 30; i++) await library.apply(putItem(`i-${i}`));
    const before = await hashTree(join(dir, 'data'));
    const result = await library.apply(putItem('i-7', { title: { de: 'Neu' } }));
    const after = await hashTree(join(dir, 'data'));
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
    expect(changed).toEqual(['log.jsonl']);
    expect(result.revision).toBe(31);
    const lines = (await readFile(join(dir, 'data/log.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(31);
    // Readable JSON: the new version of exactly the edited item, and a checksum.
    expect(JSON.parse(lines[30]!)).toMatchObject({
      revision: 31,
      changes: { items: { 'i-7': { id: 'i-7', title: { de: 'Neu' } } } },
      checksum: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const shardsBefore = await hashTree(join(dir, 'data/items'));
    await library.close();
    expect(await exists(join(dir, 'data/log.jsonl'))).toBe(false);
    const shardsAfter = await hashTree(join(dir, 'data/items'));
    // Compaction wrote only the shards the 30 new items went to, no other.
    const touched = new Set(Array.from({ length: 30 }, (_, i) => itemShardFile(shardOf(`i-${i}`))));
    expect(
      Object.keys(shardsAfter)
        .map((k) => `data/items/${k}`)
        .sort(),
    ).toEqual([...touched].sort());
    expect(Object.keys(shardsBefore)).toEqual([]);
    expect(
      JSON.parse(await readFile(join(dir, itemShardFile(shardOf('i-7'))), 'utf8')).revision,
    ).toBe(31);
    const reopened = await openLibrary(dir, { readOnly: true });
    expect(reopened.revision).toBe(31);
    await reopened.close();
  });

  it('sets createdAt and updatedAt from the clock, keeping createdAt on edits', async () => {
    const { library, clock } = await newLibrary();
    await library.apply({
      type: 'putItem',
      item: { ...itemInput('a'), createdAt: '1999-01-01T00:00:00.000Z' },
    });
    expect(library.get('items', 'a')).toMatchObject({
      createdAt: '1999-01-01T00:00:00.000Z',
      updatedAt: '2025-03-10T09:00:00.000Z',
    });
    clock.advance(60_000);
    await library.apply({
      type: 'putItem',
      item: { ...itemInput('a'), createdAt: '2001-01-01T00:00:00.000Z' },
    });
    expect(library.get('items', 'a')).toMatchObject({
      createdAt: '1999-01-01T00:00:00.000Z',
      updatedAt: '2025-03-10T09:01:00.000Z',
    });
    await library.close();
  });
});

describe('commands', () => {
  it('rejects invalid input with the data path', async () => {
    const { library } = await newLibrary();
    const error = await caught(() =>
      library.apply({
        type: 'putItem',
        item: { ...itemInput('a'), rights: { statement: 'ALL-RIGHTS' } },
      } as unknown as CommandInput),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.location?.path).toBe('item.rights.statement');
    expect(error.messages.de).toContain('item.rights.statement');
    await library.close();
  });

  it('refuses adding a reference to a missing entity but keeps old dangling ones', async () => {
    const { library } = await newLibrary();
    await library.apply(putPartnership('leeds'));
    const missing = await caught(() =>
      library.apply(putItem('a', { partnershipIds: ['leeds', 'buffalo'] })),
    );
    expect(missing.code).toBe('REFERENCE_MISSING');
    expect(missing.location?.path).toBe('item.partnershipIds[1]');
    expect(missing.messages.en).toContain('buffalo');
    expect(library.get('items', 'a')).toBeUndefined();

    const ex = await caught(() =>
      library.apply({ type: 'putExhibition', exhibition: exhibitionInput('x', ['nope']) }),
    );
    expect(ex.code).toBe('REFERENCE_MISSING');
    expect(ex.location?.path).toBe('exhibition.chapters[0].blocks[0].itemId');

    // Make a dangling reference by force-deleting, then edit the referring item: allowed.
    await library.apply(putItem('a', { partnershipIds: ['leeds'] }));
    await library.apply({ type: 'delete', collection: 'partnerships', id: 'leeds', force: true });
    await library.apply(putItem('a', { partnershipIds: ['leeds'], title: { de: 'Geändert' } }));
    expect(library.get('items', 'a')?.title).toEqual({ de: 'Geändert' });
    await library.close();
  });

  it('refuses deleting something in use, listing the usages, unless forced', async () => {
    const { library } = await newLibrary();
    await library.apply(putPartnership('leeds'));
    await library.apply(putItem('a', { partnershipIds: ['leeds'] }));
    await library.apply({
      type: 'putExhibition',
      exhibition: exhibitionInput('leeds-50', ['a'], ['leeds']),
    });
    const error = await caught(() =>
      library.apply({ type: 'delete', collection: 'items', id: 'a' }),
    );
    expect(error.code).toBe('IN_USE');
    expect(error.details).toEqual([
      expect.objectContaining({
        collection: 'exhibitions',
        id: 'leeds-50',
        path: 'chapters[0].blocks[0].itemId',
      }),
    ]);
    expect(error.messages.de).toContain('Ausstellung „Ausstellung leeds-50“, Kapitel „Anfänge“');
    expect(error.messages.en).toContain('Exhibition “Ausstellung leeds-50”, chapter “Anfänge”');

    const p = await caught(() =>
      library.apply({ type: 'delete', collection: 'partnerships', id: 'leeds' }),
    );
    expect(p.code).toBe('IN_USE');
    expect((p.details as { collection: string }[]).map((u) => u.collection).sort()).toEqual([
      'exhibitions',
      'items',
    ]);

    await library.apply({ type: 'delete', collection: 'items', id: 'a', force: true });
    expect(library.get('items', 'a')).toBeUndefined();
    const gone = await caught(() =>
      library.apply({ type: 'delete', collection: 'items', id: 'a' }),
    );
    expect(gone.code).toBe('NOT_FOUND');
    await library.close();
  });

  it('undoes each command type', async () => {
    const { dir, library } = await newLibrary();
    const base = await library.apply(putPartnership('leeds'));
    expect(base.undo).toEqual({
      type: 'delete',
      collection: 'partnerships',
      id: 'leeds',
      force: true,
    });

    // put of a new entity ↔ forced delete
    const created = await library.apply(putItem('a', { partnershipIds: ['leeds'] }));
    await library.apply(created.undo);
    expect(library.get('items', 'a')).toBeUndefined();
    await library.apply(putItem('a', { partnershipIds: ['leeds'] }));
    const original = library.get('items', 'a')!;

    // put of an existing entity ↔ put of the old one
    const edit = await library.apply(
      putItem('a', { title: { de: 'Neu' }, partnershipIds: ['leeds'] }),
    );
    await library.apply(edit.undo);
    expect({ ...library.get('items', 'a'), updatedAt: '' }).toEqual({ ...original, updatedAt: '' });

    // delete ↔ put with the old createdAt
    const del = await library.apply({ type: 'delete', collection: 'items', id: 'a' });
    expect(del.undo).toMatchObject({ type: 'putItem', item: { id: 'a' } });
    await library.apply(del.undo);
    expect(library.get('items', 'a')?.createdAt).toBe(original.createdAt);

    // award and exhibition
    const award = await library.apply({
      type: 'putAward',
      award: awardInput('fahne', ['leeds'], ['a']),
    });
    const awardEdit = await library.apply({
      type: 'putAward',
      award: { ...awardInput('fahne', ['leeds']), date: '1980' },
    });
    await library.apply(awardEdit.undo);
    expect(library.get('awards', 'fahne')?.date).toBe('1979');
    await library.apply(award.undo);
    expect(library.get('awards', 'fahne')).toBeUndefined();
    const ex = await library.apply({
      type: 'putExhibition',
      exhibition: exhibitionInput('x', ['a']),
    });
    await library.apply(ex.undo);
    expect(library.get('exhibitions', 'x')).toBeUndefined();

    // manifest
    const m = await library.apply({
      type: 'updateManifest',
      name: 'Neu',
      languages: ['de', 'en', 'ar'],
    });
    expect(library.manifest.languages).toEqual(['de', 'en', 'ar']);
    expect(m.undo).toEqual({
      type: 'updateManifest',
      name: 'Städtepartnerschaften',
      languages: ['de', 'en'],
    });
    await library.apply(m.undo);
    expect(library.manifest).toMatchObject({
      name: 'Städtepartnerschaften',
      languages: ['de', 'en'],
    });

    // batch ↔ batch of inverses in reverse order
    const batch = await library.apply({
      type: 'batch',
      commands: [
        putPartnership('amiens', { country: 'FR' }),
        putItem('b', { partnershipIds: ['amiens'] }),
        { type: 'updateManifest', name: 'B' },
      ],
    });
    expect(batch.undo).toMatchObject({
      type: 'batch',
      commands: [
        { type: 'updateManifest' },
        { type: 'delete', id: 'b' },
        { type: 'delete', id: 'amiens' },
      ],
    });
    await library.apply(batch.undo);
    expect(library.get('items', 'b')).toBeUndefined();
    expect(library.get('partnerships', 'amiens')).toBeUndefined();
    expect(library.manifest.name).toBe('Städtepartnerschaften');
    const snapshot = library.snapshot();
    await library.close();
    expect(await readLibrarySnapshot(dir)).toEqual(snapshot);
  });

  it('updates the manifest with validation', async () => {
    const { dir, library } = await newLibrary();
    const bad = await caught(() =>
      library.apply({ type: 'updateManifest', defaultLanguage: 'fr' }),
    );
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.location?.path).toBe('defaultLanguage');
    const r = await library.apply({
      type: 'updateManifest',
      languages: ['de', 'en', 'fr'],
      defaultLanguage: 'fr',
    });
    await library.close();
    const reopened = await openLibrary(dir, { readOnly: true });
    expect(reopened.manifest.defaultLanguage).toBe('fr');
    expect(reopened.revision).toBe(r.revision);
    await reopened.close();
  });

  it('applies a batch all-or-nothing: one failing command leaves the disk untouched', async () => {
    const { dir, library } = await newLibrary();
    await library.apply(putPartnership('leeds'));
    await library.apply(putItem('a'));
    const before = await hashTree(dir);
    const revision = library.revision;
    const error = await caught(() =>
      library.apply({
        type: 'batch',
        commands: [
          putItem('b'),
          putItem('c', { partnershipIds: ['leeds'] }),
          { type: 'delete', collection: 'items', id: 'missing' },
        ],
      }),
    );
    expect(error.code).toBe('NOT_FOUND');
    expect(error.location?.path).toBe('commands[2].id');
    expect(await hashTree(dir)).toEqual(before);
    expect(library.revision).toBe(revision);
    expect(library.get('items', 'b')).toBeUndefined();

    const refError = await caught(() =>
      library.apply({
        type: 'batch',
        commands: [putItem('b'), putItem('c', { partnershipIds: ['nowhere'] })],
      }),
    );
    expect(refError.location?.path).toBe('commands[1].item.partnershipIds[0]');
    expect(await hashTree(dir)).toEqual(before);

    // Within a batch, later commands see earlier ones.
    const ok = await library.apply({
      type: 'batch',
      commands: [
        putPartnership('kumasi', { country: 'GH' }),
        putItem('b', { partnershipIds: ['kumasi'] }),
        putItem('c'),
      ],
    });
    expect(ok.revision).toBe(revision + 1);
    expect(await exists(join(dir, 'journal.json'))).toBe(false);
    await library.close();
    const snap = await readLibrarySnapshot(dir);
    expect(snap.items.map((i) => i.id).sort()).toEqual(['a', 'b', 'c']);
    expect(snap.revision).toBe(revision + 1);
  });

  it('reports a failed write and keeps memory and disk as they were', async () => {
    const { dir, library } = await newLibrary();
    await library.apply(putItem('a'));
    const { mkdir, rename, rmdir } = await import('node:fs/promises');
    // A folder where the change log belongs makes the append fail.
    const log = join(dir, 'data/log.jsonl');
    await rename(log, `${log}.aside`);
    await mkdir(log);
    const error = await caught(() => library.apply(putItem('x')));
    await rmdir(log);
    await rename(`${log}.aside`, log);
    expect(error.code).toBe('FILE_UNWRITABLE');
    expect(error.messages.en).toContain('could not be saved');
    expect(library.get('items', 'x')).toBeUndefined();
    expect(library.revision).toBe(1);
    const ok = await library.apply(putItem('a', { title: { de: 'weiter' } }));
    expect(ok.revision).toBe(2);
    await library.close();
  });

  it('serializes concurrent applies', async () => {
    const { dir, library } = await newLibrary();
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) => library.apply(putItem(`p-${i}`))),
    );
    expect(results.map((r) => r.revision)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    await library.close();
    expect((await readLibrarySnapshot(dir)).items).toHaveLength(25);
  });

  it('notifies listeners and caches snapshot arrays per collection', async () => {
    const { library } = await newLibrary();
    const events: number[] = [];
    const off = library.onChange((e) => events.push(e.revision));
    await library.apply(putPartnership('leeds'));
    const s1 = library.snapshot();
    expect(library.snapshot()).toBe(s1);
    await library.apply(putItem('a'));
    const s2 = library.snapshot();
    expect(s2).not.toBe(s1);
    expect(s2.partnerships).toBe(s1.partnerships);
    expect(s2.items).not.toBe(s1.items);
    off();
    await library.apply(putItem('b'));
    expect(events).toEqual([1, 2]);
    await library.close();
  });

  it('refuses writes when read-only, and works alongside a writer', async () => {
    const { dir, library } = await newLibrary();
    await library.apply(putItem('a'));
    const reader = await openLibrary(dir, { readOnly: true });
    expect(reader.snapshot().items.map((i) => i.id)).toEqual(['a']);
    const error = await caught(() => reader.apply(putItem('b')));
    expect(error.code).toBe('LIBRARY_READ_ONLY');
    await reader.close();
    expect(await exists(join(dir, '.vitrine.lock'))).toBe(true);
    await library.close();
  });

  it('gives LIBRARY_LOCKED to a second writer in the same process', async () => {
    const { dir, library } = await newLibrary();
    const error = await caught(() => openLibrary(dir));
    expect(error.code).toBe('LIBRARY_LOCKED');
    expect(error.messages.en).toContain(`process ${process.pid}`);
    expect(error.messages.en).toContain('read-only');
    await library.close();
    const again = await openLibrary(dir);
    expect(again.staleLockTakenOver).toBeNull();
    await again.close();
  });
});
