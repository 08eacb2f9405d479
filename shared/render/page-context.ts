import { textDirection } from '../domain/language';
import type { MediaAsset } from '../domain/media';
import {
  bundleAssetUrl,
  derivativeHeight,
  derivativeWidths,
  type AssetRef,
  type AssetUrl,
  type ImageFormat,
} from './assets';
import { join, markup, userText, type Html } from './html';
import type { ExhibitionView, LocalText, MapPlace } from './model';
import { uiStrings, type UiStrings } from './strings';

// What every part of a page shares: the render options, the per-page context and the small
// helpers that turn a library text or image into markup.

export interface MapGeometry {
  width: number;
  height: number;
  /** SVG path data of the country outlines, already projected. */
  outline: string;
  /** Projected positions, in the order of the places given. */
  points: Array<{ x: number; y: number }>;
  home: { x: number; y: number } | null;
}

export interface RenderOptions {
  assetUrl?: AssetUrl;
  /** Displayed size of an image after orientation; defaults to the asset's stored size. */
  imageSize?: (asset: MediaAsset) => { width: number; height: number } | undefined;
  mapGeometry?: (places: MapPlace[], home: { lat: number; lon: number }) => MapGeometry;
  /** SVG markup of a QR code for `url` (kiosk pages turn links to the web into QR codes). */
  qrSvg?: (url: string) => string;
  /**
   * The IIIF `info.json` of an item's level-0 image service (`iiif/ID/image/`), when it has one:
   * the page then offers deep zoom and carries the info inline, because browsers refuse to
   * fetch it from file://.
   */
  zoomInfo?: (itemId: string) => Record<string, unknown> | undefined;
}

export interface RenderedFile {
  /** Bundle-relative path, e.g. `de/01-anfaenge.html`. */
  path: string;
  content: string;
}

export interface Ctx {
  view: ExhibitionView;
  s: UiStrings;
  options: RenderOptions;
  /** `../` for pages inside a language folder, '' at the root. */
  up: string;
  images: number;
  /** External addresses met on a kiosk page, shown as QR codes. */
  qr: string[];
}

export const kiosk = (ctx: Ctx) => ctx.view.mode === 'kiosk';

export function url(ctx: Ctx, ref: AssetRef): string {
  const value = (ctx.options.assetUrl ?? bundleAssetUrl)(ref);
  return /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('/') ? value : ctx.up + value;
}

/** `lang`/`dir` attributes when a text is not in the page's language (it fell back). */
export function langAttrs(ctx: Ctx, t: LocalText | null | undefined): Html {
  if (!t || t.lang === ctx.view.lang) return markup``;
  const dir = textDirection(t.lang);
  return dir !== ctx.view.dir ? markup` lang="${t.lang}" dir="${dir}"` : markup` lang="${t.lang}"`;
}

export function text(ctx: Ctx, t: LocalText | null | undefined): Html {
  if (!t) return markup``;
  return t.lang === ctx.view.lang
    ? userText(t.text)
    : markup`<span${langAttrs(ctx, t)}>${userText(t.text)}</span>`;
}

/** Plain text with blank lines as paragraph breaks and single newlines as <br>. */
export function paragraphs(ctx: Ctx, t: LocalText | null | undefined, cls = ''): Html {
  if (!t) return markup``;
  const paras = t.text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return join(
    paras.map(
      (p) =>
        markup`<p${cls ? markup` class="${cls}"` : ''}${langAttrs(ctx, t)}>${join(
          p.split('\n').map((line) => userText(line)),
          '<br>',
        )}</p>`,
    ),
  );
}

export function imageSize(ctx: Ctx, asset: MediaAsset) {
  const size = ctx.options.imageSize?.(asset);
  if (size) return size;
  return asset.width && asset.height ? { width: asset.width, height: asset.height } : null;
}

const FORMAT_TYPES: Array<[ImageFormat, string]> = [
  ['avif', 'image/avif'],
  ['webp', 'image/webp'],
];

/** <picture> with AVIF, WebP and JPEG; the first picture of a page loads eagerly. */
export function picture(
  ctx: Ctx,
  asset: MediaAsset,
  alt: string,
  sizes: string,
  opts: { eager?: boolean } = {},
): Html {
  const size = imageSize(ctx, asset);
  if (!size) return markup``;
  const widths = derivativeWidths(size.width);
  const srcset = (format: ImageFormat) =>
    widths
      .map((w) => `${url(ctx, { type: 'image', sha256: asset.sha256, width: w, format })} ${w}w`)
      .join(', ');
  const fallbackWidth = widths.find((w) => w >= 960) ?? widths[widths.length - 1]!;
  const first = ctx.images === 0 || opts.eager;
  ctx.images++;
  return markup`<picture>${FORMAT_TYPES.map(
    ([format, type]) => markup`<source type="${type}" srcset="${srcset(format)}" sizes="${sizes}">`,
  )}<img src="${url(ctx, { type: 'image', sha256: asset.sha256, width: fallbackWidth, format: 'jpeg' })}" srcset="${srcset('jpeg')}" sizes="${sizes}" width="${fallbackWidth}" height="${derivativeHeight(fallbackWidth, size)}" alt="${alt}"${first ? markup` fetchpriority="high"` : markup` loading="lazy"`} decoding="async"></picture>`;
}

export function largestJpeg(ctx: Ctx, asset: MediaAsset): string | null {
  const size = imageSize(ctx, asset);
  if (!size) return null;
  const widths = derivativeWidths(size.width);
  return url(ctx, {
    type: 'image',
    sha256: asset.sha256,
    width: widths[widths.length - 1]!,
    format: 'jpeg',
  });
}

export function absolute(view: ExhibitionView, path: string): string | null {
  return view.baseUrl ? view.baseUrl + path : null;
}

export function plainExcerpt(value: string | undefined, max = 200): string {
  const flat = (value ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function newCtx(view: ExhibitionView, options: RenderOptions, up: string): Ctx {
  return { view, s: uiStrings(view.lang), options, up, images: 0, qr: [] };
}
