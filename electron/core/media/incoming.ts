import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { TEMP_FILE } from '../library/fs-atomic';
import { INCOMING_DIR } from './importer';

async function names(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}

async function removeIfOlder(file: string, cutoff: number): Promise<boolean> {
  try {
    const info = await stat(file);
    if (!info.isFile() || info.mtimeMs > cutoff) return false;
    await rm(file, { force: true });
    return true;
  } catch {
    return false; // Vanished meanwhile: nothing to do.
  }
}

/**
 * Removes temp files that a crashed or killed import left behind: copies in `media/.incoming`
 * and half-written thumbnails (`.name.<hex>.tmp`) in `media/thumbs/xx/`. Imports clean up after
 * themselves; only a process that died mid-import leaves anything. Call it when a library is
 * opened for writing (under the library lock), so no live import is touched; the age guard
 * protects one anyway. Returns the number of files removed.
 */
export async function removeStaleIncoming(
  libraryDir: string,
  options: { olderThanMs?: number; now?: () => number } = {},
): Promise<number> {
  const cutoff = (options.now ?? Date.now)() - (options.olderThanMs ?? 60 * 60 * 1000);
  let removed = 0;
  const incoming = path.join(libraryDir, INCOMING_DIR);
  for (const name of await names(incoming)) {
    if (await removeIfOlder(path.join(incoming, name), cutoff)) removed++;
  }
  const thumbs = path.join(libraryDir, 'media', 'thumbs');
  for (const fan of await names(thumbs)) {
    if (!/^[0-9a-f]{2}$/.test(fan)) continue;
    for (const name of await names(path.join(thumbs, fan))) {
      if (TEMP_FILE.test(name) && (await removeIfOlder(path.join(thumbs, fan, name), cutoff)))
        removed++;
    }
  }
  return removed;
}
