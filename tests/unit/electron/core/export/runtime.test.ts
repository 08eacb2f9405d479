import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * The bundle runtime is prebuilt by electron/build.mjs into dist/bundle/ for the CLI and the
 * packaged app, and built from source in development: both must give the same bytes.
 */
const repo = path.resolve(__dirname, '../../../../..');
let out: string;

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'vitrine-runtime-'));
  const built = spawnSync(
    process.execPath,
    ['electron/build.mjs', '--outdir', out, '--only', 'bundle'],
    { cwd: repo, encoding: 'utf8' },
  );
  expect(built.status, built.stderr).toBe(0);
}, 60_000);
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});
afterEach(() => {
  delete globalThis.__VITRINE_PREBUILT__;
  delete process.env.VITRINE_BUNDLE_DIR;
  vi.resetModules();
});

const load = () => import('../../../../../electron/core/export/runtime');

describe('export runtime', () => {
  it('builds the same classic script and stylesheet from source as build.mjs prebuilds', async () => {
    const { runtimeScript, runtimeStylesheet } = await load();
    const script = await runtimeScript();
    expect(script).toBe(await readFile(path.join(out, 'bundle', 'vitrine.js'), 'utf8'));
    expect(script).toMatch(/^("use strict";)?\(\(\)=>\{/);
    expect(script).not.toMatch(/\bimport\s*[{(*]|\bexport\s*[{*]/);
    expect(await runtimeStylesheet()).toBe(
      await readFile(path.join(out, 'bundle', 'vitrine.css'), 'utf8'),
    );
  });

  it('reads the prebuilt files in a bundle, and says how to make them when missing', async () => {
    globalThis.__VITRINE_PREBUILT__ = true;
    process.env.VITRINE_BUNDLE_DIR = path.join(out, 'bundle');
    await writeFile(path.join(out, 'bundle', 'vitrine.css'), '/* prebuilt marker */');
    const { runtimeScript, runtimeStylesheet } = await load();
    expect(await runtimeStylesheet()).toBe('/* prebuilt marker */');
    expect(await runtimeScript()).toBe(
      await readFile(path.join(out, 'bundle', 'vitrine.js'), 'utf8'),
    );
    vi.resetModules();
    process.env.VITRINE_BUNDLE_DIR = path.join(out, 'nowhere');
    const again = await load();
    await expect(again.runtimeScript()).rejects.toThrow(/npm run build/);
    await expect(again.runtimeStylesheet()).rejects.toThrow(/npm run build/);
  });

  it('copies the typeface’s Latin subsets for the built app, the same bytes as the package', async () => {
    const { BUNDLE_FONTS } = await import('../../../../../shared/render/fonts');
    const fromSource = await load();
    const sources = BUNDLE_FONTS.map((f) => fromSource.fontSource(f.file));
    vi.resetModules();
    globalThis.__VITRINE_PREBUILT__ = true;
    process.env.VITRINE_BUNDLE_DIR = path.join(out, 'bundle');
    const prebuilt = await load();
    for (const [i, font] of BUNDLE_FONTS.entries()) {
      const built = await readFile(prebuilt.fontSource(font.file));
      expect(built.subarray(0, 4).toString('latin1'), font.file).toBe('wOF2');
      expect(built.equals(await readFile(sources[i]!)), font.file).toBe(true);
    }
    expect(() => prebuilt.fontSource('missing.woff2')).toThrow(/npm run build/);
  });
});
