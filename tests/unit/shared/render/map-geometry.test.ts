import { build } from 'esbuild';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMapGeometry } from '../../../../shared/render/map-geometry';
import { HOME_PLACE, type MapPlace } from '../../../../shared/render/model';

const place = (name: string, lat: number, lon: number): MapPlace => ({
  id: name.toLowerCase(),
  name: { text: name, lang: 'de' },
  country: 'XX',
  lat,
  lon,
  since: '',
});
const LEEDS = place('Leeds', 53.8, -1.55);
const TRABZON = place('Trabzon', 41.0, 39.72);

describe('createMapGeometry', () => {
  it('projects the outlines and the places into the 800×500 frame', () => {
    const g = createMapGeometry()([LEEDS, TRABZON], HOME_PLACE);
    expect(g.width).toBe(800);
    expect(g.height).toBe(500);
    expect(g.outline).toMatch(/^M[\d.-]+,[\d.-]+/);
    for (const p of [...g.points, g.home!]) {
      expect(p.x).toBeGreaterThanOrEqual(20);
      expect(p.x).toBeLessThanOrEqual(780);
      expect(p.y).toBeGreaterThanOrEqual(20);
      expect(p.y).toBeLessThanOrEqual(480);
    }
    // West to east: Leeds, Dortmund, Trabzon; north to south: Leeds, Dortmund, Trabzon.
    expect(g.points[0]!.x).toBeLessThan(g.home!.x);
    expect(g.home!.x).toBeLessThan(g.points[1]!.x);
    expect(g.points[0]!.y).toBeLessThan(g.home!.y);
    expect(g.home!.y).toBeLessThan(g.points[1]!.y);
  });

  it('gives the same geometry for the same places, from the cache or a fresh maker', () => {
    const make = createMapGeometry();
    const a = make([LEEDS], HOME_PLACE);
    expect(make([{ ...LEEDS, name: { ...LEEDS.name, text: 'other' } }], HOME_PLACE)).toBe(a);
    expect(createMapGeometry()([LEEDS], HOME_PLACE)).toEqual(a);
    expect(make([TRABZON], HOME_PLACE).outline).not.toBe(a.outline);
  });
});

describe('shared/render map and QR modules', () => {
  it('bundle for a platform without Node built-ins (the renderer’s preview uses them)', async () => {
    const dir = path.resolve(__dirname, '../../../../shared/render');
    const result = await build({
      stdin: {
        contents:
          "export { createMapGeometry } from './map-geometry'; export { qrSvg } from './qr';",
        resolveDir: dir,
        loader: 'ts',
      },
      bundle: true,
      write: false,
      // Neutral, and no `browser` field: a Node-only entry (fs, stream) fails to resolve here.
      platform: 'neutral',
      mainFields: ['module', 'main'],
      format: 'esm',
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/require\(["'](node:)?(fs|stream|path|zlib)["']\)/);
  });
});
