import { z } from 'zod';

const MEDIA_KINDS = ['image', 'audio', 'video', 'document'] as const;
export const MediaKind = z.enum(MEDIA_KINDS);
export type MediaKind = z.infer<typeof MediaKind>;

/**
 * A file in the library. Stored once under `media/` and named by its content hash, so importing
 * the same photo twice costs nothing and a name from outside never becomes a path.
 */
export const MediaAsset = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The name the file had when imported; shown to people, never used as a path. */
  originalName: z.string().max(500),
  /** Detected from the content, not from the extension. */
  mime: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/),
  ext: z.string().regex(/^[a-z0-9]{1,8}$/),
  kind: MediaKind,
  bytes: z.number().int().nonnegative(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  /** Seconds, for audio and video where known. */
  duration: z.number().nonnegative().optional(),
  /** Pages, for PDF documents where known. */
  pages: z.number().int().positive().optional(),
});
export type MediaAsset = z.infer<typeof MediaAsset>;

/** Relative path of an asset inside the library folder, fanned out so no folder grows huge. */
export function mediaPath(asset: Pick<MediaAsset, 'sha256' | 'ext'>): string {
  return `media/${asset.sha256.slice(0, 2)}/${asset.sha256}.${asset.ext}`;
}

export function thumbnailPath(sha256: string): string {
  return `media/thumbs/${sha256.slice(0, 2)}/${sha256}.webp`;
}
