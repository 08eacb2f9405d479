import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { MAX_DROPPED_FILES, type MediaImportResult } from '../../../shared/api';
import { AppError, type UiLanguage } from '../../../shared/errors';
import { DEFAULT_MEDIA_LIMITS } from '../media/limits';
import { displayName } from '../media/names';

export interface DroppedLimits {
  /** Most files per drop. */
  maxFiles: number;
  /** Largest single file, in bytes; the importer applies its per-kind limits afterwards. */
  maxBytes: number;
}

export const DEFAULT_DROPPED_LIMITS: DroppedLimits = {
  maxFiles: MAX_DROPPED_FILES,
  maxBytes: Math.max(...Object.values(DEFAULT_MEDIA_LIMITS.bytes)),
};

const MAX_PATH_CHARS = 4096;

/*
 * What the preload sends on IPC_IMPORT_PATHS_CHANNEL. `path` is '' for a File that is not on
 * disk (built in script, dragged from another app's memory); `name` is display text only.
 */
const DroppedInput = z.strictObject({
  files: z
    .array(
      z.strictObject({
        path: z.string().max(MAX_PATH_CHARS),
        name: z.string().max(MAX_PATH_CHARS),
      }),
    )
    .min(1),
});

export interface DroppedCheck {
  /** Absolute, normalised paths of regular files, each once, in the order dropped. */
  paths: string[];
  /** Dropped entries refused here, reported per file like the importer's rejections. */
  failed: MediaImportResult['failed'];
}

function invalid(): AppError {
  return new AppError('INVALID_INPUT', {
    de: 'Ungültige Liste abgelegter Dateien.',
    en: 'Invalid list of dropped files.',
  });
}

/**
 * Checks what the preload says was dropped before any of it reaches the importer. Only the
 * preload uses this channel, so a malformed message (not the expected shape, too many files,
 * a relative path or a NUL byte) refuses the whole batch; a path that is fine in form but is no
 * regular file (a folder, a device, gone since the drop) or is too large fails that file only.
 */
export async function checkDroppedFiles(
  input: unknown,
  lang: UiLanguage,
  limits: DroppedLimits = DEFAULT_DROPPED_LIMITS,
): Promise<DroppedCheck> {
  const parsed = DroppedInput.safeParse(input);
  if (!parsed.success) throw invalid();
  const { files } = parsed.data;
  if (files.length > limits.maxFiles) {
    throw new AppError('INVALID_INPUT', {
      de: `Höchstens ${limits.maxFiles} Dateien auf einmal ablegen.`,
      en: `Drop at most ${limits.maxFiles} files at once.`,
    });
  }
  for (const { path } of files) {
    if (path.includes('\0') || (path !== '' && !isAbsolute(path))) throw invalid();
  }
  const paths: string[] = [];
  const failed: MediaImportResult['failed'] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const name = displayName(file.path || file.name);
    if (file.path === '') {
      failed.push({
        name,
        error: new AppError('FILE_UNREADABLE', {
          de: `${name}: Diese Datei liegt nicht auf dem Datenträger und kann nicht importiert werden.`,
          en: `${name}: this file is not on disk and cannot be imported.`,
        }).toData(lang),
      });
      continue;
    }
    const path = resolve(file.path);
    if (seen.has(path)) continue;
    seen.add(path);
    const info = await stat(path).catch(() => null);
    if (!info || !info.isFile()) {
      failed.push({
        name,
        error: new AppError('FILE_UNREADABLE', {
          de: `${name}: Das ist keine Datei (oder sie ist nicht mehr da). Ordner werden nicht importiert.`,
          en: `${name}: this is not a file (or it is gone). Folders are not imported.`,
        }).toData(lang),
      });
      continue;
    }
    if (info.size > limits.maxBytes) {
      failed.push({
        name,
        error: new AppError('MEDIA_TOO_LARGE', {
          de: `${name}: Die Datei ist zu groß.`,
          en: `${name}: the file is too large.`,
        }).toData(lang),
      });
      continue;
    }
    paths.push(path);
  }
  return { paths, failed };
}
