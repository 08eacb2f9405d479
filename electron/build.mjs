#!/usr/bin/env node
// Bundles the Node side with esbuild: the CLI (ESM, dependencies left to node_modules), Electron's
// main process and the preload (CommonJS, `electron` external). `npm install` runs this through
// `prepare`, so a fresh clone has a working `npx vitrine`. The renderer is built by Vite separately.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const requireFromRoot = createRequire(join(root, 'package.json'));

/**
 * Bundles JSON data from packages (the world-atlas outlines) into the CLI although its packages
 * stay external: Node 20 would import a JSON module only with an experimental warning.
 */
const bundlePackageJson = {
  name: 'bundle-package-json',
  setup(b) {
    b.onResolve({ filter: /^[^./].*\.json$/ }, (args) => ({
      path: requireFromRoot.resolve(args.path),
    }));
  },
};

/**
 * Main and the worker load the export's page checker (export/verify-pages.ts, with jsdom) from a
 * bundle of its own beside them, only when an export asks for it, so the desktop package can leave
 * it and jsdom out (electron-builder.yml).
 */
const verifierBeside = {
  name: 'verifier-beside',
  setup(b) {
    b.onResolve({ filter: /\/verify-pages$/ }, () => ({ path: './verify.cjs', external: true }));
  },
};

/** The three bundles; `outDir` defaults to dist/ (tests build into a scratch folder instead). */
export function targets(outDir = join(root, 'dist')) {
  return [
    {
      name: 'cli',
      entryPoints: [join(root, 'electron/core/cli/main.ts')],
      outfile: join(outDir, 'cli/main.mjs'),
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      plugins: [bundlePackageJson],
      // The export reads the bundle runtime prebuilt in dist/bundle/ (see export/runtime.ts).
      define: { 'globalThis.__VITRINE_PREBUILT__': 'true' },
      // The CLI runs with top-level await and import.meta; a banner gives bundled CJS deps `require`.
      banner: {
        js: "import { createRequire as __vitrineCreateRequire } from 'node:module'; const require = __vitrineCreateRequire(import.meta.url);",
      },
    },
    {
      name: 'main',
      entryPoints: [join(root, 'electron/main/main.ts')],
      outfile: join(outDir, 'electron/main.cjs'),
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      // Everything is bundled (several dependencies are ESM-only, and main is CommonJS) except
      // electron, the runtime itself, and sharp, whose native parts are unpacked from the asar.
      // ssh2 (publishing) is bundled without its optional native crypto addon: it requires the
      // `.node` file inside try/catch and falls back to Node's own crypto, so the require stays
      // external and simply finds nothing.
      external: ['electron', 'sharp', '*.node'],
      plugins: [verifierBeside],
      define: {
        'import.meta.url': '__vitrineImportMetaUrl',
        'globalThis.__VITRINE_PREBUILT__': 'true',
      },
      banner: {
        js: "const __vitrineImportMetaUrl = require('node:url').pathToFileURL(__filename).href;",
      },
    },
    {
      // The worker process (heavy work off the window's and the web host's event loop): run by
      // Electron's utilityProcess and by Node's child_process.fork alike, so it is CommonJS and
      // bundled like main, with sharp (loaded lazily, only here) left to node_modules.
      name: 'worker',
      entryPoints: [join(root, 'electron/core/worker/entry.ts')],
      outfile: join(outDir, 'electron/worker.cjs'),
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      external: ['sharp'],
      plugins: [verifierBeside],
      define: {
        'import.meta.url': '__vitrineImportMetaUrl',
        'globalThis.__VITRINE_PREBUILT__': 'true',
      },
      banner: {
        js: "const __vitrineImportMetaUrl = require('node:url').pathToFileURL(__filename).href;",
      },
    },
    {
      // The export's page checker (see verifierBeside). jsdom stays external: it reads files
      // beside its own sources.
      name: 'verify',
      entryPoints: [join(root, 'electron/core/export/verify-pages.ts')],
      outfile: join(outDir, 'electron/verify.cjs'),
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      external: ['jsdom'],
      define: { 'import.meta.url': '__vitrineImportMetaUrl' },
      banner: {
        js: "const __vitrineImportMetaUrl = require('node:url').pathToFileURL(__filename).href;",
      },
    },
    {
      // The Electron kiosk player (issue 14): the same options as main.
      name: 'kiosk-main',
      entryPoints: [join(root, 'electron/main/kiosk-main.ts')],
      outfile: join(outDir, 'electron/kiosk-main.cjs'),
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      external: ['electron', 'sharp'],
      plugins: [verifierBeside],
      define: {
        'import.meta.url': '__vitrineImportMetaUrl',
        'globalThis.__VITRINE_PREBUILT__': 'true',
      },
      banner: {
        js: "const __vitrineImportMetaUrl = require('node:url').pathToFileURL(__filename).href;",
      },
    },
    {
      name: 'preload',
      entryPoints: [join(root, 'electron/preload/preload.ts')],
      outfile: join(outDir, 'electron/preload.cjs'),
      format: 'cjs',
      // A sandboxed preload can require only `electron` (and a few polyfilled modules): everything
      // else, zod included, is bundled into this one file.
      platform: 'browser',
      target: 'chrome120',
      external: ['electron'],
      mainFields: ['module', 'main'],
    },
  ];
}

/**
 * The small runtime shipped inside exported bundles (search, lightbox, kiosk): a classic script
 * and its stylesheet, prebuilt into dist/bundle/ so neither the CLI nor the packaged app needs
 * esbuild at export time. Same options as the source build in export/runtime.ts.
 */
async function buildExportRuntime(outDir) {
  const recipe = JSON.parse(
    await readFile(join(root, 'electron/core/export/runtime-build.json'), 'utf8'),
  );
  const dir = join(outDir, 'bundle');
  await mkdir(dir, { recursive: true });
  await build({
    ...recipe.esbuild,
    entryPoints: [join(root, recipe.entry)],
    outfile: join(dir, 'vitrine.js'),
    write: true,
  });
  await copyFile(join(root, recipe.stylesheet), join(dir, 'vitrine.css'));
  // The deep-zoom viewer (issue 15), copied as published; bundles load it only on request.
  await copyFile(
    join(root, 'node_modules/openseadragon/build/openseadragon/openseadragon.min.js'),
    join(dir, 'openseadragon.min.js'),
  );
  // The bundled typeface's Latin subsets (shared/render/fonts.ts), read by export/runtime.ts.
  await mkdir(join(dir, 'fonts'), { recursive: true });
  for (const file of [
    'source-serif-4-latin-wght-normal.woff2',
    'source-serif-4-latin-ext-wght-normal.woff2',
  ])
    await copyFile(
      join(root, 'node_modules/@fontsource-variable/source-serif-4/files', file),
      join(dir, 'fonts', file),
    );
  return join(dir, 'vitrine.js');
}

export async function buildAll({ outDir, only } = {}) {
  const results = [];
  if (!only || only.includes('bundle')) {
    try {
      results.push({
        name: 'bundle',
        outfile: await buildExportRuntime(outDir ?? join(root, 'dist')),
      });
    } catch (error) {
      results.push({ name: 'bundle', error });
    }
  }
  for (const t of targets(outDir)) {
    if (only && !only.includes(t.name)) continue;
    if (!existsSync(t.entryPoints[0])) {
      results.push({ name: t.name, skipped: `missing ${t.entryPoints[0]}` });
      continue;
    }
    const { name, ...options } = t;
    try {
      await build({
        ...options,
        bundle: true,
        sourcemap: 'linked',
        logLevel: 'warning',
        legalComments: 'none',
        define: { 'process.env.NODE_ENV': '"production"', ...options.define },
        tsconfig: join(root, 'tsconfig.json'),
      });
      results.push({ name, outfile: t.outfile });
    } catch (error) {
      // Keep going so one broken entry does not hide the state of the others.
      results.push({ name, error });
    }
  }
  return results;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outIndex = process.argv.indexOf('--outdir');
  const outDir = outIndex > 0 ? resolve(process.argv[outIndex + 1]) : undefined;
  const onlyIndex = process.argv.indexOf('--only');
  const only = onlyIndex > 0 ? process.argv[onlyIndex + 1].split(',') : undefined;
  const results = await buildAll({ outDir, only });
  for (const r of results) {
    if (r.skipped) console.warn(`build: skipped ${r.name} (${r.skipped})`);
    if (r.error) {
      console.error(`build: ${r.name} failed`);
      process.exitCode = 1;
    }
  }
}
