import { mkdir, rm, writeFile, readFile, access } from 'node:fs/promises';
import path from 'node:path';
import { loadSharp } from '../media/sharp';
import type { Exhibition } from '../../../shared/domain/exhibition';
import type { Item } from '../../../shared/domain/item';
import { rightsInfo } from '../../../shared/domain/rights';
import { derivativePath, derivativeWidths } from '../../../shared/render/assets';

/** Long side from which an image gets a zoomable level-0 image service (issue 15). */
const DEEP_ZOOM_MIN = 2400;
const TILE = 512;
/** Whole-image sizes listed in `sizes` (and written) up to this long side: thumbnails, previews. */
const MAX_LISTED = 1600;

type LanguageMap = Record<string, string[]>;

/**
 * A IIIF language map from our localized text. Keys must be BCP 47-like (`^[a-zA-Z-]+$`) or
 * `none` (validator schema); anything else is dropped rather than written invalid.
 */
export function languageMap(text: Record<string, string | undefined>, languages: string[]) {
  const map: LanguageMap = {};
  for (const lang of languages) {
    const value = text[lang]?.trim();
    if (value && /^[a-zA-Z-]+$/.test(lang)) map[lang] = [value];
  }
  return map;
}

export interface IiifImage {
  item: Item;
  /** Path of the original in the library. */
  source: string;
  sha256: string;
  width: number;
  height: number;
}

export interface IiifOptions {
  /** Absolute http(s) base URL of the published bundle, without a trailing slash. */
  baseUrl: string;
  exhibition: Exhibition;
  languages: string[];
  images: IiifImage[];
  /** Absolute path of a bundle-relative file (the export's `safeJoin`). */
  write: (rel: string) => string;
}

const jsonFile = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Writes a level-0 IIIF Image API 3 service with sharp's tiler: `info.json` plus tiles, the
 * stray `vips-properties.xml` removed, and whole-image sizes written and listed in `sizes` so a
 * viewer asking for a thumbnail finds the file (a level-0 server cannot scale on demand).
 */
async function writeImageService(
  image: IiifImage,
  base: string,
  dir: string,
): Promise<Record<string, unknown>> {
  await mkdir(dir, { recursive: true });
  await (
    await loadSharp()
  )(image.source)
    .rotate()
    .tile({ layout: 'iiif3', id: base, size: TILE })
    .toFile(path.join(dir, 'image'));
  await rm(path.join(dir, 'vips-properties.xml'), { force: true });
  const infoPath = path.join(dir, 'image', 'info.json');
  const info = JSON.parse(await readFile(infoPath, 'utf8')) as {
    width: number;
    height: number;
    sizes?: Array<{ width: number; height: number }>;
  };
  const sizes: Array<{ width: number; height: number }> = [];
  for (let f = 1; ; f *= 2) {
    const width = Math.ceil(info.width / f);
    const height = Math.ceil(info.height / f);
    if (Math.max(width, height) <= MAX_LISTED) sizes.push({ width, height });
    if (width <= TILE / 2 && height <= TILE / 2) break;
  }
  for (const s of sizes) {
    const file = path.join(dir, 'image', 'full', `${s.width},${s.height}`, '0', 'default.jpg');
    const exists = await access(file).then(
      () => true,
      () => false,
    );
    if (exists) continue;
    await mkdir(path.dirname(file), { recursive: true });
    await (
      await loadSharp()
    )(image.source)
      .rotate()
      .resize(s.width, s.height, { fit: 'fill' })
      .jpeg({ quality: 82 })
      .toFile(file);
  }
  info.sizes = sizes.reverse();
  await writeFile(infoPath, jsonFile(info));
  return info;
}

/**
 * IIIF Presentation 3.0 for a web bundle: one Manifest per item with an image and a Collection
 * for the exhibition, under `iiif/`. Ids are absolute under the base URL because the
 * specification (and the validator's schema) require http(s) ids. Images with a long side of at
 * least 2,400 px also get a level-0 image service for deep zoom.
 */
export async function writeIiif(
  opts: IiifOptions,
): Promise<{ written: string[]; zoom: Map<string, Record<string, unknown>> }> {
  const base = opts.baseUrl.replace(/\/+$/, '');
  const written: string[] = [];
  // Item id → its image service's info.json, for the pages' deep-zoom button (passed inline).
  const zoom = new Map<string, Record<string, unknown>>();
  const manifests: Array<{ id: string; label: LanguageMap }> = [];
  for (const image of [...opts.images].sort((a, b) => (a.item.id < b.item.id ? -1 : 1))) {
    const { item } = image;
    const root = `${base}/iiif/${item.id}`;
    const largest = Math.max(...derivativeWidths(image.width));
    const bodyHeight = Math.round((image.height * largest) / image.width);
    const label = languageMap(item.title, opts.languages);
    const manifest: Record<string, unknown> = {
      '@context': 'http://iiif.io/api/presentation/3/context.json',
      id: `${root}/manifest.json`,
      type: 'Manifest',
      label: Object.keys(label).length ? label : { none: [item.id] },
    };
    const summary = languageMap(item.description, opts.languages);
    if (Object.keys(summary).length) manifest.summary = summary;
    const rights = item.rights ? rightsInfo(item.rights.statement) : undefined;
    if (rights) manifest.rights = rights.url;
    const credit = item.rights ? languageMap(item.rights.creditLine, opts.languages) : {};
    if (Object.keys(credit).length)
      manifest.requiredStatement = {
        label: { de: ['Nachweis'], en: ['Credit'] },
        value: credit,
      };
    // The item's open data (data/items/ID.jsonld, written by open-data.ts in every web bundle).
    manifest.seeAlso = [
      {
        id: `${base}/data/items/${item.id}.jsonld`,
        type: 'Dataset',
        label: { de: ['Offene Daten (JSON-LD)'], en: ['Open data (JSON-LD)'] },
        format: 'application/ld+json',
        profile: 'https://schema.org/',
      },
    ];
    const zoomable = Math.max(image.width, image.height) >= DEEP_ZOOM_MIN;
    const body: Record<string, unknown> = {
      id: `${base}/${derivativePath(image.sha256, largest, 'jpeg')}`,
      type: 'Image',
      format: 'image/jpeg',
      width: largest,
      height: bodyHeight,
    };
    if (zoomable) {
      const dir = opts.write(`iiif/${item.id}`);
      zoom.set(item.id, await writeImageService(image, root, dir));
      body.service = [{ id: `${root}/image`, type: 'ImageService3', profile: 'level0' }];
      written.push(`iiif/${item.id}/image/info.json`);
    }
    const canvas = `${root}/canvas/1`;
    manifest.items = [
      {
        id: canvas,
        type: 'Canvas',
        width: image.width,
        height: image.height,
        items: [
          {
            id: `${canvas}/page/1`,
            type: 'AnnotationPage',
            items: [
              {
                id: `${canvas}/page/1/annotation/1`,
                type: 'Annotation',
                motivation: 'painting',
                body,
                target: canvas,
              },
            ],
          },
        ],
      },
    ];
    const rel = `iiif/${item.id}/manifest.json`;
    await mkdir(path.dirname(opts.write(rel)), { recursive: true });
    await writeFile(opts.write(rel), jsonFile(manifest));
    written.push(rel);
    manifests.push({ id: manifest.id as string, label: manifest.label as LanguageMap });
  }
  const title = languageMap(opts.exhibition.title, opts.languages);
  const collection: Record<string, unknown> = {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${base}/iiif/collection.json`,
    type: 'Collection',
    label: Object.keys(title).length ? title : { none: [opts.exhibition.slug] },
    items: manifests.map((m) => ({ id: m.id, type: 'Manifest', label: m.label })),
  };
  const subtitle = languageMap(opts.exhibition.subtitle ?? {}, opts.languages);
  if (Object.keys(subtitle).length) collection.summary = subtitle;
  await mkdir(opts.write('iiif'), { recursive: true });
  await writeFile(opts.write('iiif/collection.json'), jsonFile(collection));
  written.push('iiif/collection.json');
  return { written, zoom };
}

/** The images the export already sized, paired with their items: the IIIF part's input. */
export function iiifImages(
  snapshot: { items: Item[] },
  views: Array<{ items: Array<{ id: string; image?: { sha256: string } | null }> }>,
  jobs: Array<{
    asset: { sha256: string };
    source: string;
    size: { width: number; height: number };
  }>,
): IiifImage[] {
  const bySha = new Map(jobs.map((j) => [j.asset.sha256, j]));
  const byId = new Map(snapshot.items.map((i) => [i.id, i]));
  const out = new Map<string, IiifImage>();
  for (const view of views)
    for (const v of view.items) {
      const job = v.image ? bySha.get(v.image.sha256) : undefined;
      const item = byId.get(v.id);
      if (job && item && !out.has(item.id))
        out.set(item.id, {
          item,
          source: job.source,
          sha256: job.asset.sha256,
          width: job.size.width,
          height: job.size.height,
        });
    }
  return [...out.values()];
}
