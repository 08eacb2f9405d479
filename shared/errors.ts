/**
 * One error type for the whole app. Every failure a person can see carries a stable code (for
 * tests, logs and programmatic handling) and a message in German and English, because the
 * international office works in both and a message must be actionable in either.
 */
export type ErrorCode =
  | 'LIBRARY_NOT_FOUND'
  | 'LIBRARY_EXISTS'
  | 'LIBRARY_LOCKED'
  | 'LIBRARY_READ_ONLY'
  | 'FILE_UNREADABLE'
  | 'FILE_EMPTY'
  | 'FILE_TOO_LARGE'
  | 'FILE_INVALID_JSON'
  | 'FILE_INVALID_DATA'
  | 'FILE_UNWRITABLE'
  | 'VERSION_UNSUPPORTED'
  | 'NO_VALID_BACKUP'
  | 'NOT_FOUND'
  | 'DUPLICATE_ID'
  | 'REFERENCE_MISSING'
  | 'IN_USE'
  | 'INVALID_INPUT'
  | 'MEDIA_UNSUPPORTED'
  | 'MEDIA_CORRUPT'
  | 'MEDIA_TOO_LARGE'
  | 'MEDIA_DUPLICATE'
  | 'PATH_REJECTED'
  | 'EXPORT_TARGET_NOT_EMPTY'
  | 'EXPORT_BLOCKED'
  | 'CANCELLED'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'INTERNAL'
  // Publishing to a server (electron/core/publish).
  | 'PUBLISH_TARGET_INVALID'
  | 'PUBLISH_UNREACHABLE'
  | 'PUBLISH_AUTH_FAILED'
  | 'PUBLISH_HOST_KEY_UNKNOWN'
  | 'PUBLISH_HOST_KEY_CHANGED'
  | 'PUBLISH_NO_WRITE'
  | 'PUBLISH_FAILED';

export type UiLanguage = 'de' | 'en';

export interface Messages {
  de: string;
  en: string;
}

/** Where in a file or document a problem sits; all optional because not every error has one. */
export interface ErrorLocation {
  file?: string;
  line?: number;
  column?: number;
  /** A data path such as `items[12].rights`. */
  path?: string;
}

export interface ErrorData {
  code: ErrorCode;
  message: string;
  location?: ErrorLocation;
  details?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messages: Messages;
  readonly location?: ErrorLocation;
  readonly details?: unknown;

  constructor(
    code: ErrorCode,
    messages: Messages,
    options: { location?: ErrorLocation; details?: unknown; cause?: unknown } = {},
  ) {
    super(messages.en, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.messages = messages;
    if (options.location) this.location = options.location;
    if (options.details !== undefined) this.details = options.details;
  }

  messageIn(lang: UiLanguage): string {
    return this.messages[lang];
  }

  /** The form that crosses IPC and HTTP: plain data, message already in the user's language. */
  toData(lang: UiLanguage): ErrorData {
    const data: ErrorData = { code: this.code, message: this.messages[lang] };
    if (this.location) data.location = this.location;
    if (this.details !== undefined) data.details = this.details;
    return data;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Wraps anything thrown into an AppError so callers handle one shape; keeps the cause for logs. */
export function toAppError(value: unknown): AppError {
  if (value instanceof AppError) return value;
  const text = value instanceof Error ? value.message : String(value);
  return new AppError(
    'INTERNAL',
    {
      de: `Unerwarteter Fehler: ${text}`,
      en: `Unexpected error: ${text}`,
    },
    { cause: value },
  );
}

/** "A • B" in both languages; used when listing places, files or reasons in one message. */
export function formatLocation(loc: ErrorLocation | undefined): string {
  if (!loc) return '';
  const parts: string[] = [];
  if (loc.file) parts.push(loc.file);
  if (loc.line !== undefined) parts.push(`${loc.line}:${loc.column ?? 1}`);
  if (loc.path) parts.push(loc.path);
  return parts.join(' ');
}
