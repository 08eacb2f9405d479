import { slugify } from '../domain/ids';
import type { MediaAsset } from '../domain/media';
import { fontPath } from './fonts';

/** Widths of responsive image derivatives; never larger than the original. */
export const IMAGE_WIDTHS = [480, 960, 1600, 2400] as const;
export const IMAGE_FORMATS = ['avif', 'webp', 'jpeg'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/**
 * The widths made for an image `original` pixels wide: the standard widths up to it, plus the
 * original width itself when it is clearly (20 %) larger than the biggest standard width below it
 * — so a 1200 px photo is also shown sharp, but a 1700 px one does not get a near-copy of 1600.
 * Never wider than the original.
 */
export function derivativeWidths(original: number): number[] {
  const largest = IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1]!;
  const widths: number[] = IMAGE_WIDTHS.filter((w) => w <= original);
  const top = widths[widths.length - 1];
  if (top === undefined || (original > top * 1.2 && top < largest))
    widths.push(Math.max(1, Math.min(original, largest)));
  return widths;
}

export function derivativeHeight(
  width: number,
  original: { width: number; height: number },
): number {
  return Math.max(1, Math.round((width * original.height) / original.width));
}

const EXT: Record<ImageFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg' };

/** Bundle-relative path of a derivative; the name only ever contains hex digits and a number. */
export function derivativePath(sha256: string, width: number, format: ImageFormat): string {
  return `media/${sha256.slice(0, 20)}-${width}.${EXT[format]}`;
}

/**
 * Bundle-relative path of a copied original (audio, video, document). The visible part comes
 * from the original name through `slugify`, so it is always one safe path segment.
 */
export function originalPath(asset: Pick<MediaAsset, 'sha256' | 'ext' | 'originalName'>): string {
  const base = asset.originalName.replace(/\.[^.]*$/, '');
  return `files/${slugify(base, 40)}-${asset.sha256.slice(0, 10)}.${asset.ext}`;
}

/** What a page asks the asset resolver for. */
export type AssetRef =
  | { type: 'image'; sha256: string; width: number; format: ImageFormat }
  | { type: 'original'; asset: MediaAsset }
  | { type: 'stylesheet' }
  | { type: 'script' }
  | { type: 'font'; file: string }
  | { type: 'search-index'; lang: string };

/**
 * Where assets live. The exporter maps them to bundle-relative paths; the in-app preview maps
 * them to its own protocol. Return either an absolute URL (with a scheme) or a path relative to
 * the bundle root — the renderer adds the `../` a page in a language folder needs.
 */
export type AssetUrl = (ref: AssetRef) => string;

export const bundleAssetUrl: AssetUrl = (ref) => {
  switch (ref.type) {
    case 'image':
      return derivativePath(ref.sha256, ref.width, ref.format);
    case 'original':
      return originalPath(ref.asset);
    case 'stylesheet':
      return 'assets/vitrine.css';
    case 'script':
      return 'assets/vitrine.js';
    case 'font':
      return fontPath(ref.file);
    case 'search-index':
      return `assets/search-${ref.lang}.js`;
  }
};

export function formatBytes(bytes: number, lang: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const text = unit === 0 ? String(value) : value.toFixed(value < 10 ? 1 : 0);
  return `${lang === 'de' ? text.replace('.', ',') : text} ${units[unit]}`;
}
