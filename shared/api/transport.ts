/**
 * Wire details both sides of each transport agree on. Kept here so the preload, main, the web
 * host and the renderer's web client cannot disagree about a name.
 */

/** Electron: one `ipcMain.handle` channel taking `(method, input)`. */
export const IPC_INVOKE_CHANNEL = 'vitrine:invoke';
/** Electron: main → renderer, `(eventName, payload)`. */
export const IPC_EVENT_CHANNEL = 'vitrine:event';

/** Web host: `POST /api/<method>` with a JSON body (the input), answers a JSON envelope. */
export const WEB_API_PREFIX = '/api/';
/** Web host: server-sent events; each message's `event:` is the event name, `data:` JSON payload. */
export const WEB_EVENTS_PATH = '/events';
/** Web host and Electron protocol: `GET /media/<path inside the library>`. */
export const WEB_MEDIA_PREFIX = '/media/';
/** Web host: the per-run token, in `?token=`, `Authorization: Bearer`, or this cookie. */
export const WEB_TOKEN_PARAM = 'token';
export const WEB_TOKEN_COOKIE = 'vitrine_token';
/** Web host: largest accepted request body. Larger → 413 with an error envelope. */
export const WEB_MAX_BODY_BYTES = 1024 * 1024;
/**
 * Web host: `POST /upload` with one file's raw bytes as the body (no name, no path: the name
 * travels later as display text in `media.importUploads`). Answers `{ uploadId }`.
 */
export const WEB_UPLOAD_PATH = '/upload';
/** Web host: largest accepted upload (the largest media limit, video). Larger → 413. */
export const WEB_MAX_UPLOAD_BYTES = 4_000_000_000;
/** Upload ids: 32 hex characters chosen by the host, the only thing that names an upload. */
export const UPLOAD_ID_PATTERN = /^[0-9a-f]{32}$/;

/** Electron: the renderer's origin (`vitrine://app/index.html`). */
export const APP_SCHEME = 'vitrine';
export const APP_HOST = 'app';
export const APP_ORIGIN = 'vitrine://app';

/**
 * Media URL prefix, the same on both transports: `MEDIA_BASE_URL + mediaPath(asset)` gives
 * `/media/media/ab/….jpg` — the prefix, then the file's path inside the library. Same-origin, so
 * the CSP's `img-src 'self'` covers it (`vitrine://app/media/…` in Electron,
 * `http://127.0.0.1:PORT/media/…` on the web host). Path segments may be percent-encoded once.
 */
export const MEDIA_BASE_URL = WEB_MEDIA_PREFIX;

/**
 * Electron: the preload's own channel for files dropped on the window, `({ files })` with each
 * file's path (from `webUtils.getPathForFile`, read inside the preload) and its name. Not part
 * of the contract, so neither `window.vitrine`'s generic methods nor the web host can reach it:
 * the page hands over `File` objects and never sees or sends a path. Main checks the sender,
 * validates every path (absolute, a regular file, count and size limits) and answers a
 * `MediaImportResult` envelope, like `media.importDialog`.
 */
export const IPC_IMPORT_PATHS_CHANNEL = 'vitrine:media.importPaths';
/** Most files one drop may import (the same bound as `media.importUploads`). */
export const MAX_DROPPED_FILES = 1000;
