import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import recipe from './runtime-build.json' with { type: 'json' };

declare global {
  /**
   * Set to `true` by electron/build.mjs in the CLI and main bundles: they read the bundle runtime
   * prebuilt in dist/bundle/. Undefined when running from source (tests, development), where the
   * runtime is built from renderer/bundle/ on first use so an edit there shows at once.
   */
  var __VITRINE_PREBUILT__: boolean | undefined;
}

export const RUNTIME_SCRIPT = 'vitrine.js';
export const RUNTIME_STYLESHEET = 'vitrine.css';

function here(): string {
  return path.dirname(fileURLToPath(import.meta.url));
}

/** The repository root, found by walking up from this module (source runs only). */
function sourceRoot(): string {
  let dir = here();
  for (let i = 0; i < 8; i++) {
    if (existsSync(path.join(dir, recipe.entry))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`${recipe.entry} not found`);
}

/**
 * Where the prebuilt runtime lives: next to the bundle that runs (dist/cli/ and dist/electron/
 * both sit beside dist/bundle/, also inside the packaged app's asar). VITRINE_BUNDLE_DIR
 * overrides it.
 */
export function prebuiltDir(): string {
  return process.env.VITRINE_BUNDLE_DIR ?? path.join(here(), '..', 'bundle');
}

function missingPrebuilt(file: string): Error {
  return new Error(`${file} is missing: run \`npm run build\` (electron/build.mjs) first`);
}

let script: Promise<string> | null = null;

/**
 * The bundle's runtime script, a classic IIFE script (module scripts do not run from file://).
 * Prebuilt and source builds use the same esbuild options (runtime-build.json), and esbuild's
 * output is deterministic, so both give the same bytes for the same source.
 */
export function runtimeScript(): Promise<string> {
  script ??= (async () => {
    // The condition is replaced by a constant in the bundles, so esbuild (a dev dependency)
    // is dropped from them together with this branch.
    if (!globalThis.__VITRINE_PREBUILT__) {
      const esbuild = await import('esbuild');
      const result = await esbuild.build({
        ...(recipe.esbuild as Record<string, unknown>),
        entryPoints: [path.join(sourceRoot(), recipe.entry)],
        write: false,
      });
      return result.outputFiles[0]!.text;
    }
    const file = path.join(prebuiltDir(), RUNTIME_SCRIPT);
    if (!existsSync(file)) throw missingPrebuilt(file);
    return readFile(file, 'utf8');
  })();
  script.catch(() => (script = null));
  return script;
}

export function runtimeStylesheet(): Promise<string> {
  if (globalThis.__VITRINE_PREBUILT__) {
    const file = path.join(prebuiltDir(), RUNTIME_STYLESHEET);
    if (!existsSync(file)) return Promise.reject(missingPrebuilt(file));
    return readFile(file, 'utf8');
  }
  return readFile(path.join(sourceRoot(), recipe.stylesheet), 'utf8');
}

/** OpenSeadragon's file name in dist/bundle/ and in exported bundles' `assets/`. */
export const ZOOM_VIEWER = 'openseadragon.min.js';

/**
 * OpenSeadragon (BSD-3-Clause, its licence header kept), the deep-zoom viewer of items with a
 * IIIF image service. It is not part of the runtime: the runtime adds it to the page only when a
 * visitor asks for zoom, so the page budget holds for everything loaded before that click.
 */
export function zoomViewerScript(): Promise<string> {
  if (globalThis.__VITRINE_PREBUILT__) {
    const file = path.join(prebuiltDir(), ZOOM_VIEWER);
    if (!existsSync(file)) return Promise.reject(missingPrebuilt(file));
    return readFile(file, 'utf8');
  }
  return readFile(
    path.join(sourceRoot(), 'node_modules/openseadragon/build/openseadragon', ZOOM_VIEWER),
    'utf8',
  );
}

/**
 * Where a bundled font file (shared/render/fonts.ts) is read from: dist/bundle/fonts/ in the
 * built app, the pinned @fontsource package when running from source.
 */
export function fontSource(file: string): string {
  if (globalThis.__VITRINE_PREBUILT__) {
    const source = path.join(prebuiltDir(), 'fonts', file);
    if (!existsSync(source)) throw missingPrebuilt(source);
    return source;
  }
  return path.join(sourceRoot(), FONT_PACKAGE_FILES, file);
}

/** The font package's folder of WOFF2 files, relative to the repository (and electron/build.mjs). */
export const FONT_PACKAGE_FILES = 'node_modules/@fontsource-variable/source-serif-4/files';
