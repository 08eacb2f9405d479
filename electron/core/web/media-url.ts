import { isAbsolute } from 'node:path';

/**
 * Turns the part of a media URL after `/media/` into a path inside the library, or null.
 *
 * Security decision: this runs before any file system access, on both transports (the Electron
 * protocol and the web host), and is deliberately stricter than the file names Vitrine writes
 * need: media files are named by content hash, so a segment is `[A-Za-z0-9._-]` and nothing else.
 * The raw text is percent-decoded exactly once; an encoded slash or backslash (`%2f`, `%5c`), a
 * `%` left after decoding (double encoding such as `%252e`), NUL, a backslash, an absolute or
 * drive-letter path, and any `.`/`..`/empty segment are refused. Only files below `media/` are
 * reachable, so the route cannot read the library's data files. The result then goes through
 * `resolveMediaFile` (core/media), which checks the same rules again and compares real paths,
 * so a symlink leading out of the library is refused.
 */
export function mediaUrlToRelPath(rawPath: string): string | null {
  if (rawPath.length === 0 || rawPath.length > 1024) return null;
  if (/%(2f|5c|00)/i.test(rawPath)) return null;
  if (rawPath.includes('\\') || rawPath.includes('\0')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('%') || decoded.includes('\\') || decoded.includes('\0')) return null;
  if (decoded.startsWith('/') || /^[a-zA-Z]:/.test(decoded) || isAbsolute(decoded)) return null;
  const segments = decoded.split('/');
  if (segments[0] !== 'media' || segments.length < 2) return null;
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') return null;
    if (!/^[A-Za-z0-9._-]+$/.test(segment)) return null;
  }
  return segments.join('/');
}
