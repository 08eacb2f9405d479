import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { exportTable, neutralise, readTable, runImport } from '../../../../../electron/core/import';
import { createLibrary, type Library } from '../../../../../electron/core/library';
import { createMediaImporter, createSyntheticJpeg } from '../../../../../electron/core/media';
import type { Item } from '../../../../../shared/domain';
import { autoMapping } from '../../../../../shared/import/auto-mapping';
import { exhibition, item, partnership } from '../../../../fixtures/snapshot';
import { tempDir } from '../library/helpers';

const PARTNERS = [
  partnership('leeds', { city: { de: 'Leeds', en: 'Leeds' } }),
  partnership('novi-sad', { city: { de: 'Novi Sad', sr: 'Нови Сад' }, country: 'RS' }),
];

async function newLibrary(name: string): Promise<Library> {
  const dir = path.join(await tempDir('vitrine-export-table-'), name);
  const lib = await createLibrary(dir, { name, languages: ['de', 'en'], defaultLanguage: 'de' });
  await lib.apply({
    type: 'batch',
    commands: PARTNERS.map((p) => ({ type: 'putPartnership' as const, partnership: p })),
  });
  return lib;
}

async function filledLibrary(): Promise<Library> {
  const lib = await newLibrary('source');
  const photo = path.join(await tempDir('vitrine-photo-'), 'Empfang 1969.jpg');
  await writeFile(photo, await createSyntheticJpeg({ width: 300, height: 200, seed: 7 }));
  const imported = await createMediaImporter({ libraryDir: lib.dir }).importFile(photo);
  if (imported.status !== 'imported') throw new Error('fixture photo not imported');
  const items: Item[] = [
    item('empfang', {
      media: [imported.asset],
      title: { de: 'Empfang; im Rathaus', en: 'Reception, "town hall"' },
      description: { de: 'Zeile 1\nZeile 2 mit „Zitat“ und €', en: 'Line 1' },
      date: '1969-05-12',
      creator: 'Grete Müßig',
      source: 'Stadtarchiv',
      archiveRef: '0042',
      rights: {
        statement: 'InC',
        holder: 'Stadt Dortmund',
        creditLine: { de: 'Foto: Stadt', en: 'Photo: City' },
      },
      altText: { de: 'Menschen im Saal', en: 'People in a hall' },
      tags: ['Empfang', 'Rathaus'],
      places: ['Dortmund'],
      partnershipIds: ['leeds', 'novi-sad'],
    }),
    item('formel', {
      kind: 'text',
      title: { de: '=HYPERLINK("http://example.invalid")' },
      description: { de: '-2+3' },
      altText: {},
      rights: undefined,
      tags: ['@tag', '+plus'],
      date: '197X',
    }),
    item('um-1970', {
      kind: 'document',
      title: { de: 'Plakat' },
      date: '1970~',
      altText: {},
      rights: { statement: 'CC0-1.0', creditLine: {} },
    }),
  ];
  await lib.apply({
    type: 'batch',
    commands: items.map((i) => ({ type: 'putItem' as const, item: i })),
  });
  await lib.apply({
    type: 'putExhibition',
    exhibition: exhibition('ausstellung', {
      chapters: [
        {
          id: 'k1',
          title: { de: 'Eins' },
          blocks: [{ id: 'b1', type: 'item', itemId: 'um-1970' }],
        },
      ],
    }),
  });
  return lib;
}

const stripStamps = (items: Item[]) =>
  (JSON.parse(JSON.stringify(items)) as Item[])
    .map(({ createdAt: _c, updatedAt: _u, ...rest }) => rest)
    .sort((a, b) => a.id.localeCompare(b.id));

describe('table export', () => {
  it('neutralises formula cells (OWASP) and nothing else', () => {
    for (const c of ['=1+1', '+1', '-1+1', '@SUM(A1)', '\tx', '\rx'])
      expect(neutralise(c)).toBe(`'${c}`);
    expect(neutralise('Text = 1')).toBe('Text = 1');
  });

  it('writes CSV with BOM, CollectionBuilder headers, one column per language, and a ; option', async () => {
    const lib = await filledLibrary();
    const csv = exportTable(lib.snapshot(), { format: 'csv', delimiter: ';' }).toString('utf8');
    expect(csv.startsWith('\ufeffobjectid;title;title_en;description;description_en;date;')).toBe(
      true,
    );
    expect(csv).toContain(`"'=HYPERLINK(""http://example.invalid"")"`);
    expect(csv).toContain(';"Empfang; im Rathaus";');
    const comma = exportTable(lib.snapshot(), { format: 'csv' }).toString('utf8');
    expect(comma.split('\r\n')[0]).toContain('objectid,title,title_en');
    await lib.close();
  });

  it('limits the export to an exhibition’s items', async () => {
    const lib = await filledLibrary();
    const csv = exportTable(lib.snapshot(), { format: 'csv', exhibition: 'ausstellung' }).toString(
      'utf8',
    );
    expect(csv.trim().split('\r\n')).toHaveLength(2);
    expect(csv).toContain('um-1970');
    await lib.close();
  });

  it('writes .xlsx with every cell as text, formulas neutralised', async () => {
    const lib = await filledLibrary();
    const book = XLSX.read(exportTable(lib.snapshot(), { format: 'xlsx' }), { type: 'buffer' });
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 });
    expect(rows[0]!.slice(0, 3)).toEqual(['objectid', 'title', 'title_en']);
    const formula = rows.find((r) => r[0] === 'formel')!;
    expect(formula[1]).toBe(`'=HYPERLINK("http://example.invalid")`);
    expect(Object.values(sheet).some((c) => (c as XLSX.CellObject)?.f)).toBe(false);
    expect(rows.find((r) => r[0] === 'empfang')![rows[0]!.indexOf('identifier')]).toBe('0042');
    await lib.close();
  });

  it.each(['csv', 'xlsx'] as const)(
    'round trip via %s: export → import into a new library → the same items',
    async (format) => {
      const source = await filledLibrary();
      const folder = await tempDir('vitrine-roundtrip-');
      const file = path.join(folder, `items.${format}`);
      await writeFile(file, exportTable(source.snapshot(), { format, delimiter: ';' }));
      const target = await newLibrary('target');
      const table = await readTable(file);
      // The export names media by their place in the library, so the source library is the folder.
      const outcome = await runImport(target, table, {
        mapping: autoMapping(table.headers),
        mediaDir: source.dir,
      });
      expect(outcome.counts).toEqual({ create: 3, update: 0, unchanged: 0, skipped: 0 });
      expect(stripStamps(target.snapshot().items)).toEqual(stripStamps(source.snapshot().items));
      await source.close();
      await target.close();
    },
  );
});
