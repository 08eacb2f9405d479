#!/usr/bin/env node
// Bundles the TypeScript benchmarks with esbuild (as the CLI is built) and runs them.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bench');
const outfile = join(outdir, 'index.mjs');
const requireFromRoot = createRequire(join(root, 'package.json'));
await build({
  entryPoints: [
    join(root, 'bench', 'index.ts'),
    join(root, 'bench', 'memory-child.ts'),
    join(root, 'bench', 'import-child.ts'),
    join(root, 'bench', 'import-main.ts'),
    join(root, 'bench', 'kiosk-main.ts'),
    join(root, 'bench', 'kiosk-report-child.ts'),
  ],
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  // As in the CLI bundle (electron/build.mjs): JSON data from packages is bundled, and the export
  // reads the bundle runtime that build.mjs prebuilt into dist/bundle/.
  plugins: [
    {
      name: 'bundle-package-json',
      setup(b) {
        b.onResolve({ filter: /^[^./].*\.json$/ }, (args) => ({
          path: requireFromRoot.resolve(args.path),
        }));
      },
    },
  ],
  define: { 'globalThis.__VITRINE_PREBUILT__': 'true' },
  logLevel: 'warning',
});
// `--only-kiosk` runs the kiosk player's figures alone (issue 14).
const entry = process.argv.includes('--only-kiosk') ? join(outdir, 'kiosk-main.mjs') : outfile;
const child = spawn(process.execPath, [entry, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
