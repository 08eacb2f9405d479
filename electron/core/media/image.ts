import { loadSharp } from './sharp';

export const THUMBNAIL_SIZE = 400;

export interface ImageHeader {
  width: number;
  height: number;
  /** Width and height after EXIF orientation is applied. */
  orientedWidth: number;
  orientedHeight: number;
  format: string;
  compression?: string;
}

/** Reads only the header: no pixels are decoded, so a declared 100,000 × 100,000 canvas is cheap. */
export async function readImageHeader(file: string): Promise<ImageHeader> {
  const sharp = await loadSharp();
  const meta = await sharp(file, { limitInputPixels: false }).metadata();
  if (!meta.width || !meta.height) throw new Error('image header without dimensions');
  const oriented = meta.autoOrient ?? { width: meta.width, height: meta.height };
  const header: ImageHeader = {
    width: meta.width,
    height: meta.height,
    orientedWidth: oriented.width,
    orientedHeight: oriented.height,
    format: meta.format,
  };
  if (meta.compression) header.compression = meta.compression;
  return header;
}

export interface Thumbnail {
  data: Buffer;
  width: number;
  height: number;
}

/**
 * Decodes the whole image (first page/frame) into a WebP thumbnail, 400 px on the long side,
 * never enlarged, EXIF orientation applied. `failOn: 'error'` makes a truncated or damaged file
 * fail here instead of importing a half-grey picture. For JPEG, libvips shrinks on load (decodes
 * at 1/2, 1/4 or 1/8 scale), which is most of the speed of a 12 MP import; it still reads every
 * scan, so truncation is still detected.
 */
export async function makeThumbnail(file: string, maxPixels: number): Promise<Thumbnail> {
  const sharp = await loadSharp();
  const { data, info } = await sharp(file, {
    failOn: 'error',
    limitInputPixels: maxPixels,
    sequentialRead: true,
    autoOrient: true,
  })
    .resize({
      width: THUMBNAIL_SIZE,
      height: THUMBNAIL_SIZE,
      fit: 'inside',
      withoutEnlargement: true,
      fastShrinkOnLoad: true,
    })
    .webp({ quality: 80, effort: 2 })
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}
