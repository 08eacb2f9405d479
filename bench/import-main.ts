import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchImport, benchImportMedia } from './import';
import { jsonLine, printTable, type Figure } from './report';

/**
 * The table-import figures alone (`node bench/run.mjs` runs them with the rest):
 * `node dist/bench/import-main.mjs [--quick] [--media N]` after `npm run bench` built them.
 */
const args = process.argv.slice(2);
const self = fileURLToPath(import.meta.url);
const root = join(self, '..', '..', '..');
const outDir = join(root, 'bench', 'out');
const log = (s: string) => process.stderr.write(s);
const quick = args.includes('--quick');
const figures: Figure[] = await benchImport({
  outDir,
  childEntry: join(self, '..', 'import-child.mjs'),
  quick,
  log,
});
const mediaArg = args.indexOf('--media');
if (mediaArg >= 0 || !quick) {
  const count = mediaArg >= 0 ? Number(args[mediaArg + 1]) : 1_000;
  figures.push(...(await benchImportMedia({ outDir, count, log })));
}
printTable(figures, (s) => process.stdout.write(s));
for (const f of figures) process.stdout.write(`${jsonLine(f)}\n`);
