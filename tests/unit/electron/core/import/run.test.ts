import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  commitImport,
  dryRunImport,
  prepareImport,
  readTable,
  reportCsv,
  runImport,
  type ImportProgress,
} from '../../../../../electron/core/import';
import { createLibrary, type Library } from '../../../../../electron/core/library';
import { createSyntheticJpeg } from '../../../../../electron/core/media';
import { autoMapping } from '../../../../../shared/import/auto-mapping';
import { AppError } from '../../../../../shared/errors';
import { partnership } from '../../../../fixtures/snapshot';
import { encode, GERMAN_EXCEL, writeFixture } from '../../../../fixtures/tables/generate';
import { hashTree, tempDir } from '../library/helpers';

async function library(): Promise<{ dir: string; lib: Library }> {
  const dir = path.join(await tempDir('vitrine-import-'), 'lib');
  const lib = await createLibrary(dir, {
    name: 'Import',
    languages: ['de', 'en'],
    defaultLanguage: 'de',
  });
  await lib.apply({
    type: 'batch',
    commands: [
      {
        type: 'putPartnership',
        partnership: partnership('leeds', { city: { de: 'Leeds', en: 'Leeds' } }),
      },
      {
        type: 'putPartnership',
        partnership: partnership('amiens', { city: { de: 'Amiens', fr: 'Amiens' }, country: 'FR' }),
      },
    ],
  });
  return { dir, lib };
}

/** The library's data as files, without backups and the lock (which every open touches). */
async function dataFiles(dir: string) {
  const all = await hashTree(dir);
  return Object.fromEntries(
    Object.entries(all).filter(([k]) => !k.startsWith('backups') && !k.endsWith('.lock')),
  );
}

async function germanTable(withPhoto = true) {
  const folder = await tempDir('vitrine-table-');
  const file = await writeFixture(folder, 'bestand.csv', encode(GERMAN_EXCEL, 'win1252'));
  if (withPhoto)
    await writeFile(
      path.join(folder, 'foto1.jpg'),
      await createSyntheticJpeg({ width: 320, height: 240, seed: 3 }),
    );
  return { folder, table: await readTable(file) };
}

describe('dry run', () => {
  it('reports every row and writes nothing', async () => {
    const { dir, lib } = await library();
    const { folder, table } = await germanTable();
    const before = await dataFiles(dir);
    const { rows, counts } = await dryRunImport(lib.snapshot(), table, {
      mapping: autoMapping(table.headers),
      mediaDir: folder,
    });
    expect(await dataFiles(dir)).toEqual(before);
    expect(counts).toEqual({ create: 4, update: 0, unchanged: 0, skipped: 1 });
    expect(rows.map((r) => r.action)).toEqual(['create', 'create', 'create', 'create', 'skipped']);
    // The date not understood keeps its text in the report.
    expect(rows[4]!.reasons[0]).toMatchObject({ code: 'date-not-understood', value: 'irgendwann' });
    expect(rows[4]!.line).toBe(6);
    const csv = reportCsv(rows, 'de');
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv).toContain('irgendwann');
    await lib.close();
  });

  it('names each reason for a skipped row', async () => {
    const { lib } = await library();
    const folder = await tempDir('vitrine-table-');
    await mkdir(path.join(folder, 'fotos'));
    await writeFile(path.join(folder, 'outside.jpg'), 'x');
    await symlink(path.join(folder, 'outside.jpg'), path.join(folder, 'fotos', 'link.jpg'));
    const file = await writeFixture(
      folder,
      't.csv',
      [
        'Titel;Partnerstadt;Datei;Signatur',
        ';Leeds;;A',
        'Zwei;Gotham;;B',
        'Drei;;fehlt.jpg;C',
        'Vier;;../outside.jpg;D',
        'Fünf;;link.jpg;E',
        'Sechs;;;E',
        'Sieben;Rostov;/etc/passwd;F',
      ].join('\n'),
    );
    const table = await readTable(file);
    const { rows } = await dryRunImport(lib.snapshot(), table, {
      mapping: autoMapping(table.headers),
      mediaDir: path.join(folder, 'fotos'),
      updateBy: 'Signatur',
    });
    expect(rows.map((r) => r.reasons.map((x) => x.code))).toEqual([
      ['missing-title'],
      ['unknown-partnership'],
      ['file-not-found'],
      ['file-outside'],
      ['file-outside'],
      ['duplicate-key'],
      ['unknown-partnership', 'file-outside'],
    ]);
    for (const r of rows) expect(r.action).toBe('skipped');
    await lib.close();
  });
});

describe('real run', () => {
  it('imports values, languages and media as one undo step', async () => {
    const { dir, lib } = await library();
    const { folder, table } = await germanTable();
    const before = lib.snapshot();
    const progress: ImportProgress[] = [];
    const outcome = await runImport(lib, table, {
      mapping: autoMapping(table.headers),
      mediaDir: folder,
      onProgress: (p) => progress.push(p),
    });
    expect(outcome.counts).toEqual({ create: 4, update: 0, unchanged: 0, skipped: 1 });
    expect(lib.revision).toBe(before.revision + 1);
    expect(progress.some((p) => p.phase === 'media' && p.done === 1)).toBe(true);
    expect(progress.at(-1)).toMatchObject({ phase: 'write', done: 1, total: 1 });
    const items = lib.snapshot().items;
    const first = items.find((i) => i.archiveRef === 'StA 500/1')!;
    expect(first).toMatchObject({
      kind: 'image',
      title: { de: 'Besuch „Leeds“ – Empfang', en: 'Visit “Leeds” – reception' },
      description: { de: 'Kosten 12,5 € für Blumen' },
      date: '1969-05-12',
      creator: 'Grete Müßig',
      rights: { statement: 'CC-BY-4.0' },
      tags: ['Rathaus', 'Empfang'],
      places: ['Dortmund'],
      partnershipIds: ['leeds'],
    });
    expect(first.media[0]).toMatchObject({ originalName: 'foto1.jpg', mime: 'image/jpeg' });
    const byRef = (ref: string) => items.find((i) => i.archiveRef === ref)!;
    expect(byRef('StA 500/2')).toMatchObject({
      date: '1970~',
      rights: { statement: 'InC' },
      partnershipIds: ['amiens'],
    });
    expect(byRef('StA 500/3')).toMatchObject({ date: '197X', rights: { statement: 'CC0-1.0' } });
    expect(byRef('StA 500/4').date).toBe('1974/1980');
    // One undo step: applying the inverse restores every item.
    await lib.apply(outcome.undo!);
    expect(lib.snapshot().items).toEqual(before.items);
    expect(dir).toBeTruthy();
    await lib.close();
  });

  it('updates by a key column: revise keeps, replace clears, equal rows are unchanged', async () => {
    const { lib } = await library();
    const folder = await tempDir('vitrine-table-');
    const first = await writeFixture(
      folder,
      'a.csv',
      'Signatur;Titel;Beschreibung;Urheber\nS-1;Erstes;Alt;Anna\nS-2;Zweites;Bleibt;Bernd\n',
    );
    let table = await readTable(first);
    await runImport(lib, table, { mapping: autoMapping(table.headers), mediaDir: folder });
    const second = await writeFixture(
      folder,
      'b.csv',
      'Signatur;Titel;Beschreibung;Urheber\nS-1;Erstes neu;;\nS-2;Zweites;Bleibt;Bernd\nS-3;Drittes;;\n',
    );
    table = await readTable(second);
    const opts = { mapping: autoMapping(table.headers), mediaDir: folder, updateBy: 'Signatur' };
    const revise = await dryRunImport(lib.snapshot(), table, { ...opts, mode: 'revise' });
    expect(revise.rows.map((r) => r.action)).toEqual(['update', 'unchanged', 'create']);
    const outcome = await runImport(lib, table, { ...opts, mode: 'revise' });
    expect(outcome.counts).toEqual({ create: 1, update: 1, unchanged: 1, skipped: 0 });
    const s1 = () => lib.snapshot().items.find((i) => i.archiveRef === 'S-1')!;
    expect(s1()).toMatchObject({
      title: { de: 'Erstes neu' },
      description: { de: 'Alt' },
      creator: 'Anna',
    });
    const replace = await runImport(lib, table, { ...opts, mode: 'replace' });
    expect(replace.counts).toEqual({ create: 0, update: 1, unchanged: 2, skipped: 0 });
    expect(s1().description).toEqual({});
    expect(s1().creator).toBeUndefined();
    expect(lib.snapshot().items).toHaveLength(3);
    await lib.close();
  });

  it('cancelled during the media step, leaves the library exactly as before', async () => {
    const { dir, lib } = await library();
    const folder = await tempDir('vitrine-table-');
    const lines = ['Titel;Datei'];
    for (let i = 0; i < 6; i++) {
      await writeFile(
        path.join(folder, `f${i}.jpg`),
        await createSyntheticJpeg({ width: 200, height: 150, seed: 10 + i }),
      );
      lines.push(`Foto ${i};f${i}.jpg`);
    }
    const table = await readTable(await writeFixture(folder, 't.csv', lines.join('\n')));
    const before = await dataFiles(dir);
    const revision = lib.revision;
    const controller = new AbortController();
    const error = await runImport(lib, table, {
      mapping: autoMapping(table.headers),
      mediaDir: folder,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'media' && p.done >= 1) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('CANCELLED');
    expect(lib.revision).toBe(revision);
    expect(await dataFiles(dir)).toEqual(before);
    await lib.close();
  });

  it('a media file the importer refuses skips its row, with the importer’s reason', async () => {
    const { lib } = await library();
    const folder = await tempDir('vitrine-table-');
    await writeFile(
      path.join(folder, 'kaputt.jpg'),
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]),
    );
    const table = await readTable(
      await writeFixture(folder, 't.csv', 'Titel;Datei\nKaputt;kaputt.jpg\nGut;\n'),
    );
    const outcome = await runImport(lib, table, {
      mapping: autoMapping(table.headers),
      mediaDir: folder,
    });
    expect(outcome.rows.map((r) => r.action)).toEqual(['skipped', 'create']);
    expect(outcome.rows[0]!.reasons[0]!.code).toBe('media-rejected');
    await lib.close();
  });
});

describe('prepared in the worker, committed by the library’s owner', () => {
  it('refuses an import whose items were edited meanwhile and keeps the edit', async () => {
    const { dir, lib } = await library();
    const { folder, table } = await germanTable();
    const opts = { mapping: autoMapping(table.headers), mediaDir: folder, updateBy: 'Signatur' };
    await runImport(lib, table, opts);
    // The second run would update nothing but the photo row's item … prepared against this state:
    const planned = lib.snapshot();
    const changedTable = {
      ...table,
      rows: table.rows.map((r, i) => (i === 0 ? r.map((c) => c.replace('Empfang', 'Feier')) : r)),
    };
    const prepared = await prepareImport(dir, planned, changedTable, opts);
    expect(prepared.items).toHaveLength(1);
    const target = prepared.items[0]!;
    // … and meanwhile someone edits that item in the app.
    const edited = { ...lib.get('items', target.id)!, creator: 'Jemand anderes' };
    await lib.apply({ type: 'putItem', item: edited });
    const error = await commitImport(lib, planned, prepared).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('IN_USE');
    expect((error as AppError).messages.en).toContain('edited meanwhile');
    expect(lib.get('items', target.id)).toMatchObject({
      creator: 'Jemand anderes',
      title: { de: 'Besuch „Leeds“ – Empfang' },
    });
    // An edit elsewhere (another item) does not stop it.
    const again = await prepareImport(dir, lib.snapshot(), changedTable, opts);
    const other = lib.snapshot().items.find((i) => i.id !== target.id)!;
    const planned2 = lib.snapshot();
    await lib.apply({ type: 'putItem', item: { ...other, creator: 'Noch jemand' } });
    const done = await commitImport(lib, planned2, again);
    expect(done.counts.update).toBe(1);
    expect(lib.get('items', target.id)?.title.de).toBe('Besuch „Leeds“ – Feier');
  });
});
