import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  listBackups,
  openLibrary,
  readLibrarySnapshot,
} from '../../../../../electron/core/library';
import { itemShardFile, shardOf } from '../../../../../electron/core/library/layout';
import { copyFixture, exists, hashTree, manualClock } from './helpers';

describe('opening a version 1 library (tests/fixtures/library-v1)', () => {
  it('migrates in memory only when read-only', async () => {
    const dir = await copyFixture('library-v1');
    const before = await hashTree(dir);
    const library = await openLibrary(dir, { readOnly: true });
    expect(library.migratedFrom).toBe(1);
    const snap = library.snapshot();
    expect(snap.manifest.schemaVersion).toBe(2);
    expect(snap.items.map((i) => i.id)).toEqual([
      'foto-leeds-1969',
      'plakat-amiens',
      'brief-buergermeister',
      'tonband-1980',
    ]);
    const byId = Object.fromEntries(snap.items.map((i) => [i.id, i]));
    expect(byId['foto-leeds-1969']!.rights).toEqual({
      statement: 'CC-BY-4.0',
      creditLine: { de: 'Foto: Stadtarchiv Dortmund' },
    });
    expect(byId['plakat-amiens']!.date).toBe('1975~');
    expect(byId['plakat-amiens']!.rights).toEqual({
      statement: 'UND',
      holder: 'Rechte bei der Stadt Amiens',
      creditLine: {},
    });
    expect(byId['brief-buergermeister']!.date).toBe('2001-03-04');
    expect(byId['tonband-1980']!.date).toBeUndefined();
    expect(byId['tonband-1980']!.description.de).toContain('Sommer 1980');
    expect(library.migrationNotes).toHaveLength(1);
    expect(snap.revision).toBe(7);
    expect(snap.awards).toEqual([]);
    await library.close();
    expect(await hashTree(dir)).toEqual(before);
  });

  it('writes version 2 files when opened writable, after backing up the version 1 files', async () => {
    const dir = await copyFixture('library-v1');
    const v1Items = await readFile(join(dir, 'data/items.json'), 'utf8');
    const library = await openLibrary(dir, { clock: manualClock() });
    const expected = library.snapshot();
    expect(library.revision).toBe(8);
    await library.close();

    const manifest = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8'));
    expect(manifest.schemaVersion).toBe(2);
    expect(await exists(join(dir, 'data/items.json'))).toBe(false);
    const shard = JSON.parse(
      await readFile(join(dir, itemShardFile(shardOf('plakat-amiens'))), 'utf8'),
    );
    expect(shard.revision).toBe(8);
    expect(shard.items.find((i: { id: string }) => i.id === 'plakat-amiens').date).toBe('1975~');
    expect(await exists(join(dir, 'journal.json'))).toBe(false);

    const backups = await listBackups(dir);
    const migration = backups.find((b) => b.kind === 'migration')!;
    expect(migration.id).toMatch(/^migration-v1-/);
    expect(await readFile(join(migration.path, 'data/items.json'), 'utf8')).toBe(v1Items);
    expect(
      JSON.parse(await readFile(join(migration.path, 'library.json'), 'utf8')).schemaVersion,
    ).toBe(1);

    const reopened = await openLibrary(dir, { readOnly: true });
    expect(reopened.migratedFrom).toBeNull();
    expect(reopened.snapshot()).toEqual(expected);
    await reopened.close();
    expect((await readLibrarySnapshot(dir)).items).toHaveLength(4);
    expect((await readdir(join(dir, 'data/items'))).length).toBeGreaterThan(0);
  });

  it('refuses a version 1 library whose data cannot be migrated into valid data, writing nothing', async () => {
    const dir = await copyFixture('library-v1');
    const { writeFile } = await import('node:fs/promises');
    const data = JSON.parse(await readFile(join(dir, 'data/items.json'), 'utf8'));
    data.items[2].kind = 'hologram';
    await writeFile(join(dir, 'data/items.json'), JSON.stringify(data, null, 2));
    const before = await hashTree(dir);
    await expect(openLibrary(dir)).rejects.toMatchObject({
      code: 'FILE_INVALID_DATA',
      location: { file: 'data/items.json', path: 'items[2].kind' },
    });
    expect(await hashTree(dir)).toEqual(before);
  });
});
