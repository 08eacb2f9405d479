import { AppError } from '../../../shared/errors';

/** Bilingual errors of the media import, kept together so the wording stays consistent. */

export function unsupported(name: string, detected: string | undefined, cause?: unknown): AppError {
  const what = detected ?? 'unbekannt / unknown';
  return new AppError(
    'MEDIA_UNSUPPORTED',
    {
      de: `„${name}“ ist kein Bild, keine Audio-, Video- oder PDF-Datei (erkannt: ${detected ?? 'unbekannt'}).`,
      en: `“${name}” is not an image, audio, video or PDF file (detected: ${detected ?? 'unknown'}).`,
    },
    { details: { detected: what }, cause },
  );
}

export function undecodable(name: string, mime: string, cause?: unknown): AppError {
  return new AppError(
    'MEDIA_UNSUPPORTED',
    {
      de: `„${name}“ (${mime}) kann auf diesem Gerät nicht gelesen werden. Bitte als JPEG oder PNG speichern und erneut importieren.`,
      en: `“${name}” (${mime}) cannot be read on this computer. Please save it as JPEG or PNG and import it again.`,
    },
    { details: { detected: mime }, cause },
  );
}

export function empty(name: string): AppError {
  return new AppError('FILE_EMPTY', {
    de: `„${name}“ ist leer (0 Bytes).`,
    en: `“${name}” is empty (0 bytes).`,
  });
}

export function unreadable(name: string, cause?: unknown): AppError {
  return new AppError(
    'FILE_UNREADABLE',
    {
      de: `„${name}“ kann nicht gelesen werden.`,
      en: `“${name}” cannot be read.`,
    },
    { cause },
  );
}

export function notAFile(name: string): AppError {
  return new AppError('FILE_UNREADABLE', {
    de: `„${name}“ ist keine Datei.`,
    en: `“${name}” is not a file.`,
  });
}

function megabytes(bytes: number, locale: 'de' | 'en'): string {
  return `${Math.round(bytes / 1e6).toLocaleString(locale)} MB`;
}

export function tooLargeBytes(name: string, bytes: number, limit: number): AppError {
  return new AppError(
    'MEDIA_TOO_LARGE',
    {
      de: `„${name}“ ist mit ${megabytes(bytes, 'de')} zu groß (höchstens ${megabytes(limit, 'de')}).`,
      en: `“${name}” is too large at ${megabytes(bytes, 'en')} (at most ${megabytes(limit, 'en')}).`,
    },
    { details: { bytes, limit } },
  );
}

export function tooManyPixels(
  name: string,
  width: number,
  height: number,
  limit: number,
): AppError {
  const mp = (width * height) / 1e6;
  const shown = (locale: 'de' | 'en') =>
    mp.toLocaleString(locale, { maximumFractionDigits: mp >= 100 ? 0 : 1 });
  const max = Math.round(limit / 1e6);
  return new AppError(
    'MEDIA_TOO_LARGE',
    {
      de: `„${name}“ ist mit ${width} × ${height} Pixeln (${shown('de')} Megapixel) zu groß (höchstens ${max} Megapixel).`,
      en: `“${name}” is too large at ${width} × ${height} pixels (${shown('en')} megapixels; at most ${max} megapixels).`,
    },
    { details: { width, height, limit } },
  );
}

export function corrupt(name: string, mime: string, cause?: unknown): AppError {
  const reason = cause instanceof Error ? cause.message : undefined;
  return new AppError(
    'MEDIA_CORRUPT',
    {
      de: `„${name}“ ist beschädigt oder unvollständig (${mime}) und wurde nicht importiert.`,
      en: `“${name}” is damaged or incomplete (${mime}) and was not imported.`,
    },
    { details: reason ? { reason } : undefined, cause },
  );
}

export function changedDuringImport(name: string): AppError {
  return new AppError('FILE_UNREADABLE', {
    de: `„${name}“ hat sich während des Imports geändert. Bitte erneut importieren.`,
    en: `“${name}” changed while it was being imported. Please import it again.`,
  });
}

export function cancelled(name: string): AppError {
  return new AppError('CANCELLED', {
    de: `Import von „${name}“ abgebrochen.`,
    en: `Import of “${name}” cancelled.`,
  });
}

export function libraryMissing(dir: string, cause?: unknown): AppError {
  return new AppError(
    'LIBRARY_NOT_FOUND',
    {
      de: `Die Bibliothek wurde nicht gefunden: ${dir}`,
      en: `Library not found: ${dir}`,
    },
    { cause },
  );
}

export function pathRejected(de: string, en: string): AppError {
  return new AppError(
    'PATH_REJECTED',
    { de: `Pfad abgelehnt: ${de}`, en: `Path rejected: ${en}` },
    { details: { reason: en } },
  );
}

export function mediaNotFound(relPath: string): AppError {
  return new AppError('NOT_FOUND', {
    de: `Mediendatei nicht gefunden: ${relPath}`,
    en: `Media file not found: ${relPath}`,
  });
}
