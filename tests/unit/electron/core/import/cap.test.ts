import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../../electron/core/cli';
import { readTable, runImport } from '../../../../../electron/core/import';
import { createLibrary, readLibrarySnapshot } from '../../../../../electron/core/library';
import { MAX_BATCH_COMMANDS } from '../../../../../shared/domain/commands';
import { autoMapping } from '../../../../../shared/import/auto-mapping';
import { cliContext } from '../cli/commands/harness';
import { hashTree, tempDir } from '../library/helpers';

/** A metadata-only table of `rows` rows (title and date), as a German Excel would save it. */
async function table(dir: string, rows: number): Promise<string> {
  const lines = ['Titel;Datum'];
  for (let i = 1; i <= rows; i++) lines.push(`Objekt ${i};12.05.1969`);
  const file = path.join(dir, `t${rows}.csv`);
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}

/** The library's data as files, without backups and the lock (which every open touches). */
async function dataFiles(dir: string) {
  const all = await hashTree(dir);
  return Object.fromEntries(
    Object.entries(all).filter(([k]) => !k.startsWith('backups') && !k.endsWith('.lock')),
  );
}

describe('one import at most the store’s batch cap', () => {
  it('takes exactly the cap as one undo step, and refuses cap + 1 before anything is written', async () => {
    const root = await tempDir('vitrine-import-cap-');
    const dir = path.join(root, 'lib');
    const lib = await createLibrary(dir, {
      name: 'Cap',
      languages: ['de', 'en'],
      defaultLanguage: 'de',
    });
    try {
      // The cap: all rows in one batch the store accepts, one undo step takes them all out.
      const atCap = await readTable(await table(root, MAX_BATCH_COMMANDS));
      expect(atCap.rows).toHaveLength(MAX_BATCH_COMMANDS);
      const outcome = await runImport(lib, atCap, { mapping: autoMapping(atCap.headers) });
      expect(outcome.counts.create).toBe(MAX_BATCH_COMMANDS);
      expect(lib.snapshot().items).toHaveLength(MAX_BATCH_COMMANDS);
      await lib.apply(outcome.undo!);
      expect(lib.snapshot().items).toHaveLength(0);
    } finally {
      await lib.close();
    }

    // Cap + 1: refused in both languages, naming the cap as each language writes numbers
    // (10.000 in German, 10,000 in English), with the library untouched.
    expect(MAX_BATCH_COMMANDS).toBe(10_000);
    const over = await table(root, MAX_BATCH_COMMANDS + 1);
    const before = await dataFiles(dir);
    for (const lang of ['de', 'en'] as const) {
      const run = cliContext(lang);
      expect(await runCli(['import', dir, '--table', over], run.ctx)).toBe(2);
      expect(run.err()).toContain(
        lang === 'de'
          ? 't10001.csv hat 10.001 Zeilen; ein Import übernimmt höchstens 10.000 (ein Rückgängig-Schritt)'
          : 't10001.csv has 10,001 rows; one import takes at most 10,000 (one undo step)',
      );
      expect(run.err()).not.toContain('10000');
    }
    expect(await dataFiles(dir)).toEqual(before);
    expect((await readLibrarySnapshot(dir)).items).toHaveLength(0);
  }, 180_000);
});
