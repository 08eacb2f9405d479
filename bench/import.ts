import { execFile } from 'node:child_process';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { dryRunImport, folderTable, readTable, runImport } from '../electron/core/import';
import { openLibrary } from '../electron/core/library';
import { createMediaImporter, createSyntheticJpeg } from '../electron/core/media';
import { autoMapping } from '../shared/import/auto-mapping';
import { median, type Figure } from './report';
import { syntheticLibrary } from './library';
import { syntheticPartnerships } from './synthetic';

const run = promisify(execFile);

/** A German Excel export of `rows` rows: cp1252, `;`, German dates, partner cities by name. */
export function germanCsv(rows: number): Buffer {
  const cities = syntheticPartnerships().map((p) => p.city.de!);
  const lines = [
    'Signatur;Titel;Titel (Englisch);Beschreibung;Datum;Fotograf;Schlagworte;Ort;Partnerstadt;Rechte',
  ];
  for (let n = 0; n < rows; n++)
    lines.push(
      [
        `BENCH ${n}`,
        `Empfang „${n}“ – Rathaus`,
        `Reception ${n}`,
        `"Besuch der Delegation; Grüße, Geschenke und Gespräche (${n})"`,
        `${String((n % 28) + 1).padStart(2, '0')}.${String((n % 12) + 1).padStart(2, '0')}.${1960 + (n % 60)}`,
        'Grete Müßig',
        '"Empfang; Rathaus"',
        'Dortmund',
        cities[n % cities.length],
        'CC BY 4.0',
      ].join(';'),
    );
  return iconv.encode(lines.join('\r\n'), 'win1252');
}

/**
 * In a child process (so the figure is the import's, not the harness's): dry run and real
 * import of a 10,000-row table into a copy of the 10,000-item library; prints the two times and
 * the peak resident memory (maxRSS) as JSON.
 */
export async function childImport(libraryDir: string, tableFile: string): Promise<void> {
  const library = await openLibrary(libraryDir);
  // The reference on the same machine in the same run: reading and parsing alone, no import.
  const r0 = performance.now();
  await readTable(tableFile);
  const referenceMs = performance.now() - r0;
  const t0 = performance.now();
  const table = await readTable(tableFile);
  const mapping = autoMapping(table.headers);
  const dry = await dryRunImport(library.snapshot(), table, { mapping, mediaDir: libraryDir });
  const t1 = performance.now();
  const real = await runImport(library, table, { mapping, mediaDir: libraryDir });
  const t2 = performance.now();
  await library.close();
  if (dry.counts.create !== table.rows.length || real.counts.create !== table.rows.length)
    throw new Error(`unexpected counts ${JSON.stringify(real.counts)}`);
  process.stdout.write(
    `${JSON.stringify({ referenceMs, dryMs: t1 - t0, importMs: t2 - t1, maxRssKb: process.resourceUsage().maxRSS })}\n`,
  );
}

export async function benchImport(options: {
  outDir: string;
  childEntry: string;
  quick: boolean;
  log: (s: string) => void;
}): Promise<Figure[]> {
  const { outDir, childEntry, quick, log } = options;
  const base = await syntheticLibrary(outDir, 10_000, log);
  const work = join(outDir, 'import');
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const tableFile = join(work, 'bestand.csv');
  await writeFile(tableFile, germanCsv(10_000));
  const reps = quick ? 1 : 3;
  const results: { referenceMs: number; dryMs: number; importMs: number; maxRssKb: number }[] = [];
  for (let r = 0; r < reps; r++) {
    log(`  table import 10,000 rows into 10,000 items, run ${r + 1}/${reps}\n`);
    const lib = join(work, `lib-${r}`);
    await cp(base, lib, { recursive: true });
    const { stdout } = await run(process.execPath, [childEntry, lib, tableFile], {
      maxBuffer: 1 << 20,
    });
    results.push(JSON.parse(stdout.trim().split('\n').pop()!));
    await rm(lib, { recursive: true, force: true });
  }
  const figures: Figure[] = [
    {
      name: 'import.table.dryRun.10000',
      value: median(results.map((r) => r.dryMs)) / 1000,
      unit: 's',
      target: 3,
      better: 'lower',
    },
    {
      name: 'import.table.run.10000',
      value: median(results.map((r) => r.importMs)) / 1000,
      unit: 's',
      target: 10,
      better: 'lower',
    },
    // Ratios to reading and parsing the same table in the same child: less sensitive to how
    // loaded the machine is than the absolute times (the dry run includes its own read).
    {
      name: 'import.table.readParse.10000',
      value: median(results.map((r) => r.referenceMs)) / 1000,
      unit: 's',
      better: 'lower',
    },
    {
      name: 'import.table.dryRunPerReadParse.10000',
      value: median(results.map((r) => r.dryMs / r.referenceMs)),
      unit: '×',
      better: 'lower',
    },
    {
      name: 'import.table.runPerReadParse.10000',
      value: median(results.map((r) => r.importMs / r.referenceMs)),
      unit: '×',
      better: 'lower',
    },
    {
      name: 'import.table.peakRss.10000',
      value: Math.max(...results.map((r) => r.maxRssKb)) / 1024,
      unit: 'MB',
      target: 300,
      better: 'lower',
    },
  ];
  return figures;
}

/**
 * The table must add almost nothing to a media import: `count` rows naming `count` JPEGs of
 * 3 MP, against importing the same files without a table. Two references in the same run: the
 * media importer alone (copy, hash, header, thumbnail — what a plain "import files" does before
 * it writes the items; the stricter reference, since it writes no items) and the folder import
 * (the same files through the table pipeline with a table made from the folder). The target is
 * the ratio to the media importer alone. All three times are given, so load can be judged.
 */
export async function benchImportMedia(options: {
  outDir: string;
  count: number;
  log: (s: string) => void;
}): Promise<Figure[]> {
  const { outDir, count, log } = options;
  const photos = join(outDir, `import-photos-${count}`);
  await mkdir(photos, { recursive: true });
  log(`  generating ${count} JPEGs of 3 MP …\n`);
  const lines = ['Titel;Datum;Schlagworte;Datei'];
  const files: string[] = [];
  for (let n = 0; n < count; n++) {
    const name = `foto-${n}.jpg`;
    await writeFile(
      join(photos, name),
      await createSyntheticJpeg({ width: 2000, height: 1500, seed: n + 1 }),
    );
    files.push(join(photos, name));
    lines.push(`Foto ${n};12.05.1969;"Empfang; Rathaus";${name}`);
  }
  const tableFile = join(outDir, `import-photos-${count}.csv`);
  await writeFile(tableFile, lines.join('\n'));
  const { createLibrary } = await import('../electron/core/library');
  const time = async (how: 'importer' | 'folder' | 'table'): Promise<number> => {
    const dir = join(outDir, `import-media-lib-${how}`);
    await rm(dir, { recursive: true, force: true });
    const library = await createLibrary(dir, {
      name: 'B',
      languages: ['de'],
      defaultLanguage: 'de',
    });
    log(`  importing ${count} JPEGs (${how}) …\n`);
    const start = performance.now();
    if (how === 'importer') {
      const entries = await createMediaImporter({ libraryDir: dir }).importFiles(files);
      if (entries.some((e) => e.result.status !== 'imported')) throw new Error('media rejected');
    } else {
      const table = how === 'table' ? await readTable(tableFile) : await folderTable(photos);
      const outcome = await runImport(library, table, {
        mapping: autoMapping(table.headers),
        mediaDir: photos,
      });
      if (outcome.counts.create !== count)
        throw new Error(`unexpected counts ${JSON.stringify(outcome.counts)}`);
    }
    const ms = performance.now() - start;
    await library.close();
    await rm(dir, { recursive: true, force: true });
    return ms;
  };
  const importer = await time('importer');
  const withTable = await time('table');
  const folder = await time('folder');
  return [
    {
      name: `import.table.mediaRatio.${count}`,
      value: withTable / importer,
      unit: '×',
      target: 1.5,
      better: 'lower',
    },
    {
      name: `import.table.mediaWithTable.${count}`,
      value: withTable / 1000,
      unit: 's',
      better: 'lower',
    },
    {
      name: `import.table.mediaImporterAlone.${count}`,
      value: importer / 1000,
      unit: 's',
      better: 'lower',
    },
    {
      name: `import.table.mediaFolderImport.${count}`,
      value: folder / 1000,
      unit: 's',
      better: 'lower',
    },
    {
      name: `import.table.mediaRatioToFolder.${count}`,
      value: withTable / folder,
      unit: '×',
      better: 'lower',
    },
  ];
}
