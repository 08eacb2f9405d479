import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../fs/inside';
import { mediaNotFound, pathRejected } from './errors';

/** One path segment of a media file: what our content-addressed names can look like, nothing more. */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const MAX_LENGTH = 1024;

/**
 * Turns a library-relative media path (as made by `mediaPath()` / `thumbnailPath()`, e.g.
 * `media/ab/ab12….jpg`) into an absolute path, for the Electron media protocol and the web host.
 *
 * Security: the path comes from a URL, so it is treated as hostile. Percent-decoding is the
 * caller's job and happens exactly once; what arrives here must already look like one of our
 * names: `/`-separated segments of letters, digits, `.`, `_`, `-`, starting with `media/`.
 * Rejected outright (PATH_REJECTED): absolute paths, drive letters and `:` (also Windows
 * alternate data streams), backslashes, `%` (left over from double encoding), NUL and control
 * characters, empty, `.` and `..` segments, and segments starting with a dot (temp files in
 * `media/.incoming` are never served). After that, the real path (all symlinks resolved) must
 * still lie inside the real `<libraryDir>/media`, so a symlink planted in `media/` cannot lead
 * out of it. A missing file is NOT_FOUND; anything but a regular file is PATH_REJECTED.
 * Returns the real path, so the caller opens exactly what was checked.
 */
export async function resolveMediaFile(libraryDir: string, relPath: string): Promise<string> {
  if (typeof relPath !== 'string' || relPath.length === 0 || relPath.length > MAX_LENGTH) {
    throw pathRejected('leer oder zu lang', 'empty or too long');
  }
  if (relPath.startsWith('/') || path.isAbsolute(relPath) || path.win32.isAbsolute(relPath)) {
    throw pathRejected('absoluter Pfad', 'absolute path');
  }
  if (/[\\:%\u0000-\u001f\u007f]/.test(relPath)) {
    throw pathRejected('unerlaubte Zeichen', 'forbidden characters');
  }
  const segments = relPath.split('/');
  if (segments[0] !== 'media' || segments.length < 2) {
    throw pathRejected('nicht im Medienordner', 'not inside the media folder');
  }
  for (const segment of segments) {
    if (segment === '..' || segment === '.')
      throw pathRejected('„..“ oder „.“ im Pfad', '“..” or “.” in path');
    if (!SEGMENT.test(segment))
      throw pathRejected('unerlaubter Pfadteil', 'forbidden path segment');
  }

  const mediaRoot = path.resolve(libraryDir, 'media');
  const candidate = path.resolve(libraryDir, ...segments);
  // Defence in depth: the checks above already make this impossible.
  if (!isInside(mediaRoot, candidate))
    throw pathRejected('außerhalb des Medienordners', 'outside the media folder');

  let realRoot: string;
  let realCandidate: string;
  try {
    realRoot = await realpath(mediaRoot);
    realCandidate = await realpath(candidate);
  } catch (error) {
    const code =
      typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw mediaNotFound(relPath);
    throw pathRejected('nicht auflösbar', 'cannot be resolved');
  }
  if (!isInside(realRoot, realCandidate)) {
    throw pathRejected(
      'Verknüpfung führt aus dem Medienordner',
      'link leads outside the media folder',
    );
  }
  if (!(await stat(realCandidate)).isFile()) throw pathRejected('keine Datei', 'not a file');
  return realCandidate;
}
