import { fileTypeFromFile } from 'file-type';
import type { MediaKind } from '../../../shared/domain';

/** A format we accept, with the mime and extension we store (normalized, one per format). */
export interface MediaFormat {
  kind: MediaKind;
  mime: string;
  ext: string;
}

/**
 * Allowlist keyed by file-type's `ext`. Anything not listed is refused, however it is named:
 * the extension of the source never decides what a file is.
 */
const FORMATS: Readonly<Record<string, MediaFormat>> = {
  jpg: { kind: 'image', mime: 'image/jpeg', ext: 'jpg' },
  png: { kind: 'image', mime: 'image/png', ext: 'png' },
  apng: { kind: 'image', mime: 'image/png', ext: 'png' },
  webp: { kind: 'image', mime: 'image/webp', ext: 'webp' },
  tif: { kind: 'image', mime: 'image/tiff', ext: 'tif' },
  gif: { kind: 'image', mime: 'image/gif', ext: 'gif' },
  avif: { kind: 'image', mime: 'image/avif', ext: 'avif' },
  heic: { kind: 'image', mime: 'image/heic', ext: 'heic' },
  mp3: { kind: 'audio', mime: 'audio/mpeg', ext: 'mp3' },
  wav: { kind: 'audio', mime: 'audio/wav', ext: 'wav' },
  ogg: { kind: 'audio', mime: 'audio/ogg', ext: 'ogg' },
  oga: { kind: 'audio', mime: 'audio/ogg', ext: 'oga' },
  opus: { kind: 'audio', mime: 'audio/ogg', ext: 'opus' },
  flac: { kind: 'audio', mime: 'audio/flac', ext: 'flac' },
  m4a: { kind: 'audio', mime: 'audio/mp4', ext: 'm4a' },
  aac: { kind: 'audio', mime: 'audio/aac', ext: 'aac' },
  mp4: { kind: 'video', mime: 'video/mp4', ext: 'mp4' },
  m4v: { kind: 'video', mime: 'video/mp4', ext: 'm4v' },
  webm: { kind: 'video', mime: 'video/webm', ext: 'webm' },
  mov: { kind: 'video', mime: 'video/quicktime', ext: 'mov' },
  pdf: { kind: 'document', mime: 'application/pdf', ext: 'pdf' },
};

export type Detection =
  { ok: true; format: MediaFormat; detected: string } | { ok: false; detected: string | undefined };

/** Reads the first few KB of the file and decides by content alone. */
export async function detectFormat(filePath: string): Promise<Detection> {
  const result = await fileTypeFromFile(filePath);
  if (!result) return { ok: false, detected: undefined };
  const format = FORMATS[result.ext];
  // file-type reports HEIF sequences (bursts, live photos) with the same extension as stills.
  if (!format || result.mime.endsWith('-sequence')) return { ok: false, detected: result.mime };
  return { ok: true, format, detected: result.mime };
}
