import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  exportExhibition,
  safeJoin,
  type ExportProgress,
} from '../../../../../electron/core/export';
import { hashTree, listFiles } from '../../../../e2e/export/helpers';
import { makeLibrary } from './library-fixture';

const SLUG = '50-jahre-dortmund-leeds';
let lib: Awaited<ReturnType<typeof makeLibrary>>;

beforeAll(async () => {
  lib = await makeLibrary();
});
afterAll(async () => {
  await rm(lib.dir, { recursive: true, force: true });
});

const out = (name: string) =>
  path.join(path.dirname(lib.dir), `${path.basename(lib.dir)}-out-${name}`);
const run = (name: string, extra: Partial<Parameters<typeof exportExhibition>[0]> = {}) =>
  exportExhibition({
    libraryDir: lib.dir,
    snapshot: lib.snapshot,
    exhibition: SLUG,
    mode: 'web',
    outDir: out(name),
    ...extra,
  });

describe('exportExhibition', () => {
  it('writes pages, derivatives, originals, runtime and search index, reporting progress', async () => {
    const phases = new Set<string>();
    const result = await run('full', {
      baseUrl: 'https://example.org/x/',
      onProgress: (p: ExportProgress) => phases.add(p.phase),
    });
    const files = await listFiles(out('full'));
    expect(files).toContain('index.html');
    expect(files).toContain('404.html');
    expect(files).toContain('sitemap.xml');
    expect(files).toContain('de/01-die-anfaenge.html');
    expect(files).toContain('ar/credits.html');
    expect(files).toContain('assets/search-en.js');
    expect(files).toContain('files/urkunde-0a0a0a0a0a.pdf');
    expect(files.filter((f) => f.startsWith('media/')).length).toBe(
      result.derivatives.made + result.derivatives.reused,
    );
    expect([...phases]).toEqual(['prepare', 'images', 'files', 'pages', 'commit', 'done']);
    const script = await readFile(path.join(out('full'), 'assets/vitrine.js'), 'utf8');
    expect(script).not.toMatch(/\bimport\s*[{(*]|\bexport\s*[{*]/);
    const index = await readFile(path.join(out('full'), 'assets/search-de.js'), 'utf8');
    expect(
      index.startsWith(
        'window["VITRINE_SEARCH"]=window["VITRINE_SEARCH"]||{};window["VITRINE_SEARCH"]["de"]={',
      ),
    ).toBe(true);
  });

  it('applies EXIF orientation, strips metadata and never upscales', async () => {
    const media = path.join(out('full'), 'media');
    // Image 1 is 1300×800 with orientation 6: displayed 800×1300.
    const rotated = await sharp(path.join(media, '01010101010101010101-800.jpg')).metadata();
    expect([rotated.width, rotated.height]).toEqual([800, 1300]);
    expect(rotated.exif).toBeUndefined();
    expect(rotated.orientation ?? 1).toBe(1);
    const bytes = await readFile(path.join(media, '01010101010101010101-800.jpg'));
    expect(bytes.includes(Buffer.from('secret-exif-marker'))).toBe(false);
    for (const fmt of ['avif', 'webp'])
      expect(
        (await sharp(path.join(media, `01010101010101010101-480.${fmt}`)).metadata()).exif,
      ).toBeUndefined();
    const small = (await listFiles(media)).filter((f) => f.startsWith('04040404040404040404-'));
    expect(small).toEqual([
      '04040404040404040404-300.avif',
      '04040404040404040404-300.jpg',
      '04040404040404040404-300.webp',
    ]);
  });

  it('reuses cached derivatives and gives a byte-identical tree, also with a cold cache', async () => {
    const again = await run('again', { baseUrl: 'https://example.org/x/' });
    expect(again.derivatives.made).toBe(0);
    expect(await hashTree(out('again'))).toEqual(await hashTree(out('full')));
    await rm(path.join(lib.dir, 'cache'), { recursive: true });
    const cold = await run('cold', { baseUrl: 'https://example.org/x/' });
    expect(cold.derivatives.reused).toBe(0);
    expect(await hashTree(out('cold'))).toEqual(await hashTree(out('full')));
  });

  it('refuses a non-empty target without force and replaces it with force', async () => {
    await mkdir(out('busy'), { recursive: true });
    await writeFile(path.join(out('busy'), 'old.txt'), 'old');
    await expect(run('busy')).rejects.toMatchObject({ code: 'EXPORT_TARGET_NOT_EMPTY' });
    expect(await listFiles(out('busy'))).toEqual(['old.txt']);
    await run('busy', { force: true });
    const files = await listFiles(out('busy'));
    expect(files).not.toContain('old.txt');
    expect(files).toContain('index.html');
  });

  it('exports into an empty existing folder without force', async () => {
    await mkdir(out('empty'), { recursive: true });
    await run('empty', { mode: 'kiosk' });
    expect(await listFiles(out('empty'))).toContain('de/index.html');
  });

  it('leaves the target as it was when cancelled, and leaves no temporary folder', async () => {
    await mkdir(out('cancel'), { recursive: true });
    await writeFile(path.join(out('cancel'), 'keep.txt'), 'keep');
    await rm(path.join(lib.dir, 'cache'), { recursive: true, force: true });
    const controller = new AbortController();
    await expect(
      run('cancel', {
        force: true,
        signal: controller.signal,
        onProgress: (p) => p.phase === 'images' && p.done === 1 && controller.abort(),
      }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await listFiles(out('cancel'))).toEqual(['keep.txt']);
    const siblings = await listFiles(path.dirname(lib.dir)).catch(() => []);
    expect(siblings.filter((f) => f.includes(`${path.basename(out('cancel'))}.vitrine-`))).toEqual(
      [],
    );
  });

  it('writes a deterministic zip with --zip', async () => {
    const a = await run('zip-a', { zip: true, mode: 'kiosk' });
    const b = await run('zip-b', { zip: true, mode: 'kiosk' });
    expect(a.outPath.endsWith('.zip')).toBe(true);
    const [za, zb] = [await readFile(a.outPath), await readFile(b.outPath)];
    expect(za.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect(za.equals(zb)).toBe(true);
    await expect(run('zip-a', { zip: true, mode: 'kiosk' })).rejects.toMatchObject({
      code: 'EXPORT_TARGET_NOT_EMPTY',
    });
  });

  it('rejects bad input before touching anything', async () => {
    await expect(run('bad', { mode: 'preview' as never })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(run('bad', { languages: ['fr'] })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(run('bad', { baseUrl: 'javascript:alert(1)' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(run('bad', { exhibition: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // A target that contains the library would be replaced with it: refused.
    await expect(run('bad', { outDir: path.dirname(lib.dir), force: true })).rejects.toMatchObject({
      code: 'PATH_REJECTED',
    });
    await expect(listFiles(out('bad'))).rejects.toThrow();
  });

  it('exports only the requested languages', async () => {
    const result = await run('lang', { languages: ['en', 'de'] });
    expect(result.languages).toEqual(['de', 'en']);
    expect((await listFiles(out('lang'))).some((f) => f.startsWith('ar/'))).toBe(false);
  });
});

describe('safeJoin', () => {
  it('keeps every written path inside the bundle', () => {
    expect(safeJoin('/tmp/b', 'de/index.html')).toBe('/tmp/b/de/index.html');
    for (const bad of [
      '../x',
      'de/../../x',
      '/etc/passwd',
      'a//b',
      '.hidden',
      'a/./b',
      'a\\b',
      'C:x',
      '',
    ])
      expect(() => safeJoin('/tmp/b', bad), bad).toThrow(/Path rejected/);
  });
});
