import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { copyFile, link, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Makes a rename or unlink inside `dir` durable. Windows cannot open a folder for fsync and
 * NTFS journals renames itself, so it is skipped there.
 */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  await faultPoint('fsync-dir', dir);
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The steps of a durable write where a disk can fail (or a process can die). */
export type FsStep =
  | 'open'
  | 'write'
  | 'fsync'
  | 'rename'
  | 'fsync-dir'
  | 'unlink'
  | 'link'
  | 'copy'
  | 'mkdir'
  | 'truncate';

/**
 * Called before every step of every durable write with the step and the path it acts on. Tests
 * set it to inject ENOSPC/EIO at a chosen step or to stop a child process at an exact point for
 * kill -9; it throws to make the step fail. Unset (the default) in the app, costing one check.
 * A hook rather than a stubbed `fs`: the real file system does the real work in every test.
 */
export type FaultHook = (step: FsStep, path: string) => void | Promise<void>;

let faultHook: FaultHook | null = null;

/** Installs (or with null removes) the fault hook; returns the previous one. */
export function setFaultHook(hook: FaultHook | null): FaultHook | null {
  const previous = faultHook;
  faultHook = hook;
  return previous;
}

/** Runs the fault hook for one step; other modules that write (export, media) call it too. */
export async function faultPoint(step: FsStep, path: string): Promise<void> {
  if (faultHook) await faultHook(step, path);
}

/** Hidden temp files next to their target: `.name.<random>.tmp`, cleaned up at the next open. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

export const TEMP_FILE = /^\..+\.[0-9a-f]{12}\.tmp$/;

/**
 * On Windows a rename over a file fails with EPERM/EACCES/EBUSY while a virus scanner or indexer
 * has it open; those holds are short, so retry for about a second (as graceful-fs does).
 */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const transient = code === 'EPERM' || code === 'EACCES' || code === 'EBUSY';
      if (process.platform !== 'win32' || !transient || attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** Math.min(attempt, 6)));
    }
  }
}

/**
 * Replaces `path` so that a crash at any moment leaves either the old or the new content, and a
 * resolved promise means the new content survives power loss: temp file in the same folder,
 * fsync the file, rename over the target, fsync the folder. `data` may come in pieces (an
 * iterable of strings, written as UTF-8 one after another), so a large file never has to be one
 * string in memory.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array | Iterable<string>,
): Promise<void> {
  const temp = tempPathFor(path);
  await faultPoint('open', temp);
  const handle = await open(temp, 'w', 0o644);
  try {
    try {
      await faultPoint('write', temp);
      if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
      // Each call continues where the last one ended (the handle's position), piece by piece.
      else for (const piece of data) await handle.writeFile(piece);
      await faultPoint('fsync', temp);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await faultPoint('rename', path);
    await renameWithRetry(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await fsyncDir(dirname(path));
}

/** Removes a file durably; a missing file is fine. */
export async function unlinkDurable(path: string): Promise<void> {
  try {
    await faultPoint('unlink', path);
    await unlink(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  await fsyncDir(dirname(path));
}

/**
 * A second name for an existing file. Valid for snapshots only because every data file is
 * replaced by rename and never written in place, so the linked content can never change.
 * Falls back to a copy where links are not supported (FAT, some network drives).
 */
export async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await faultPoint('link', to);
    await link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EEXIST') throw error;
    await faultPoint('copy', to);
    await copyFile(from, to, fsConstants.COPYFILE_EXCL);
  }
}
