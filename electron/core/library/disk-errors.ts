import { AppError, type Messages } from '../../../shared/errors';

/** The system error code of a failed file operation, if it has one. */
export function errnoOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

/** Failures of the disk or folder rather than of our data: they get a message that names them. */
export const DISK_CODES = new Set(['ENOSPC', 'EDQUOT', 'EIO', 'EROFS', 'EACCES', 'EPERM']);

/** Cause and what to do, per code, so a person knows whether to free space, check the stick, … */
function causeAndRemedy(code: string | undefined): Messages {
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return {
        de: 'Der Datenträger ist voll. Geben Sie Speicherplatz frei (oder wählen Sie einen anderen Ort) und versuchen Sie es erneut.',
        en: 'The disk is full. Free some space (or choose another place) and try again.',
      };
    case 'EIO':
      return {
        de: 'Der Datenträger meldet einen Lese-/Schreibfehler. Prüfen Sie den Datenträger oder seine Verbindung (USB-Stick, Netzlaufwerk) und versuchen Sie es erneut.',
        en: 'The disk reports an input/output error. Check the disk or its connection (USB stick, network drive) and try again.',
      };
    case 'EROFS':
      return {
        de: 'Der Datenträger ist schreibgeschützt. Heben Sie den Schreibschutz auf oder kopieren Sie die Dateien an einen beschreibbaren Ort.',
        en: 'The disk is read-only. Remove the write protection or copy the files to a writable place.',
      };
    case 'EACCES':
    case 'EPERM':
      return {
        de: 'Für den Ordner fehlt die Schreibberechtigung. Prüfen Sie die Zugriffsrechte oder wählen Sie einen anderen Ordner.',
        en: 'There is no permission to write to the folder. Check the access rights or choose another folder.',
      };
    default:
      return {
        de: 'Prüfen Sie, ob der Datenträger voll oder schreibgeschützt ist, und versuchen Sie es erneut.',
        en: 'Check whether the disk is full or write-protected, and try again.',
      };
  }
}

/**
 * An AppError for a write that failed: what failed, the cause in words with its code, and what to
 * do. `unchanged` adds that nothing was changed, which the callers guarantee by rolling back.
 */
export function diskWriteError(
  error: unknown,
  what: Messages,
  options: { unchanged?: Messages } = {},
): AppError {
  if (error instanceof AppError) return error;
  const code = errnoOf(error);
  const cause = causeAndRemedy(code);
  const tag = code ? ` (${code})` : '';
  const unchanged = options.unchanged
    ? { de: ` ${options.unchanged.de}`, en: ` ${options.unchanged.en}` }
    : { de: '', en: '' };
  return new AppError(
    'FILE_UNWRITABLE',
    {
      de: `${what.de}${tag}. ${cause.de}${unchanged.de}`,
      en: `${what.en}${tag}. ${cause.en}${unchanged.en}`,
    },
    { cause: error, details: { errno: code ?? null } },
  );
}
