import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../../../electron/core/cli';
import { createLibrary, readLibrarySnapshot } from '../../../../../../electron/core/library';
import { MAPPINGS_FILE } from '../../../../../../electron/core/import';
import { createSyntheticJpeg } from '../../../../../../electron/core/media';
import { partnership } from '../../../../../fixtures/snapshot';
import { encode, GERMAN_EXCEL, writeFixture } from '../../../../../fixtures/tables/generate';
import { cliContext, tempDirs } from './harness';

const tempDir = tempDirs('vitrine-cli-import-');

async function setup() {
  const root = await tempDir();
  const dir = path.join(root, 'lib');
  const lib = await createLibrary(dir, {
    name: 'CLI',
    languages: ['de', 'en'],
    defaultLanguage: 'de',
  });
  await lib.apply({
    type: 'batch',
    commands: [
      { type: 'putPartnership', partnership: partnership('leeds') },
      { type: 'putPartnership', partnership: partnership('amiens', { country: 'FR' }) },
    ],
  });
  await lib.close();
  const table = await writeFixture(root, 'bestand.csv', encode(GERMAN_EXCEL, 'win1252'));
  await writeFile(
    path.join(root, 'foto1.jpg'),
    await createSyntheticJpeg({ width: 160, height: 120 }),
  );
  return { root, dir, table };
}

describe('vitrine import', () => {
  it('--dry-run writes nothing, prints what it detected, writes the CSV report, exits 1 for skipped rows', async () => {
    const { root, dir, table } = await setup();
    const report = path.join(root, 'bericht.csv');
    const { ctx, out, err } = cliContext('de');
    const code = await runCli(
      ['import', dir, '--table', table, '--dry-run', '--report', report],
      ctx,
    );
    expect(code).toBe(1);
    expect(err()).toContain('windows-1252');
    expect(err()).toContain('Titel (Englisch) → title [en]');
    expect(out()).toContain(
      'Probelauf (nichts geschrieben): 4 neu, 0 geändert, 0 unverändert, 1 übersprungen',
    );
    expect(out()).toContain('„irgendwann“');
    expect((await readLibrarySnapshot(dir)).items).toHaveLength(0);
    const csv = await readFile(report, 'utf8');
    expect(csv.startsWith('\ufeff"Zeile"')).toBe(true);
    expect(csv).toContain('"übersprungen"');
  });

  it('imports for real, saves the mapping by name, and reuses it with --json', async () => {
    const { root, dir, table } = await setup();
    const { ctx, out } = cliContext('en');
    expect(
      await runCli(['import', dir, '--table', table, '--save-mapping', 'Altbestand'], ctx),
    ).toBe(1);
    expect(out()).toContain('Import: 4 create, 0 update, 0 unchanged, 1 skipped');
    const items = (await readLibrarySnapshot(dir)).items;
    expect(items).toHaveLength(4);
    expect(items.find((i) => i.archiveRef === 'StA 500/1')!.media).toHaveLength(1);
    const saved = JSON.parse(await readFile(path.join(dir, MAPPINGS_FILE), 'utf8'));
    expect(saved.mappings[0].name).toBe('Altbestand');

    // The same table again, updating by the archive reference: nothing changes, exit 1 for the bad date.
    const json = cliContext('en');
    const code = await runCli(
      [
        'import',
        dir,
        '--table',
        table,
        '--mapping',
        'Altbestand',
        '--update-by',
        'Signatur',
        '--json',
      ],
      json.ctx,
    );
    expect(code).toBe(1);
    const result = JSON.parse(json.out());
    expect(result.counts).toEqual({ create: 0, update: 0, unchanged: 4, skipped: 1 });
    expect(result.rows[4].reasons[0]).toMatchObject({
      code: 'date-not-understood',
      value: 'irgendwann',
    });
    expect(root).toBeTruthy();
  });

  it('exits 0 when every row goes in', async () => {
    const { root, dir } = await setup();
    const table = await writeFixture(root, 'ok.csv', 'Title,Date\nA,1970\nB,um 1980\n');
    const { ctx } = cliContext('en');
    expect(await runCli(['import', dir, '--table', table], ctx)).toBe(0);
    expect((await readLibrarySnapshot(dir)).items.map((i) => i.date).sort()).toEqual([
      '1970',
      '1980~',
    ]);
  });

  it('writes counts as each language does: 1.200 in German, 1,200 in English', async () => {
    const { root, dir } = await setup();
    const rows = Array.from({ length: 1_200 }, (_, i) => `Objekt ${i};1970`).join('\n');
    const table = await writeFixture(root, 'viele.csv', `Titel;Datum\n${rows}\n`);
    const de = cliContext('de');
    expect(await runCli(['import', dir, '--table', table, '--dry-run'], de.ctx)).toBe(0);
    expect(de.err()).toContain('1.200 Zeilen');
    expect(de.out()).toContain('1.200 neu, 0 geändert');
    const en = cliContext('en');
    expect(await runCli(['import', dir, '--table', table, '--dry-run'], en.ctx)).toBe(0);
    expect(en.err()).toContain('1,200 rows');
    expect(en.out()).toContain('1,200 create, 0 update');
  });

  it('exits 2 with a clear message when nothing can be read, and writes nothing', async () => {
    const { root, dir } = await setup();
    const binary = await writeFixture(
      root,
      'foto.csv',
      await createSyntheticJpeg({ width: 32, height: 32 }),
    );
    const de = cliContext('de');
    expect(await runCli(['import', dir, '--table', binary], de.ctx)).toBe(2);
    expect(de.err()).toContain('keine lesbare Tabelle');
    const en = cliContext('en');
    expect(await runCli(['import', dir, '--table', path.join(root, 'missing.csv')], en.ctx)).toBe(
      2,
    );
    expect(en.err()).toContain('cannot be read');
    const noLib = cliContext('en');
    expect(await runCli(['import', path.join(root, 'nolib'), '--table', binary], noLib.ctx)).toBe(
      2,
    );
    expect((await readLibrarySnapshot(dir)).items).toHaveLength(0);
  });
});

describe('vitrine export-table', () => {
  it('writes CSV with ; and xlsx, and exits 2 for an unknown exhibition', async () => {
    const { root, dir } = await setup();
    await runCli(
      ['import', dir, '--table', await writeFixture(root, 'ok.csv', 'Title;Subject\n=A;x\nB;y\n')],
      cliContext().ctx,
    );
    const csv = path.join(root, 'out.csv');
    expect(
      await runCli(['export-table', dir, '--delimiter', ';', '--out', csv], cliContext().ctx),
    ).toBe(0);
    const text = await readFile(csv, 'utf8');
    expect(text.startsWith('\ufeffobjectid;title;title_en')).toBe(true);
    expect(text).toContain(";'=A;");
    const xlsx = path.join(root, 'out.xlsx');
    expect(await runCli(['export-table', dir, '--out', xlsx], cliContext().ctx)).toBe(0);
    const book = XLSX.read(await readFile(xlsx), { type: 'buffer' });
    expect(
      XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1 }),
    ).toHaveLength(3);
    const bad = cliContext('en');
    expect(await runCli(['export-table', dir, '--exhibition', 'nope', '--out', csv], bad.ctx)).toBe(
      2,
    );
    expect(bad.err()).toContain('There is no exhibition “nope”');
  });
});
