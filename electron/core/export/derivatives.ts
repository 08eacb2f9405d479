import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadSharp } from '../media/sharp';
import type { MediaAsset } from '../../../shared/domain/media';
import { derivativeWidths, type ImageFormat } from '../../../shared/render/assets';
import { faultPoint } from '../library/fs-atomic';

/**
 * Encoder settings, chosen for export time on two cores: AVIF effort 2 is ~25× faster than
 * sharp's default for ~1 % more bytes; WebP effort 2 halves the time of effort 4 for ~4 %; plain
 * progressive libjpeg-turbo is 2× faster than mozjpeg (JPEG is only the fallback format). Changing anything here changes the
 * options hash, so cached derivatives made with other settings are simply not reused.
 */
export const ENCODERS = {
  avif: { quality: 50, effort: 2, chromaSubsampling: '4:2:0' },
  webp: { quality: 78, effort: 2 },
  jpeg: { quality: 80, progressive: true, optimiseCoding: true },
} as const;
const PIPELINE_VERSION = 1;
const EXT: Record<ImageFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg' };
export const FORMATS: ImageFormat[] = ['avif', 'webp', 'jpeg'];

export function optionsHash(format: ImageFormat): string {
  return createHash('sha256')
    .update(
      JSON.stringify({
        v: PIPELINE_VERSION,
        format,
        options: ENCODERS[format],
        orient: true,
        strip: true,
      }),
    )
    .digest('hex')
    .slice(0, 12);
}

export function cachePath(
  libraryDir: string,
  sha256: string,
  width: number,
  format: ImageFormat,
): string {
  return path.join(
    libraryDir,
    'cache',
    'derivatives',
    `${sha256}-${optionsHash(format)}-${width}.${EXT[format]}`,
  );
}

async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

export interface DerivativeJob {
  asset: MediaAsset;
  source: string;
  /** Size after EXIF orientation. */
  size: { width: number; height: number };
}

/** Reads the displayed size (after EXIF orientation) from the file header only. */
export async function orientedSize(source: string): Promise<{ width: number; height: number }> {
  const sharp = await loadSharp();
  const meta = await sharp(source).metadata();
  const oriented = meta.autoOrient ?? { width: meta.width, height: meta.height };
  if (!oriented.width || !oriented.height) throw new Error(`no image size: ${source}`);
  return { width: oriented.width, height: oriented.height };
}

export interface DerivativeStats {
  made: number;
  reused: number;
}

/**
 * Makes (or takes from the library's cache) every derivative of one image and copies them into
 * the bundle. Output is written without metadata (sharp drops EXIF/GPS unless asked to keep it),
 * with the orientation applied to the pixels.
 */
export async function makeDerivatives(
  job: DerivativeJob,
  options: {
    libraryDir: string;
    write: (rel: string) => string;
    relPath: (width: number, format: ImageFormat) => string;
  },
  stats: DerivativeStats,
): Promise<void> {
  const sharp = await loadSharp();
  const widths = derivativeWidths(job.size.width);
  const missing: Array<{ width: number; format: ImageFormat; cache: string }> = [];
  for (const width of widths)
    for (const format of FORMATS) {
      const cache = cachePath(options.libraryDir, job.asset.sha256, width, format);
      if (await exists(cache)) stats.reused++;
      else missing.push({ width, format, cache });
    }
  if (missing.length) {
    await mkdir(path.dirname(missing[0]!.cache), { recursive: true });
    const input = sharp(job.source, { failOn: 'none', limitInputPixels: 268_402_689 }).autoOrient();
    for (const width of [...new Set(missing.map((m) => m.width))]) {
      const resized = input.clone().resize({ width, withoutEnlargement: true });
      await Promise.all(
        missing
          .filter((m) => m.width === width)
          .map(async (m) => {
            const pipeline = resized.clone();
            const buffer =
              m.format === 'avif'
                ? await pipeline.avif(ENCODERS.avif).toBuffer()
                : m.format === 'webp'
                  ? await pipeline.webp(ENCODERS.webp).toBuffer()
                  : await pipeline
                      .flatten({ background: '#ffffff' })
                      .jpeg(ENCODERS.jpeg)
                      .toBuffer();
            const tmp = `${m.cache}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
            try {
              await faultPoint('write', tmp);
              await writeFile(tmp, buffer);
              await faultPoint('rename', m.cache);
              await rename(tmp, m.cache);
            } catch (err) {
              await rm(tmp, { force: true });
              throw err;
            }
            stats.made++;
          }),
      );
    }
  }
  for (const width of widths)
    for (const format of FORMATS) {
      await faultPoint('copy', options.write(options.relPath(width, format)));
      await copyFile(
        cachePath(options.libraryDir, job.asset.sha256, width, format),
        options.write(options.relPath(width, format)),
        constants.COPYFILE_FICLONE,
      );
    }
}
