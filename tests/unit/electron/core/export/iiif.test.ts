import { access, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportExhibition } from '../../../../../electron/core/export';
import { languageMap } from '../../../../../electron/core/export/iiif';
import { IMAGES, sha } from '../../../shared/render/fixture';
import { listFiles } from '../../../../e2e/export/helpers';
import { checkCollection, checkManifest } from './iiif-rules';
import { makeLibrary } from './library-fixture';

const BASE = 'https://example.org/ausstellung';
// The first image is large enough for deep zoom; the others are not.
const images = [{ sha256: sha(1), width: 3000, height: 2000 }, ...IMAGES.slice(1)];
let lib: Awaited<ReturnType<typeof makeLibrary>>;
let out: string;

beforeAll(async () => {
  lib = await makeLibrary({}, images);
  out = `${lib.dir}-bundle`;
  await exportExhibition({
    libraryDir: lib.dir,
    snapshot: lib.snapshot,
    exhibition: '50-jahre-dortmund-leeds',
    mode: 'web',
    outDir: out,
    baseUrl: BASE,
    iiif: true,
  });
});
afterAll(async () => {
  await rm(lib.dir, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

const readJson = async (rel: string) =>
  JSON.parse(await readFile(path.join(out, rel), 'utf8')) as Record<string, unknown>;
const exists = (rel: string) =>
  access(path.join(out, rel)).then(
    () => true,
    () => false,
  );

describe('IIIF in the web bundle', () => {
  it('writes a valid Collection and a valid Manifest per item with an image', async () => {
    const files = await listFiles(out);
    const manifests = files.filter((f) => /^iiif\/[^/]+\/manifest\.json$/.test(f));
    expect(manifests).toContain('iiif/item-1/manifest.json');
    const collection = await readJson('iiif/collection.json');
    expect(checkCollection(collection)).toEqual([]);
    expect((collection.items as unknown[]).length).toBe(manifests.length);
    for (const rel of manifests) {
      const m = await readJson(rel);
      expect(checkManifest(m), rel).toEqual([]);
      expect(m.id).toBe(`${BASE}/${rel}`);
      // The painted image is a file the bundle really contains.
      type Painted = { items: Array<{ items: Array<{ items: Array<{ body: { id: string } }> }> }> };
      const body = (m as unknown as Painted).items[0]!.items[0]!.items[0]!.body;
      // Rights and credit come through where the item has them.
      if (rel.includes('item-1')) {
        expect(m.rights).toBe('https://creativecommons.org/licenses/by/4.0/');
        expect(JSON.stringify(m.requiredStatement)).toContain('Foto: Stadt Dortmund');
        expect(m.label).toMatchObject({ de: ['Foto 1'], en: ['Photo 1'] });
      }
      expect(await exists(body.id.slice(BASE.length + 1))).toBe(true);
      // seeAlso leads to the item's open data, a file in the same bundle.
      const see = (m.seeAlso as Array<{ id: string; format: string }>)[0]!;
      expect(see.id).toBe(
        `${BASE}/${rel.replace(/^iiif\/([^/]+)\/manifest\.json$/, 'data/items/$1.jsonld')}`,
      );
      expect(see.format).toBe('application/ld+json');
      expect(await exists(see.id.slice(BASE.length + 1))).toBe(true);
    }
  });

  it('gives large images a level-0 image service with every tile and listed size on disk', async () => {
    const withService: string[] = [];
    for (const rel of (await listFiles(out)).filter((f) => f.endsWith('/image/info.json')))
      withService.push(rel);
    expect(withService).toHaveLength(1);
    const info = (await readJson(withService[0]!)) as {
      id: string;
      width: number;
      height: number;
      profile: string;
      tiles: Array<{ width: number; scaleFactors: number[] }>;
      sizes: Array<{ width: number; height: number }>;
    };
    expect(info.profile).toBe('level0');
    expect(info.id).toMatch(/^https:\/\/example\.org\/ausstellung\/iiif\/.+\/image$/);
    expect(await exists(withService[0]!.replace('image/info.json', 'vips-properties.xml'))).toBe(
      false,
    );
    const dir = withService[0]!.replace('/info.json', '');
    // Every tile a level-0 viewer computes from info.json (Image API 3 tile algorithm).
    let missing = 0;
    let tiles = 0;
    for (const { width: tw, scaleFactors } of info.tiles)
      for (const s of scaleFactors) {
        const step = tw * s;
        for (let y = 0; y < info.height; y += step)
          for (let x = 0; x < info.width; x += step) {
            const w = Math.min(step, info.width - x);
            const h = Math.min(step, info.height - y);
            const rel = `${dir}/${x},${y},${w},${h}/${Math.ceil(w / s)},${Math.ceil(h / s)}/0/default.jpg`;
            const full = x === 0 && y === 0 && w === info.width && h === info.height;
            const alt = `${dir}/full/${Math.ceil(w / s)},${Math.ceil(h / s)}/0/default.jpg`;
            tiles += 1;
            if (!(await exists(rel)) && !(full && (await exists(alt)))) missing += 1;
          }
      }
    expect(tiles).toBeGreaterThan(20);
    expect(missing).toBe(0);
    expect(info.sizes.length).toBeGreaterThan(0);
    for (const s of info.sizes)
      expect(await exists(`${dir}/full/${s.width},${s.height}/0/default.jpg`)).toBe(true);
  });

  it('offers deep zoom where an image service exists: info inline, tiles page-relative, viewer beside', async () => {
    const files = await listFiles(out);
    expect(files).toContain('assets/openseadragon.min.js');
    const buttons: Array<{ page: string; info: { id: string; width: number }; tiles: string }> = [];
    for (const page of files.filter((f) => /^de\/.*\.html$/.test(f))) {
      const html = await readFile(path.join(out, page), 'utf8');
      for (const m of html.matchAll(/<button [^>]*data-zoom="([^"]*)" data-zoom-tiles="([^"]*)"/g))
        buttons.push({
          page,
          info: JSON.parse(m[1]!.replaceAll('&quot;', '"')) as { id: string; width: number },
          tiles: m[2]!,
        });
    }
    expect(buttons.length).toBeGreaterThan(0);
    for (const b of buttons) {
      // The inline info is the bundle's info.json, and the tiles sit where the page says.
      const dir = path.posix.join(path.posix.dirname(b.page), b.tiles);
      expect(b.info).toEqual(await readJson(`${dir}/info.json`));
      expect(b.info.id).toBe(`${BASE}/${dir}`);
    }
  });

  it('refuses IIIF without a base URL, and writes only valid language keys', async () => {
    await expect(
      exportExhibition({
        libraryDir: lib.dir,
        snapshot: lib.snapshot,
        exhibition: '50-jahre-dortmund-leeds',
        mode: 'web',
        outDir: `${out}-nobase`,
        iiif: true,
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(languageMap({ de: 'A', 'x y': 'B', en: ' ' }, ['de', 'x y', 'en'])).toEqual({
      de: ['A'],
    });
  });
});
