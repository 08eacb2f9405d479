import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join, relative, resolve, dirname, extname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import sharp from 'sharp';
import { createLibrary, readLibrarySnapshot } from '../electron/core/library';
import { createMediaImporter, createSyntheticJpeg } from '../electron/core/media';
import { exportExhibition } from '../electron/core/export';
import { ENCODERS, FORMATS, orientedSize } from '../electron/core/export/derivatives';
import { buildSampleLibrary } from '../electron/core/sample';
import type { Exhibition } from '../shared/domain/exhibition';
import { mediaPath } from '../shared/domain/media';
import type { Item } from '../shared/domain/item';
import { derivativeWidths } from '../shared/render/assets';
import { median, type Figure } from './report';

const run = promisify(execFile);
const SAMPLE_SLUG = '50-jahre-dortmund-leeds';
const CHROME = process.env.CHROME_PATH ?? '/usr/lib/chromium/chromium';

export interface ExportBenchOptions {
  root: string;
  /** bench/out: generated libraries are kept here between runs. */
  outDir: string;
  quick: boolean;
  log: (s: string) => void;
}

const seconds = (ms: number) => ms / 1000;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await work();
  return { ms: performance.now() - t0, value };
}

/** The sample library, built once and kept (its derivative cache is cleared for cold runs). */
async function sampleLibrary(outDir: string, log: (s: string) => void): Promise<string> {
  const dir = join(outDir, 'export-sample', 'library');
  if (existsSync(join(dir, '..', '.complete'))) return dir;
  await rm(join(dir, '..'), { recursive: true, force: true });
  log('  building the sample library …\n');
  await buildSampleLibrary(dir);
  await writeFile(join(dir, '..', '.complete'), '');
  return dir;
}

async function listFiles(root: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(join(root, rel), { withFileTypes: true })) {
    const child = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(root, child)));
    else out.push(child);
  }
  return out.sort();
}

/**
 * Gzipped JavaScript and CSS one page loads: its `<script src>` and stylesheet links (each file
 * gzipped on its own, as a static host serves them) plus any inline script or style. The search
 * index is fetched only when someone searches, so it is reported separately.
 */
async function pageWeights(bundle: string): Promise<{
  js: { max: number; page: string };
  css: { max: number; page: string };
  searchIndex: number;
  fonts: number;
}> {
  const gz = new Map<string, number>();
  const gzFile = async (file: string) => {
    if (!gz.has(file)) gz.set(file, gzipSync(await readFile(file), { level: 9 }).length);
    return gz.get(file)!;
  };
  const js = { max: 0, page: '' };
  const css = { max: 0, page: '' };
  const files = await listFiles(bundle);
  for (const rel of files.filter((f) => f.endsWith('.html'))) {
    const html = await readFile(join(bundle, rel), 'utf8');
    const base = dirname(join(bundle, rel));
    let jsBytes = 0;
    let cssBytes = 0;
    for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g))
      jsBytes += await gzFile(resolve(base, m[1]!));
    for (const m of html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g))
      jsBytes += gzipSync(m[1]!).length;
    for (const m of html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)) {
      const href = /href="([^"]+)"/.exec(m[0])?.[1];
      if (href) cssBytes += await gzFile(resolve(base, href));
    }
    for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g))
      cssBytes += gzipSync(m[1]!).length;
    if (jsBytes > js.max) Object.assign(js, { max: jsBytes, page: rel });
    if (cssBytes > css.max) Object.assign(css, { max: cssBytes, page: rel });
  }
  // Fonts: what a page may fetch of the bundled typeface at most (every subset its stylesheet
  // declares; a browser fetches only the subsets whose characters the page uses).
  let fonts = 0;
  for (const rel of files.filter((f) => f.endsWith('.woff2')))
    fonts += (await stat(join(bundle, rel))).size;
  let searchIndex = 0;
  for (const rel of files.filter((f) => /^assets\/search-[^/]+\.js$/.test(f)))
    searchIndex = Math.max(searchIndex, await gzFile(join(bundle, rel)));
  return { js, css, searchIndex, fonts };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.avif': 'image/avif',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.svg', '.xml']);

/**
 * A loopback static host like any the bundle is copied to: gzip for text, long caching for the
 * content-addressed media.
 */
async function serve(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    try {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let file = resolve(root, `.${pathname}`);
      if (relative(root, file).startsWith('..')) throw new Error('outside');
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      let data = await readFile(file);
      const ext = extname(file);
      const headers: Record<string, string> = {
        'content-type': TYPES[ext] ?? 'application/octet-stream',
        'cache-control': pathname.startsWith('/media/')
          ? 'public, max-age=31536000, immutable'
          : 'public, max-age=600',
      };
      if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
        data = gzipSync(data);
        headers['content-encoding'] = 'gzip';
      }
      res.writeHead(200, headers);
      res.end(data);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** Lighthouse 12 (default mobile profile, simulated throttling) in Debian's Chromium. */
async function lighthouse(
  root: string,
  url: string,
  work: string,
): Promise<Record<LighthouseCategory, number>> {
  const report = join(work, `lighthouse-${Math.random().toString(36).slice(2)}.json`);
  await run(
    process.execPath,
    [
      join(root, 'node_modules', 'lighthouse', 'cli', 'index.js'),
      url,
      '--quiet',
      '--output=json',
      `--output-path=${report}`,
      `--only-categories=${CATEGORIES.join(',')}`,
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync',
    ],
    { env: { ...process.env, CHROME_PATH: CHROME }, maxBuffer: 64 * 1024 * 1024 },
  );
  const json = JSON.parse(await readFile(report, 'utf8')) as {
    categories: Record<string, { score: number | null }>;
  };
  return Object.fromEntries(
    CATEGORIES.map((c) => [c, Math.round((json.categories[c]?.score ?? 0) * 100)]),
  ) as Record<LighthouseCategory, number>;
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type LighthouseCategory = (typeof CATEGORIES)[number];

/**
 * A library with one exhibition of `count` photos of 12 megapixels (4000 × 3000), imported
 * through the real importer and written through the store; kept under bench/out/.
 */
export async function syntheticPhotoLibrary(
  outDir: string,
  count: number,
  log: (s: string) => void,
): Promise<string> {
  const base = join(outDir, `export-${count}`);
  const dir = join(base, 'library');
  if (existsSync(join(base, '.complete'))) return dir;
  await rm(base, { recursive: true, force: true });
  const sources = join(base, 'sources');
  await mkdir(sources, { recursive: true });
  log(`  generating ${count} JPEGs of 12 MP …\n`);
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = join(sources, `foto-${String(i + 1).padStart(3, '0')}.jpg`);
    await writeFile(file, await createSyntheticJpeg({ width: 4000, height: 3000, seed: i + 1 }));
    paths.push(file);
  }
  log('  importing them …\n');
  const library = await createLibrary(dir, {
    name: `Export benchmark ${count}`,
    languages: ['de', 'en'],
    defaultLanguage: 'de',
  });
  const entries = await createMediaImporter({ libraryDir: dir }).importFiles(paths);
  const at = '2026-01-15T10:00:00.000Z';
  const items: Item[] = entries.map((entry, i) => {
    if (entry.result.status !== 'imported') throw new Error(`import failed: ${entry.sourcePath}`);
    const n = i + 1;
    return {
      id: `foto-${n}`,
      kind: 'image',
      media: [entry.result.asset],
      title: { de: `Foto ${n}`, en: `Photo ${n}` },
      description: {},
      altText: { de: `Synthetisches Foto ${n}`, en: `Synthetic photo ${n}` },
      transcript: {},
      tags: [],
      places: [],
      partnershipIds: [],
      rights: {
        statement: 'CC-BY-4.0',
        holder: 'Stadt Dortmund',
        creditLine: { de: 'Foto: Stadt Dortmund', en: 'Photo: City of Dortmund' },
      },
      createdAt: at,
      updatedAt: at,
    } as Item;
  });
  const perChapter = 20;
  const exhibition = {
    id: 'x-fotos',
    slug: 'fotos',
    title: { de: `${count} Fotos`, en: `${count} photos` },
    languages: ['de', 'en'],
    defaultLanguage: 'de',
    coverItemId: items[0]!.id,
    chapters: Array.from({ length: Math.ceil(count / perChapter) }, (_, c) => ({
      id: `kapitel-${c + 1}`,
      title: { de: `Kapitel ${c + 1}`, en: `Chapter ${c + 1}` },
      blocks: [
        {
          id: `galerie-${c + 1}`,
          type: 'gallery',
          title: {},
          itemIds: items.slice(c * perChapter, (c + 1) * perChapter).map((i) => i.id),
        },
      ],
    })),
    createdAt: at,
    updatedAt: at,
  } as unknown as Exhibition;
  await library.apply({
    type: 'batch',
    commands: [
      ...items.map((item) => ({ type: 'putItem' as const, item })),
      { type: 'putExhibition' as const, exhibition },
    ],
  });
  await library.close();
  await rm(sources, { recursive: true, force: true });
  await writeFile(join(base, '.complete'), '');
  return dir;
}

const EXT = { avif: 'avif', webp: 'webp', jpeg: 'jpg' } as const;

/**
 * The same derivatives with plain sharp, as a person would script them: every core busy
 * (`sharp.concurrency`, and as many images at a time), each image decoded once and encoded to
 * every width × format with the export's encoder settings, written to disk. No cache, no bundle.
 */
async function rawSharp(files: string[], out: string): Promise<void> {
  const cores = os.availableParallelism();
  sharp.concurrency(cores);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      const { width } = await orientedSize(file);
      const input = sharp(file).autoOrient();
      const name = file
        .split('/')
        .pop()!
        .replace(/\.[^.]+$/, '');
      await Promise.all(
        derivativeWidths(width).flatMap((w) =>
          FORMATS.map(async (format) => {
            const img = input.clone().resize({ width: w, withoutEnlargement: true });
            const data =
              format === 'avif'
                ? await img.avif(ENCODERS.avif).toBuffer()
                : format === 'webp'
                  ? await img.webp(ENCODERS.webp).toBuffer()
                  : await img.flatten({ background: '#ffffff' }).jpeg(ENCODERS.jpeg).toBuffer();
            await writeFile(join(out, `${name}-${w}.${EXT[format]}`), data);
          }),
        ),
      );
    }
  };
  await Promise.all(Array.from({ length: cores }, worker));
}

export async function benchExport(options: ExportBenchOptions): Promise<Figure[]> {
  const { root, outDir, quick, log } = options;
  const figures: Figure[] = [];
  const work = await mkdtemp(join(os.tmpdir(), 'vitrine-bench-export-'));
  try {
    log('export: sample exhibition\n');
    const library = await sampleLibrary(outDir, log);
    const web = (target: string) =>
      exportExhibition({
        libraryDir: library,
        exhibition: SAMPLE_SLUG,
        mode: 'web',
        outDir: join(work, target),
        baseUrl: 'https://example.org/ausstellung/',
      });
    // Cold: no cached derivatives (the runtime script is built once per process before).
    await rm(join(library, 'cache'), { recursive: true, force: true });
    const cold = await timed(() => web('web-cold'));
    figures.push({
      name: 'export.sample.web.cold',
      value: seconds(cold.ms),
      unit: 's',
      target: 15,
      better: 'lower',
    });
    const warm: number[] = [];
    for (let i = 0; i < (quick ? 3 : 5); i++)
      warm.push((await timed(() => web(`web-warm-${i}`))).ms);
    figures.push({
      name: 'export.sample.web.unchanged',
      value: seconds(median(warm)),
      unit: 's',
      target: 1,
      better: 'lower',
    });
    // What `--verify` (axe-core in jsdom over every page, Nu when Java is there) adds to the same
    // unchanged re-export (issue 13 §4).
    const verified = await timed(() =>
      exportExhibition({
        libraryDir: library,
        exhibition: SAMPLE_SLUG,
        mode: 'web',
        outDir: join(work, 'web-verified'),
        baseUrl: 'https://example.org/ausstellung/',
        verify: true,
      }),
    );
    figures.push({
      name: 'export.sample.web.verify-added',
      value: seconds(verified.ms - median(warm)),
      unit: 's',
      better: 'lower',
    });
    await exportExhibition({
      libraryDir: library,
      exhibition: SAMPLE_SLUG,
      mode: 'kiosk',
      outDir: join(work, 'kiosk'),
    });

    const webWeights = await pageWeights(join(work, 'web-cold'));
    const kioskWeights = await pageWeights(join(work, 'kiosk'));
    const jsMax = Math.max(webWeights.js.max, kioskWeights.js.max);
    const cssMax = Math.max(webWeights.css.max, kioskWeights.css.max);
    figures.push({
      name: 'export.page.js.gzip.max',
      value: jsMax / 1024,
      unit: 'KB',
      target: 20,
      better: 'lower',
    });
    figures.push({
      name: 'export.page.css.gzip.max',
      value: cssMax / 1024,
      unit: 'KB',
      target: 25,
      better: 'lower',
    });
    figures.push({
      name: 'export.page.fonts.max',
      value: Math.max(webWeights.fonts, kioskWeights.fonts) / 1024,
      unit: 'KB',
      target: 120,
      better: 'lower',
    });
    figures.push({
      name: 'export.search-index.gzip.max (on demand)',
      value: Math.max(webWeights.searchIndex, kioskWeights.searchIndex) / 1024,
      unit: 'KB',
      better: 'lower',
    });

    // Lighthouse on the start page and a chapter page, exported with a base URL and without
    // one (as copied to a plain static host), each served from a loopback static server.
    await exportExhibition({
      libraryDir: library,
      exhibition: SAMPLE_SLUG,
      mode: 'web',
      outDir: join(work, 'web-relative'),
    });
    for (const [variant, dir] of [
      ['base-url', 'web-cold'],
      ['no-base-url', 'web-relative'],
    ] as const) {
      log(`export: Lighthouse (start page, chapter page; ${variant})\n`);
      const server = await serve(join(work, dir));
      try {
        for (const [label, page] of [
          ['start', 'de/index.html'],
          ['chapter', 'de/01-was-uns-verbindet.html'],
        ] as const) {
          const scores = await lighthouse(root, `${server.url}${page}`, work);
          for (const category of CATEGORIES)
            figures.push({
              name: `lighthouse.${variant}.${label}.${category}`,
              value: scores[category],
              unit: 'pts',
              target: category === 'performance' ? 95 : 100,
              better: 'higher',
            });
        }
      } finally {
        await server.close();
      }
    }

    if (!quick) {
      const count = 200;
      log(`export: ${count} photos of 12 MP\n`);
      const photos = await syntheticPhotoLibrary(outDir, count, log);
      const snapshot = await readLibrarySnapshot(photos);
      const media = snapshot.items.flatMap((i) => i.media.map((m) => join(photos, mediaPath(m))));
      if (media.length !== count)
        throw new Error(`expected ${count} photos, found ${media.length}`);
      log('  raw sharp …\n');
      const rawOut = join(work, 'raw');
      await mkdir(rawOut, { recursive: true });
      const raw = await timed(() => rawSharp(media, rawOut));
      await rm(rawOut, { recursive: true, force: true });
      log(`  raw sharp ${seconds(raw.ms).toFixed(1)} s; export …\n`);
      await rm(join(photos, 'cache'), { recursive: true, force: true });
      const exported = await timed(() =>
        exportExhibition({
          libraryDir: photos,
          exhibition: 'fotos',
          mode: 'web',
          outDir: join(work, 'photos'),
        }),
      );
      figures.push({
        name: `export.${count}photos.raw-sharp`,
        value: seconds(raw.ms),
        unit: 's',
        better: 'lower',
      });
      figures.push({
        name: `export.${count}photos.cold`,
        value: seconds(exported.ms),
        unit: 's',
        better: 'lower',
      });
      figures.push({
        name: `export.${count}photos.vs-raw-sharp`,
        value: exported.ms / raw.ms,
        unit: '×',
        target: 1.3,
        better: 'lower',
      });
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return figures;
}
