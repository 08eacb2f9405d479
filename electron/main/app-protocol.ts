import { APP_HOST, APP_SCHEME, WEB_MEDIA_PREFIX } from '../../shared/api';
import { mediaUrlToRelPath } from '../core/web/media-url';

/** What a `vitrine://` request asks for, decided before anything touches the disk. */
export type AppRequest =
  | { kind: 'renderer'; segments: string[] }
  | { kind: 'media'; relPath: string }
  | { kind: 'reject'; status: 400 | 403 | 404 | 405 };

/**
 * Security decision: the `vitrine://` protocol serves two things only — the built renderer
 * (`vitrine://app/…`, plain file-name segments, `/` → index.html) and library media
 * (`vitrine://app/media/…`, through `mediaUrlToRelPath` and then `resolveMediaFile`, which compares
 * real paths so symlinks cannot lead out). Other hosts, methods, encoded separators and dot
 * segments are refused. Same-origin media keeps the CSP at `img-src 'self'`.
 */
export function classifyAppRequest(rawUrl: string, method = 'GET'): AppRequest {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'reject', status: 405 };
  // Read the raw path ourselves: `new URL` would already resolve `..` and decode some escapes.
  const prefix = `${APP_SCHEME}://${APP_HOST}`;
  if (!rawUrl.toLowerCase().startsWith(prefix)) return { kind: 'reject', status: 403 };
  let rest = rawUrl.slice(prefix.length);
  if (rest === '') rest = '/';
  if (!rest.startsWith('/')) return { kind: 'reject', status: 403 };
  const cut = rest.search(/[?#]/);
  const path = cut >= 0 ? rest.slice(0, cut) : rest;
  if (path.startsWith(WEB_MEDIA_PREFIX)) {
    const relPath = mediaUrlToRelPath(path.slice(WEB_MEDIA_PREFIX.length));
    return relPath ? { kind: 'media', relPath } : { kind: 'reject', status: 403 };
  }
  if (path === '/' || path === '/index.html') return { kind: 'renderer', segments: ['index.html'] };
  if (/%|\\|\0/.test(path)) return { kind: 'reject', status: 404 };
  const segments = path.slice(1).split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || !/^[A-Za-z0-9._@-]+$/.test(s))) {
    return { kind: 'reject', status: 404 };
  }
  return { kind: 'renderer', segments };
}
