import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { INCOMING_DIR } from './importer';

/**
 * Removes temp files that a crashed or killed import left in `media/.incoming`. Imports clean
 * up after themselves; only a process that died mid-import leaves anything. Call it when a
 * library is opened for writing (under the library lock), so no live import is touched; the
 * age guard protects one anyway. Returns the number of files removed.
 */
export async function removeStaleIncoming(
  libraryDir: string,
  options: { olderThanMs?: number; now?: () => number } = {},
): Promise<number> {
  const dir = path.join(libraryDir, INCOMING_DIR);
  const cutoff = (options.now ?? Date.now)() - (options.olderThanMs ?? 60 * 60 * 1000);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      const info = await stat(file);
      if (info.isFile() && info.mtimeMs <= cutoff) {
        await rm(file, { force: true });
        removed++;
      }
    } catch {
      // Vanished meanwhile: nothing to do.
    }
  }
  return removed;
}
