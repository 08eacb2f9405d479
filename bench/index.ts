import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCheck, benchEdit, benchMemory, benchOpen, syntheticLibrary } from './library';
import { jsonLine, printTable, type Figure } from './report';

/**
 * `npm run bench [-- --quick]`: builds synthetic libraries through the real store and measures
 * the figures the issues set. Prints a table for people and one JSON line per figure.
 */
const args = process.argv.slice(2);
const self = fileURLToPath(import.meta.url);
const root = join(self, '..', '..', '..');

const quick = args.includes('--quick');
const sizes = quick ? [1_000, 10_000] : [1_000, 10_000, 50_000];
const outDir = join(root, 'bench', 'out');
const cli = join(root, 'electron', 'bin', 'vitrine.mjs');
const log = (s: string) => process.stderr.write(s);

log(
  `Vitrine benchmarks${quick ? ' (quick)' : ''} — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`,
);
// `--only-desktop`: just the desktop piece (issue 9), at the end of this file.
const onlyDesktop = args.includes('--only-desktop');
// `npm run bench -- --only publish` runs just the publishing figures (issue 15).
if (args.includes('--only') && args[args.indexOf('--only') + 1] === 'publish') {
  const { benchPublish } = await import('./publish');
  const publishFigures = await benchPublish({ outDir, log });
  printTable(publishFigures, (s) => process.stdout.write(s));
  for (const f of publishFigures) process.stdout.write(`${jsonLine(f)}\n`);
  process.exit(0);
}
// `npm run bench -- --only soak` runs just the 100,000-request soak of the web host (issue 12).
if (args.includes('--only') && args[args.indexOf('--only') + 1] === 'soak') {
  const { benchSoak } = await import('./soak');
  const soakFigures = await benchSoak({ root, log });
  printTable(soakFigures, (s) => process.stdout.write(s));
  for (const f of soakFigures) process.stdout.write(`${jsonLine(f)}\n`);
  process.exit(0);
}
// `npm run bench -- --only query [--quick]`: the main-process query API (issue 10 §2).
if (args.includes('--only') && args[args.indexOf('--only') + 1] === 'query') {
  const { benchQuery } = await import('./query');
  const queryFigures = await benchQuery({ outDir, quick, log });
  printTable(queryFigures, (s) => process.stdout.write(s));
  for (const f of queryFigures) process.stdout.write(`${jsonLine(f)}\n`);
  process.exit(0);
}
// `npm run bench -- --only store [--quick]` runs just the store's figures (issue 10).
if (args.includes('--only') && args[args.indexOf('--only') + 1] === 'store') {
  const { benchStore } = await import('./store');
  const { loadavg } = await import('node:os');
  log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
  const storeFigures = await benchStore({
    outDir,
    cli,
    memoryChild: join(self, '..', 'memory-child.mjs'),
    quick,
    log,
  });
  log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
  printTable(storeFigures, (s) => process.stdout.write(s));
  for (const f of storeFigures) process.stdout.write(`${jsonLine(f)}\n`);
  process.exit(0);
}
// `npm run bench -- --only ui [--quick]`: the library in Chromium through the web host, at
// 10,000 items with --quick and 50,000 without (issue 10 §3).
// `npm run bench -- --only export [--quick]`: the export piece alone (issues 13 and 15):
// timings, page weights and the four Lighthouse runs; `--quick` skips the 200-photo export.
// Both print the load average before and after.
const onlyPiece = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
if (onlyPiece === 'ui' || onlyPiece === 'export') {
  const { loadavg } = await import('node:os');
  const load = () =>
    log(
      `load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}\n`,
    );
  load();
  const pieceFigures =
    onlyPiece === 'ui'
      ? await (await import('./ui')).benchUi({ root, outDir, quick, log })
      : await (await import('./export')).benchExport({ root, outDir, quick, log });
  load();
  printTable(pieceFigures, (s) => process.stdout.write(s));
  for (const f of pieceFigures) process.stdout.write(`${jsonLine(f)}\n`);
  process.exit(0);
}
const figures: Figure[] = [];
for (const size of onlyDesktop ? [] : sizes) {
  log(`library of ${size} items\n`);
  const dir = await syntheticLibrary(outDir, size, log);
  figures.push(await benchOpen(dir, size, quick ? 5 : 9));
  figures.push(await benchEdit(dir, size, quick ? 30 : 60));
  figures.push(await benchMemory(join(self, '..', 'memory-child.mjs'), dir, size));
  figures.push(await benchCheck(cli, dir, size, quick ? 3 : 5));
}

printTable(figures, (s) => process.stdout.write(s));
for (const f of figures) process.stdout.write(`${jsonLine(f)}\n`);

// The store's figures of issue 10 (10,000 items in --quick, 50,000 in the full run).
if (!onlyDesktop) {
  const { benchStore } = await import('./store');
  const storeFigures = await benchStore({
    outDir,
    cli,
    memoryChild: join(self, '..', 'memory-child.mjs'),
    quick,
    log,
  });
  printTable(storeFigures, (s) => process.stdout.write(s));
  for (const f of storeFigures) process.stdout.write(`${jsonLine(f)}\n`);
}

// Static export (issue 6): sample exhibition cold/unchanged, page weights, Lighthouse, and (not
// in --quick) 200 photos of 12 MP against raw sharp.
if (!onlyDesktop) {
  const { benchExport } = await import('./export');
  const exportFigures = await benchExport({ root, outDir, quick, log });
  printTable(exportFigures, (s) => process.stdout.write(s));
  for (const f of exportFigures) process.stdout.write(`${jsonLine(f)}\n`);
}

// Curation workspace in Chromium through the web host (issue 4); `--no-ui` skips it.
if (!args.includes('--no-ui') && !onlyDesktop) {
  const { benchUi } = await import('./ui');
  const uiFigures = await benchUi({ root, outDir, quick, log });
  printTable(uiFigures, (s) => process.stdout.write(s));
  for (const f of uiFigures) process.stdout.write(`${jsonLine(f)}\n`);
}

// Exhibition editor in Chromium through the web host (issue 5): keystroke to updated preview of
// a 30-block chapter; `--no-ui` skips it with the other browser benchmarks.
if (!args.includes('--no-ui') && !onlyDesktop) {
  const { benchEditor } = await import('./editor');
  const editorFigures = await benchEditor({ quick, log });
  printTable(editorFigures, (s) => process.stdout.write(s));
  for (const f of editorFigures) process.stdout.write(`${jsonLine(f)}\n`);
}

// Backups stay bounded (issue 12): a month of daily edits on a copy of the largest library.
if (!onlyDesktop) {
  const { benchBackupsMonth } = await import('./backups');
  const size = sizes[sizes.length - 1]!;
  const source = await syntheticLibrary(outDir, size, log);
  const backupFigures = await benchBackupsMonth(source, outDir, size, log);
  printTable(backupFigures, (s) => process.stdout.write(s));
  for (const f of backupFigures) process.stdout.write(`${jsonLine(f)}\n`);
}

// Desktop app (issue 9): API latency of the web host while a photo export runs in its worker
// process, and the Linux desktop build's WebAssembly image backend against native sharp.
if (!args.includes('--no-desktop')) {
  const { benchDesktop } = await import('./desktop');
  const desktopFigures = await benchDesktop({ root, outDir, quick, log });
  printTable(desktopFigures, (s) => process.stdout.write(s));
  for (const f of desktopFigures) process.stdout.write(`${jsonLine(f)}\n`);
  // The pieces below are not gated one by one: `--only-desktop` ends here.
  if (onlyDesktop) process.exit(0);
}

// Table import (issue 11): 10,000 rows into 10,000 items (dry run, import, peak memory), and
// (not in --quick) 1,000 rows naming 1,000 JPEGs against the same files without a table.
{
  const { benchImport, benchImportMedia } = await import('./import');
  const importFigures = await benchImport({
    outDir,
    childEntry: join(self, '..', 'import-child.mjs'),
    quick,
    log,
  });
  if (!quick) importFigures.push(...(await benchImportMedia({ outDir, count: 1_000, log })));
  printTable(importFigures, (s) => process.stdout.write(s));
  for (const f of importFigures) process.stdout.write(`${jsonLine(f)}\n`);
}

// One-step publishing against a local sshd (issue 15).
{
  const { benchPublish } = await import('./publish');
  const publishFigures = await benchPublish({ outDir, log });
  printTable(publishFigures, (s) => process.stdout.write(s));
  for (const f of publishFigures) process.stdout.write(`${jsonLine(f)}\n`);
}

// Kiosk player (issue 14): statistics write and report, player start and recovery in Chromium.
if (!args.includes('--no-ui')) {
  const { benchKiosk } = await import('./kiosk');
  const kioskFigures = await benchKiosk({ outDir, quick, log });
  printTable(kioskFigures, (s) => process.stdout.write(s));
  for (const f of kioskFigures)
    process.stdout.write(`${jsonLine(f)}
`);
}

// Soak of the web host (issue 12): 100,000 requests after a warm-up, memory and descriptors.
{
  const { benchSoak } = await import('./soak');
  const soakFigures = await benchSoak({ root, log });
  printTable(soakFigures, (s) => process.stdout.write(s));
  for (const f of soakFigures) process.stdout.write(`${jsonLine(f)}\n`);
}
