import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real, small file system for disk-full and read-only tests: a size-limited tmpfs mounted by
 * the test (root, as CI runs). `reason` says why not where mounting is impossible.
 */
export interface SmallDisk {
  dir: string;
  readOnly(on: boolean): void;
  unmount(): Promise<void>;
}

function tryMount(dir: string, size: string): string | null {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir], {
      stdio: 'pipe',
    });
    return null;
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error).trim();
  }
}

/** Probes once whether this process may mount; the skip reason names what failed. */
export const mountUnavailable: string | null = (() => {
  if (process.platform !== 'linux') return `tmpfs mounts need Linux (here ${process.platform})`;
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root (CI runs as root)';
  return null;
})();

export async function mountSmallDisk(size = '2m'): Promise<SmallDisk> {
  const dir = await mkdtemp(join(tmpdir(), 'vitrine-disk-'));
  const failure = tryMount(dir, size);
  if (failure) throw new Error(`mount -t tmpfs failed: ${failure}`);
  return {
    dir,
    readOnly(on) {
      execFileSync('mount', ['-o', `remount,${on ? 'ro' : 'rw'}`, dir], { stdio: 'pipe' });
    },
    async unmount() {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      await rm(dir, { recursive: true, force: true });
    },
  };
}
