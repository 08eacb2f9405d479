import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchKiosk } from './kiosk';
import { jsonLine, printTable } from './report';

// `npm run bench -- --only-kiosk`: the kiosk player's figures alone (`--stats-only`: without
// Chromium, the statistics figures alone).
const root = join(fileURLToPath(import.meta.url), '..', '..', '..');
const figures = await benchKiosk({
  outDir: join(root, 'bench', 'out'),
  quick: process.argv.includes('--quick'),
  statsOnly: process.argv.includes('--stats-only'),
  log: (s) => process.stderr.write(s),
});
printTable(figures, (s) => process.stdout.write(s));
for (const f of figures) process.stdout.write(`${jsonLine(f)}\n`);
