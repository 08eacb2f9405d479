import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../../electron/core/cli';
import { folderTable, runImport } from '../../../../../electron/core/import';
import { createLibrary, readLibrarySnapshot } from '../../../../../electron/core/library';
import { createSyntheticJpeg } from '../../../../../electron/core/media';
import { autoMapping } from '../../../../../shared/import/auto-mapping';
import { cliContext } from '../cli/commands/harness';
import { tempDir } from '../library/helpers';

async function photoFolder(): Promise<string> {
  const root = await tempDir('vitrine-folder-');
  const folder = path.join(root, 'Scans');
  await mkdir(path.join(folder, 'Leeds', '1969'), { recursive: true });
  await mkdir(path.join(folder, 'Amiens'), { recursive: true });
  const jpeg = (seed: number) => createSyntheticJpeg({ width: 120, height: 90, seed });
  await writeFile(path.join(folder, 'Leeds', '1969', 'empfang.jpg'), await jpeg(1));
  await writeFile(
    path.join(folder, 'Leeds', '1969', 'empfang.json'),
    JSON.stringify({ Titel: 'Empfang im Rathaus', Datum: '12.05.1969', Schlagworte: ['Empfang'] }),
  );
  await writeFile(path.join(folder, 'Amiens', 'fest.jpg'), await jpeg(2));
  await writeFile(
    path.join(folder, 'Amiens', 'fest.xmp'),
    `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/"><rdf:Description><dc:title><rdf:Alt><rdf:li xml:lang="x-default">Fest &amp; Feier</rdf:li></rdf:Alt></dc:title><dc:creator><rdf:Seq><rdf:li>Jürgen Bär</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>`,
  );
  await writeFile(path.join(folder, 'ohne.jpg'), await jpeg(3));
  await writeFile(path.join(folder, 'notiz.txt'), 'nicht importieren');
  // A link out of the folder is not followed.
  await writeFile(path.join(root, 'draussen.jpg'), await jpeg(4));
  await symlink(path.join(root, 'draussen.jpg'), path.join(folder, 'link.jpg'));
  return folder;
}

describe('folder import without a table', () => {
  it('sub-folders become tags, .json and .xmp sidecars fill fields, links out are not followed', async () => {
    const folder = await photoFolder();
    const table = await folderTable(folder);
    expect(table.rows.map((r) => r[0])).toEqual([
      'Amiens/fest.jpg',
      'Leeds/1969/empfang.jpg',
      'ohne.jpg',
    ]);
    const dir = path.join(await tempDir('vitrine-folder-lib-'), 'lib');
    const lib = await createLibrary(dir, { name: 'F', languages: ['de'], defaultLanguage: 'de' });
    const outcome = await runImport(lib, table, { mapping: autoMapping(table.headers) });
    expect(outcome.counts).toEqual({ create: 3, update: 0, unchanged: 0, skipped: 0 });
    const items = lib.snapshot().items;
    const byTitle = (t: string) => items.find((i) => i.title.de === t)!;
    expect(byTitle('Empfang im Rathaus')).toMatchObject({
      kind: 'image',
      date: '1969-05-12',
      tags: ['Leeds', '1969', 'Empfang'],
    });
    expect(byTitle('Fest & Feier')).toMatchObject({ creator: 'Jürgen Bär', tags: ['Amiens'] });
    expect(byTitle('ohne')).toMatchObject({ tags: [] });
    expect(byTitle('ohne').media[0]!.originalName).toBe('ohne.jpg');
    await lib.close();
  });

  it('vitrine import --folder, and refusing --table with --folder', async () => {
    const folder = await photoFolder();
    const dir = path.join(await tempDir('vitrine-folder-lib-'), 'lib');
    await (
      await createLibrary(dir, { name: 'F', languages: ['de'], defaultLanguage: 'de' })
    ).close();
    const { ctx, out } = cliContext('en');
    expect(await runCli(['import', dir, '--folder', folder], ctx)).toBe(0);
    expect(out()).toContain('3 create');
    expect((await readLibrarySnapshot(dir)).items).toHaveLength(3);
    const both = cliContext('en');
    expect(await runCli(['import', dir, '--folder', folder, '--table', 'x.csv'], both.ctx)).toBe(2);
    expect(both.err()).toContain('either --table FILE or --folder DIR');
  });
});
