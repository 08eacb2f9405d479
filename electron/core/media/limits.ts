import type { MediaKind } from '../../../shared/domain';

export interface MediaLimits {
  /** Largest file accepted per kind, in bytes. */
  bytes: Record<MediaKind, number>;
  /**
   * Largest image accepted, in pixels (width × height). Checked from the header before any
   * decoding, so a small file that declares a gigantic canvas (a decompression bomb) is refused
   * without allocating memory for it.
   */
  pixels: number;
}

const MB = 1_000_000;

export const DEFAULT_MEDIA_LIMITS: MediaLimits = {
  bytes: {
    image: 200 * MB,
    audio: 500 * MB,
    video: 4_000 * MB,
    document: 500 * MB,
  },
  pixels: 150_000_000,
};

export interface MediaLimitsInput {
  bytes?: Partial<Record<MediaKind, number>>;
  pixels?: number;
}

export function resolveLimits(input: MediaLimitsInput | undefined): MediaLimits {
  return {
    bytes: { ...DEFAULT_MEDIA_LIMITS.bytes, ...input?.bytes },
    pixels: input?.pixels ?? DEFAULT_MEDIA_LIMITS.pixels,
  };
}
