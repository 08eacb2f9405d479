import type { ErrorCode, ErrorData } from '../errors';

/**
 * What every call answers, over every transport. Errors travel as data because Electron keeps
 * only an error's message across `invoke` (and contextBridge drops custom properties), so a code
 * the page can act on must be part of the value.
 */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

export function ok<T>(value: T): ApiResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: ErrorData): ApiResult<T> {
  return { ok: false, error };
}

/** Thrown by `createApiClient` when a call answers an error envelope. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly data: ErrorData;

  constructor(data: ErrorData) {
    super(data.message);
    this.name = 'ApiCallError';
    this.code = data.code;
    this.data = data;
  }
}

/** Rough shape check for values that crossed a transport (JSON, structured clone). */
export function isApiResult(value: unknown): value is ApiResult<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (v.ok === true) return 'value' in v;
  if (v.ok === false)
    return typeof v.error?.code === 'string' && typeof v.error?.message === 'string';
  return false;
}
