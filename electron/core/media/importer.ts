import { randomBytes } from 'node:crypto';
import { mkdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { mediaPath, MediaAsset, thumbnailPath } from '../../../shared/domain';
import { AppError, toAppError } from '../../../shared/errors';
import { DISK_CODES, diskWriteError, errnoOf } from '../library/disk-errors';
import { faultPoint, fsyncDir, writeFileAtomic } from '../library/fs-atomic';
import { probeAudioVideo } from './av-probe';
import { copyAndHash, CopyLimitExceeded, SourceReadError } from './copy';
import {
  cancelled,
  changedDuringImport,
  corrupt,
  empty,
  libraryMissing,
  notAFile,
  tooLargeBytes,
  tooManyPixels,
  undecodable,
  unreadable,
  unsupported,
} from './errors';
import { detectFormat, type MediaFormat } from './formats';
import { makeThumbnail, readImageHeader, type ImageHeader, type Thumbnail } from './image';
import { resolveLimits, type MediaLimits, type MediaLimitsInput } from './limits';
import { readImageMetadata, type ImportMetadata } from './metadata';
import { displayName } from './names';
import { probePdf } from './pdf-probe';
import { ensureThumbnail } from './thumbnail';
import { exists, placeNoReplace } from './place';

export type ImportResult =
  | { status: 'imported'; asset: MediaAsset; metadata: ImportMetadata }
  | { status: 'duplicate'; asset: MediaAsset }
  | { status: 'rejected'; error: AppError };

export interface BatchEntry {
  sourcePath: string;
  result: ImportResult;
}

export interface ImportProgress {
  done: number;
  total: number;
  /** The source path that just finished. */
  current: string;
  result: ImportResult;
}

export interface ImportFilesOptions {
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  /** Files imported at once; defaults to the number of cores. */
  concurrency?: number;
}

export interface MediaImporter {
  /** Never throws for a bad or unreadable file: the problem comes back as `rejected`. */
  importFile(sourcePath: string, options?: { signal?: AbortSignal }): Promise<ImportResult>;
  /**
   * Imports many files; results are in the order of `paths`. A bad file yields a rejected entry
   * and the batch goes on. After an abort no new file is started, files in flight stop at their
   * next step, and every file not imported gets a `CANCELLED` rejection.
   */
  importFiles(paths: readonly string[], options?: ImportFilesOptions): Promise<BatchEntry[]>;
}

export interface MediaImporterOptions {
  libraryDir: string;
  limits?: MediaLimitsInput;
}

/** Temp files of imports in progress; only ever inside the library, never next to the source. */
export const INCOMING_DIR = 'media/.incoming';

interface Facts {
  width?: number;
  height?: number;
  duration?: number;
  pages?: number;
}

interface Inspected {
  format: MediaFormat;
  header?: ImageHeader;
}

/** The library's disk failed (full, I/O error, read-only): cause, remedy, and that nothing changed. */
function libraryUnwritable(name: string, error: unknown): AppError {
  return diskWriteError(
    error,
    {
      de: `${name} konnte nicht in die Bibliothek importiert werden`,
      en: `${name} could not be imported into the library`,
    },
    {
      unchanged: {
        de: 'Die Bibliothek ist unverändert.',
        en: 'The library is unchanged.',
      },
    },
  );
}

function isHeif(format: MediaFormat): boolean {
  return format.ext === 'heic';
}

/**
 * What the file is, and whether it is within limits, from its first bytes and (for images) its
 * header. Runs on the source first to refuse early without copying, and again on the copy,
 * which is the authority: what is stored is what was checked.
 */
async function inspect(
  file: string,
  name: string,
  size: number,
  limits: MediaLimits,
): Promise<Inspected> {
  const detection = await detectFormat(file);
  if (!detection.ok) throw unsupported(name, detection.detected);
  let format = detection.format;
  const limit = limits.bytes[format.kind];
  if (size > limit) throw tooLargeBytes(name, size, limit);
  if (format.kind !== 'image') return { format };
  let header: ImageHeader;
  try {
    header = await readImageHeader(file);
  } catch (error) {
    throw isHeif(format)
      ? undecodable(name, format.mime, error)
      : corrupt(name, format.mime, error);
  }
  // file-type names every ISO image file with a `mif1` brand HEIF; many AVIFs carry that brand.
  if (isHeif(format) && header.compression === 'av1')
    format = { kind: 'image', mime: 'image/avif', ext: 'avif' };
  if (header.width * header.height > limits.pixels) {
    throw tooManyPixels(name, header.width, header.height, limits.pixels);
  }
  return { format, header };
}

async function factsFor(file: string, inspected: Inspected): Promise<Facts> {
  const { format, header } = inspected;
  if (header) return { width: header.orientedWidth, height: header.orientedHeight };
  if (format.kind === 'document') {
    const pdf = await probePdf(file);
    return pdf.pages ? { pages: pdf.pages } : {};
  }
  return probeAudioVideo(file, format.ext);
}

export function createMediaImporter(options: MediaImporterOptions): MediaImporter {
  const libraryDir = path.resolve(options.libraryDir);
  const limits = resolveLimits(options.limits);

  async function importFile(
    sourcePath: string,
    opts: { signal?: AbortSignal } = {},
  ): Promise<ImportResult> {
    const { signal } = opts;
    const name = displayName(sourcePath);
    let temp: string | undefined;
    // What this import has put into the library, removed again if a later step fails.
    const written: string[] = [];
    try {
      signal?.throwIfAborted();
      try {
        if (!(await stat(libraryDir)).isDirectory()) throw libraryMissing(libraryDir);
      } catch (error) {
        throw error instanceof AppError ? error : libraryMissing(libraryDir, error);
      }
      let size: number;
      try {
        const info = await stat(sourcePath);
        if (!info.isFile()) throw notAFile(name);
        size = info.size;
      } catch (error) {
        throw error instanceof AppError ? error : unreadable(name, error);
      }
      if (size === 0) throw empty(name);
      let early: Inspected;
      try {
        early = await inspect(sourcePath, name, size, limits);
      } catch (error) {
        throw error instanceof AppError ? error : unreadable(name, error);
      }

      const incoming = path.join(libraryDir, INCOMING_DIR);
      await faultPoint('mkdir', incoming);
      await mkdir(incoming, { recursive: true });
      temp = path.join(incoming, `${randomBytes(12).toString('hex')}.part`);
      const copied = await copyAndHash(sourcePath, temp, {
        maxBytes: limits.bytes[early.format.kind],
        signal,
      });
      if (copied.bytes === 0) throw empty(name);
      const checked = await inspect(temp, name, copied.bytes, limits);
      if (checked.format.mime !== early.format.mime) throw changedDuringImport(name);
      const { format } = checked;

      const destination = path.join(
        libraryDir,
        mediaPath({ sha256: copied.sha256, ext: format.ext }),
      );
      const asset = (facts: Facts): MediaAsset => {
        const candidate: MediaAsset = {
          sha256: copied.sha256,
          originalName: name,
          mime: format.mime,
          ext: format.ext,
          kind: format.kind,
          bytes: copied.bytes,
          ...facts,
        };
        return MediaAsset.parse(candidate);
      };

      if (await exists(destination)) {
        const facts = await factsFor(temp, checked);
        const dup = asset(facts);
        // A library copied without its thumbnails heals itself on the next import of the file.
        await ensureThumbnail(libraryDir, dup, { maxPixels: limits.pixels }).catch(() => undefined);
        return { status: 'duplicate', asset: dup };
      }

      let thumbnail: Thumbnail | undefined;
      let metadata: ImportMetadata = {};
      if (format.kind === 'image') {
        try {
          thumbnail = await makeThumbnail(temp, limits.pixels);
        } catch (error) {
          throw isHeif(format)
            ? undecodable(name, format.mime, error)
            : corrupt(name, format.mime, error);
        }
        metadata = await readImageMetadata(temp);
      } else if (format.kind === 'document') {
        const pdf = await probePdf(temp);
        if (pdf.title) metadata.title = pdf.title;
        if (pdf.author) metadata.creator = pdf.author;
      }
      const facts = await factsFor(temp, checked);
      const result = asset(facts);
      signal?.throwIfAborted();

      await faultPoint('mkdir', path.dirname(destination));
      await mkdir(path.dirname(destination), { recursive: true });
      if (thumbnail) {
        const thumbFile = path.join(libraryDir, thumbnailPath(copied.sha256));
        await faultPoint('mkdir', path.dirname(thumbFile));
        await mkdir(path.dirname(thumbFile), { recursive: true });
        // A thumbnail left from before (its media file deleted) is not ours to remove.
        // Listed before writing: a failure after the rename (syncing the folder) leaves it there.
        if (!(await exists(thumbFile))) written.push(thumbFile);
        await writeFileAtomic(thumbFile, thumbnail.data);
      }
      const placed = await placeNoReplace(temp, destination);
      if (!placed) return { status: 'duplicate', asset: result };
      written.push(destination);
      await fsyncDir(path.dirname(destination));
      return { status: 'imported', asset: result, metadata };
    } catch (error) {
      // Nothing half-imported stays: no orphaned media file or thumbnail after a failed step.
      for (const file of written.reverse()) await rm(file, { force: true }).catch(() => undefined);
      if (signal?.aborted) return { status: 'rejected', error: cancelled(name) };
      if (error instanceof CopyLimitExceeded) {
        return { status: 'rejected', error: tooLargeBytes(name, error.bytes, error.limit) };
      }
      if (error instanceof SourceReadError)
        return { status: 'rejected', error: unreadable(name, error.cause) };
      if (!(error instanceof AppError) && DISK_CODES.has(errnoOf(error) ?? ''))
        return { status: 'rejected', error: libraryUnwritable(name, error) };
      return { status: 'rejected', error: toAppError(error) };
    } finally {
      if (temp) await rm(temp, { force: true }).catch(() => undefined);
    }
  }

  async function importFiles(
    paths: readonly string[],
    opts: ImportFilesOptions = {},
  ): Promise<BatchEntry[]> {
    const { onProgress, signal } = opts;
    const total = paths.length;
    const entries: (BatchEntry | undefined)[] = new Array(total);
    const concurrency = Math.max(
      1,
      Math.min(opts.concurrency ?? os.availableParallelism(), 32, total || 1),
    );
    let next = 0;
    let done = 0;
    let callbackError: { error: unknown } | undefined;

    const worker = async (): Promise<void> => {
      for (;;) {
        if (signal?.aborted) return;
        const index = next++;
        if (index >= total) return;
        const sourcePath = paths[index]!;
        const result = await importFile(sourcePath, signal ? { signal } : {});
        entries[index] = { sourcePath, result };
        done++;
        try {
          onProgress?.({ done, total, current: sourcePath, result });
        } catch (error) {
          callbackError ??= { error };
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    if (callbackError) throw callbackError.error;
    return paths.map(
      (sourcePath, i) =>
        entries[i] ?? {
          sourcePath,
          result: { status: 'rejected', error: cancelled(displayName(sourcePath)) },
        },
    );
  }

  return { importFile, importFiles };
}
