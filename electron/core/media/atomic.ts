import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/*
 * Private stand-in until electron/core/library/fs-atomic.ts exports `writeFileAtomic`:
 * temp file in the same folder (so rename stays on one file system), fsync, rename, fsync dir.
 */

export function tempName(dir: string, base: string): string {
  return path.join(dir, `.${base}.${randomBytes(6).toString('hex')}.tmp`);
}

export async function writeFileAtomic(target: string, data: Uint8Array): Promise<void> {
  const dir = path.dirname(target);
  const temp = tempName(dir, path.basename(target));
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } finally {
    await rm(temp, { force: true });
  }
  await syncDir(dir);
}

/** Makes a rename durable. Directories cannot be opened on Windows; there NTFS journals it. */
export async function syncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Best effort by design: see comment above.
  } finally {
    await handle?.close();
  }
}
