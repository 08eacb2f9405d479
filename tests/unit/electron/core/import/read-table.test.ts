import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../../../../../electron/core/import';
import { createSyntheticJpeg } from '../../../../../electron/core/media';
import { AppError } from '../../../../../shared/errors';
import {
  COLLECTIONBUILDER,
  encode,
  GERMAN_EXCEL,
  HOSTILE,
  UTF16_TEXT,
  UTF8_BOM_QUOTED,
  workbook,
  writeFixture,
} from '../../../../fixtures/tables/generate';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vitrine-read-table-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function refusal(file: string): Promise<AppError> {
  const error = await readTable(file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const app = error as AppError;
  // Every refusal speaks both languages, and says something different in each.
  expect(app.messages.de.length).toBeGreaterThan(20);
  expect(app.messages.en.length).toBeGreaterThan(20);
  expect(app.messages.de).not.toBe(app.messages.en);
  return app;
}

describe('reading tables', () => {
  it('reads German Excel CSV: cp1252, semicolons, decimal commas, quoted list', async () => {
    const file = await writeFixture(dir, 'bestand.csv', encode(GERMAN_EXCEL, 'win1252'));
    const table = await readTable(file);
    expect(table).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';' });
    expect(table.headers).toHaveLength(12);
    expect(table.rows[0]).toEqual([
      'Besuch „Leeds“ – Empfang',
      'Visit “Leeds” – reception',
      'Kosten 12,5 € für Blumen',
      '12.05.1969',
      'Grete Müßig',
      '12,5',
      'CC BY 4.0',
      'Rathaus; Empfang',
      'Dortmund',
      'Leeds',
      'StA 500/1',
      'foto1.jpg',
    ]);
    expect(table.rows[1]![2]).toBe('Ärger über Öl und Übermut… ganz ohne Grund');
    expect(table.lines).toEqual([2, 3, 4, 5, 6]);
  });

  it('reads UTF-8 with BOM with quoted commas and newlines', async () => {
    const file = await writeFixture(dir, 'utf8.csv', encode(UTF8_BOM_QUOTED, 'utf8'));
    const table = await readTable(file);
    expect(table).toMatchObject({ encoding: 'utf-8-bom', delimiter: ',' });
    expect(table.headers).toEqual(['Title', 'Description', 'Date', 'Subject']);
    expect(table.rows).toEqual([
      ['Letter, from Leeds', 'First line\nsecond line, with comma', '1969-05-12', 'letters;Leeds'],
      ['Poster', 'He said "hello"', 'May 1970', 'posters'],
    ]);
    expect(table.lines).toEqual([3, 4]);
  });

  it('reads Excel Unicode text (UTF-16 LE, tabs) and honours an encoding override', async () => {
    const file = await writeFixture(dir, 'unicode.txt', encode(UTF16_TEXT, 'utf16le-bom'));
    const table = await readTable(file);
    expect(table).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(table.rows[1]).toEqual(['Αθήνα – Ελληνικά', '1990', 'Athen']);
    const latin = await writeFixture(
      dir,
      'latin.csv',
      encode('Titel;Ort\nGrüße;Köln\n', 'win1252'),
    );
    const forced = await readTable(latin, { encoding: 'utf-8', delimiter: ',' });
    expect(forced.encoding).toBe('utf-8');
    expect(forced.delimiter).toBe(',');
    expect(forced.headers).toEqual(['Titel;Ort']);
  });

  it('reads the CollectionBuilder template', async () => {
    const file = await writeFixture(dir, 'cb.csv', COLLECTIONBUILDER);
    const table = await readTable(file);
    expect(table.headers[0]).toBe('objectid');
    expect(table.rows[0]![16]).toBe('foto1.jpg');
  });

  it.each(['xlsx', 'ods'] as const)(
    'reads a .%s workbook with dates and leading zeros',
    async (kind) => {
      const file = await writeFixture(dir, `bestand.${kind}`, workbook(kind));
      const table = await readTable(file);
      expect(table.format).toBe(kind);
      expect(table.sheets).toEqual(['Bestand']);
      expect(table.headers).toEqual(['Titel', 'Datum', 'Beschreibung', 'Lizenz', 'Nummer']);
      expect(table.rows[0]).toEqual([
        'Brief aus Novi Sad',
        '1982-05-12',
        'Grüße – „herzlich“ €',
        'CC BY-NC 4.0',
        '007',
      ]);
      expect(table.rows[1]![4]).toBe('42');
    },
  );

  it('keeps hostile cells as plain text', async () => {
    const file = await writeFixture(dir, 'hostile.csv', HOSTILE);
    const table = await readTable(file);
    expect(table.rows[0]![0]).toBe('=HYPERLINK("http://example.invalid","klick")');
  });
});

describe('bad input is refused with a clear message, nothing read half', () => {
  it('an empty file, and one with only a header', async () => {
    expect((await refusal(await writeFixture(dir, 'empty.csv', ''))).code).toBe('FILE_EMPTY');
    expect((await refusal(await writeFixture(dir, 'blank.csv', '\n\n  \n'))).code).toBe(
      'FILE_EMPTY',
    );
    expect((await refusal(await writeFixture(dir, 'header.csv', 'Titel;Datum\n'))).code).toBe(
      'FILE_EMPTY',
    );
  });

  it('a binary file renamed .csv', async () => {
    const jpeg = await createSyntheticJpeg({ width: 64, height: 48 });
    const error = await refusal(await writeFixture(dir, 'foto.csv', jpeg));
    expect(error.code).toBe('FILE_UNREADABLE');
    expect(error.messages.de).toContain('foto.csv ist keine lesbare Tabelle');
    expect(error.messages.en).toContain('foto.csv is not a readable table');
  });

  it('a 200 MB table, refused by its size before anything is read', async () => {
    const file = path.join(dir, 'huge.csv');
    // A sparse file: 200 MB by size, nothing written to disk.
    const handle = await open(file, 'w');
    await handle.truncate(200_000_000);
    await handle.close();
    const error = await refusal(file);
    expect(error.code).toBe('FILE_TOO_LARGE');
    expect(error.messages.de).toContain('huge.csv ist 200 MB groß; eingelesen werden Tabellen bis');
    expect(error.messages.en).toContain('huge.csv is 200 MB; tables up to');
  });

  it('100,000 columns', async () => {
    const header = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(';');
    const error = await refusal(await writeFixture(dir, 'wide.csv', `${header}\n1;2\n`));
    expect(error.code).toBe('FILE_TOO_LARGE');
    // Counts as each language writes them: 100.000 in German, 100,000 in English.
    expect(error.messages.de).toContain(
      'wide.csv hat 100.000 Spalten; eingelesen werden höchstens',
    );
    expect(error.messages.en).toContain('wide.csv has 100,000 columns; at most');
  });

  it('a row of 10 MB', async () => {
    const big = 'x'.repeat(10_000_000);
    const error = await refusal(await writeFixture(dir, 'longrow.csv', `Titel;Text\nA;${big}\n`));
    expect(error.code).toBe('FILE_TOO_LARGE');
    expect(error.messages.de).toMatch(
      /^longrow\.csv \(Zeile \d+\): eine Zeile ist größer als \d+ MB/,
    );
    expect(error.messages.en).toMatch(/^longrow\.csv \(line \d+\): a row is larger than \d+ MB/);
  });

  it('an unclosed quote', async () => {
    const error = await refusal(await writeFixture(dir, 'quote.csv', 'Titel;Text\n"A;B\nC;D'));
    expect(error.code).toBe('FILE_UNREADABLE');
  });

  it('a workbook that would unpack beyond the limit (zip bomb) is refused before unpacking', async () => {
    const file = await writeFixture(dir, 'bomb.xlsx', workbook('xlsx'));
    const error = await readTable(file, { limits: { unpackedBytes: 1000 } }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('FILE_TOO_LARGE');
  });

  it('a broken zip named .xlsx', async () => {
    const error = await refusal(
      await writeFixture(
        dir,
        'broken.xlsx',
        Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 7)]),
      ),
    );
    expect(error.code).toBe('FILE_UNREADABLE');
  });

  it('a missing file', async () => {
    expect((await refusal(path.join(dir, 'nope.csv'))).code).toBe('FILE_UNREADABLE');
  });

  it('more rows than one import takes', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `T${i};1`).join('\n');
    const file = await writeFixture(dir, 'many.csv', `Titel;X\n${rows}\n`);
    const error = await readTable(file, { limits: { rows: 10 } }).catch((e) => e);
    expect((error as AppError).code).toBe('FILE_TOO_LARGE');
    await writeFile(file, `Titel;X\n${rows}\n`);
    expect((await readTable(file)).rows).toHaveLength(30);
  });
});
