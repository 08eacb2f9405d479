import { realpath } from 'node:fs/promises';
import path from 'node:path';

/**
 * "Is this path inside that folder?" in one place. Every file that a URL, a table cell, an
 * upload or a recent-list entry names goes through here before it is read or written, so the
 * rule is written once: compare after resolving, by path segments, never by string prefix
 * (`/lib-old` is not inside `/lib`), and a name that merely starts with two dots (`..notes`)
 * is still inside. `path` is the platform's by default; tests pass `path.win32` to check
 * drive letters, backslashes and Windows' case-insensitive comparison on any machine.
 */
export interface InsideOptions {
  /** Count the folder itself as inside (default: only what is below it). */
  orSame?: boolean;
  path?: path.PlatformPath;
}

export function isInside(root: string, candidate: string, options: InsideOptions = {}): boolean {
  const p = options.path ?? path;
  const rel = p.relative(p.resolve(root), p.resolve(candidate));
  if (rel === '') return options.orSame ?? false;
  if (p.isAbsolute(rel)) return false; // another drive on Windows
  return rel !== '..' && !rel.startsWith(`..${p.sep}`);
}

/**
 * The real path of `candidate` if it exists and, after following every symbolic link of both,
 * lies inside `root`; otherwise null. For serving files: a link inside the folder that points
 * outside it is refused, and a missing file is simply not there.
 */
export async function realPathInside(
  root: string,
  candidate: string,
  options: { orSame?: boolean } = {},
): Promise<string | null> {
  try {
    const [realRoot, real] = await Promise.all([realpath(root), realpath(candidate)]);
    return isInside(realRoot, real, options) ? real : null;
  } catch {
    return null;
  }
}
