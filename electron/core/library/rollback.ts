import { copyFile, link, rename, stat, unlink } from 'node:fs/promises';
import { constants as fsConstants } from 'node:fs';
import { dirname } from 'node:path';
import { errnoOf } from './disk-errors';
import { faultPoint, fsyncDir, tempPathFor } from './fs-atomic';

/** File systems without hard links (FAT/exFAT sticks, some network shares). */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

export interface Rollback {
  /** Puts every file back as it was (or removes it when it did not exist). */
  restore(): Promise<void>;
  /** Forgets the kept versions after a successful change. */
  drop(): Promise<void>;
}

/**
 * Keeps the current version of each file reachable under a hidden temp name (`.name.<hex>.tmp`,
 * removed at the next open if a crash leaves it) while the file is being replaced, so a change
 * that fails half-way — disk full, I/O error — is undone byte for byte. A hard link costs no data
 * blocks, so undoing works on a full disk; only where links are unsupported is a copy made.
 */
export async function keepForRollback(paths: string[]): Promise<Rollback> {
  const kept: { path: string; saved: string | null }[] = [];
  const drop = async () => {
    for (const k of kept) if (k.saved) await unlink(k.saved).catch(() => undefined);
  };
  try {
    for (const path of paths) {
      const saved = tempPathFor(path);
      try {
        await faultPoint('link', saved);
        await link(path, saved);
      } catch (error) {
        const code = errnoOf(error);
        if (code === 'ENOENT') {
          kept.push({ path, saved: null });
          continue;
        }
        if (!code || !NO_LINKS.has(code)) throw error;
        await faultPoint('copy', saved);
        await copyFile(path, saved, fsConstants.COPYFILE_EXCL);
      }
      kept.push({ path, saved });
    }
  } catch (error) {
    await drop();
    throw error;
  }
  return {
    async restore() {
      const dirs = new Set<string>();
      for (const k of kept) {
        const [now, saved] = await Promise.all([
          stat(k.path).catch(() => null),
          k.saved ? stat(k.saved) : null,
        ]);
        if (saved && now && now.ino === saved.ino && now.dev === saved.dev) {
          // Never replaced (renaming a link onto itself would do nothing and keep the link).
          await unlink(k.saved!).catch(() => undefined);
          continue;
        }
        if (!saved && !now) continue;
        await faultPoint('rename', k.path);
        if (k.saved) await rename(k.saved, k.path);
        else await unlink(k.path);
        dirs.add(dirname(k.path));
      }
      for (const dir of dirs) await fsyncDir(dir);
      kept.length = 0;
    },
    drop,
  };
}
