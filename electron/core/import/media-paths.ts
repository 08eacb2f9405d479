import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../fs/inside';

/**
 * Resolves a media cell (a file name or a relative path, `/` or `\`) inside the folder the
 * person chose, and only there: absolute paths, `..`, drive letters, NUL and symlinks that lead
 * out are refused. The real path is compared, so a link inside the folder cannot point outside.
 */
export type MediaLookup =
  | { status: 'found'; file: string }
  | { status: 'missing' }
  | { status: 'outside' }
  | { status: 'remote' };

export function createMediaResolver(folder: string) {
  const rootPromise = realpath(folder).catch(() => path.resolve(folder));
  const cache = new Map<string, Promise<MediaLookup>>();

  async function lookup(value: string): Promise<MediaLookup> {
    const text = value.trim();
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return { status: 'remote' };
    const normalized = text.replaceAll('\\', '/');
    if (
      normalized.includes('\0') ||
      normalized.startsWith('/') ||
      /^[a-z]:/i.test(normalized) ||
      normalized.split('/').includes('..')
    )
      return { status: 'outside' };
    const root = await rootPromise;
    const joined = path.resolve(root, ...normalized.split('/').filter((s) => s && s !== '.'));
    if (!isInside(root, joined)) return { status: 'outside' };
    let real: string;
    try {
      real = await realpath(joined);
    } catch {
      return { status: 'missing' };
    }
    if (!isInside(root, real)) return { status: 'outside' };
    try {
      if (!(await stat(real)).isFile()) return { status: 'missing' };
    } catch {
      return { status: 'missing' };
    }
    return { status: 'found', file: real };
  }

  return (value: string): Promise<MediaLookup> => {
    let hit = cache.get(value);
    if (!hit) cache.set(value, (hit = lookup(value)));
    return hit;
  };
}
