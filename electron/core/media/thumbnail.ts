import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { mediaPath, thumbnailPath, type MediaAsset } from '../../../shared/domain';
import { faultPoint, writeFileAtomic } from '../library/fs-atomic';
import { corrupt, mediaNotFound, pathRejected } from './errors';
import { makeThumbnail } from './image';
import { DEFAULT_MEDIA_LIMITS } from './limits';
import { exists } from './place';

type ThumbnailSubject = Pick<MediaAsset, 'sha256' | 'ext' | 'kind'> &
  Partial<Pick<MediaAsset, 'mime'>>;

/** The asset usually comes from the JSON store; paths are built from it, so check the parts. */
function checkAsset(asset: ThumbnailSubject): void {
  if (!/^[0-9a-f]{64}$/.test(asset.sha256) || !/^[a-z0-9]{1,8}$/.test(asset.ext)) {
    throw pathRejected('ungültige Asset-Kennung', 'invalid asset hash or extension');
  }
}

/**
 * Path of the asset's thumbnail, making it first if it is missing (deleted, or a library copied
 * without `media/thumbs`). Returns null for kinds that have no thumbnail (audio, video, PDF).
 */
export async function ensureThumbnail(
  libraryDir: string,
  asset: ThumbnailSubject,
  options: { maxPixels?: number } = {},
): Promise<string | null> {
  checkAsset(asset);
  if (asset.kind !== 'image') return null;
  const target = path.join(libraryDir, thumbnailPath(asset.sha256));
  if (await exists(target)) return target;
  const source = path.join(libraryDir, mediaPath(asset));
  if (!(await exists(source))) throw mediaNotFound(mediaPath(asset));
  let data: Buffer;
  try {
    data = (await makeThumbnail(source, options.maxPixels ?? DEFAULT_MEDIA_LIMITS.pixels)).data;
  } catch (error) {
    throw corrupt(path.basename(source), asset.mime ?? asset.ext, error);
  }
  await faultPoint('mkdir', path.dirname(target));
  await mkdir(path.dirname(target), { recursive: true });
  await writeFileAtomic(target, data);
  return target;
}

/** The thumbnail bytes (WebP), recreated when missing; null for kinds without one. */
export async function readThumbnail(
  libraryDir: string,
  asset: ThumbnailSubject,
): Promise<Buffer | null> {
  const file = await ensureThumbnail(libraryDir, asset);
  return file ? readFile(file) : null;
}
