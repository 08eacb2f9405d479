import { unlinkSync } from 'node:fs';
import { hostname as osHostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { link, open, readFile, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { LOCK_FILE } from './layout';

/**
 * One writer per library: an advisory lock file created with `wx` (fails if it exists). A lock
 * is stale when its process is gone on this host, or when it comes from another host and is older
 * than a day (we cannot see processes there; a day is longer than any working session).
 */
export interface LockHolder {
  pid: number;
  hostname: string;
  startedAt: string;
}

export interface LockHandle {
  path: string;
  holder: LockHolder;
  /** The stale lock that was taken over, so the caller can tell the person. */
  takenOver: LockHolder | null;
  release(): Promise<void>;
  releaseSync(): void;
}

export const FOREIGN_LOCK_STALE_MS = 24 * 60 * 60 * 1000;
/** A lock file without readable content is being written right now, unless it is this old. */
const UNREADABLE_LOCK_STALE_MS = 10_000;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readHolder(path: string): Promise<LockHolder | null> {
  try {
    const raw = JSON.parse(await readFile(path, 'utf8')) as Partial<LockHolder>;
    if (
      typeof raw.pid === 'number' &&
      typeof raw.hostname === 'string' &&
      typeof raw.startedAt === 'string'
    )
      return { pid: raw.pid, hostname: raw.hostname, startedAt: raw.startedAt };
  } catch {
    /* unreadable: judged by age below */
  }
  return null;
}

export function isStale(holder: LockHolder, now: Date, host = osHostname()): boolean {
  if (holder.hostname === host) return !processAlive(holder.pid);
  const started = Date.parse(holder.startedAt);
  return !Number.isFinite(started) || now.getTime() - started > FOREIGN_LOCK_STALE_MS;
}

export function lockedError(dir: string, holder: LockHolder | null): AppError {
  const who = holder
    ? {
        de: `Prozess ${holder.pid} auf ${holder.hostname} seit ${holder.startedAt}`,
        en: `process ${holder.pid} on ${holder.hostname} since ${holder.startedAt}`,
      }
    : { de: 'ein anderer Prozess', en: 'another process' };
  return new AppError(
    'LIBRARY_LOCKED',
    {
      de: `Die Bibliothek ist bereits geöffnet (${who.de}). Schließen Sie sie dort oder öffnen Sie sie hier schreibgeschützt.`,
      en: `The library is already open (${who.en}). Close it there or open it here read-only.`,
    },
    { location: { file: LOCK_FILE }, details: { holder, dir } },
  );
}

/**
 * Creates the lock with its content in one step: the holder is written and fsynced to a private
 * temp file, then hard-linked to the lock name, which fails if a lock exists. A process killed at
 * any moment therefore never leaves an empty lock file (which would block the next opener until
 * the unreadable-lock timeout). Where hard links are unsupported (FAT), it falls back to 'wx'.
 */
async function tryCreate(path: string, holder: LockHolder): Promise<boolean> {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeDurably(temp, 'wx', holder);
    try {
      await link(temp, path);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS')
        throw error;
    }
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  try {
    await writeDurably(path, 'wx', holder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  return true;
}

async function writeDurably(path: string, flags: string, holder: LockHolder): Promise<void> {
  const handle = await open(path, flags, 0o644);
  try {
    await handle.writeFile(JSON.stringify(holder));
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Temp files of lock attempts whose process was killed between writing and linking. */
async function removeStaleAttempts(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => name.startsWith(`${LOCK_FILE}.`) && name.endsWith('.tmp'))
      .filter((name) => {
        const pid = Number(name.slice(LOCK_FILE.length + 1).split('.')[0]);
        return Number.isInteger(pid) && pid !== process.pid && !processAlive(pid);
      })
      .map((name) => unlink(join(dir, name)).catch(() => undefined)),
  );
}

export async function acquireLock(dir: string, now: Date): Promise<LockHandle> {
  const path = join(dir, LOCK_FILE);
  const holder: LockHolder = {
    pid: process.pid,
    hostname: osHostname(),
    startedAt: now.toISOString(),
  };
  let takenOver: LockHolder | null = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await tryCreate(path, holder)) {
      await removeStaleAttempts(dir);
      return makeHandle(path, holder, takenOver);
    }
    const existing = await readHolder(path);
    let stale: boolean;
    if (existing) stale = isStale(existing, now);
    else {
      const info = await stat(path).catch(() => null);
      stale = info !== null && Date.now() - info.mtimeMs > UNREADABLE_LOCK_STALE_MS;
      if (!info) continue; // vanished meanwhile: try again
    }
    if (!stale) throw lockedError(dir, existing);
    // Take over by renaming first: if another process took over at the same moment, only one
    // rename wins, and a fresh lock written meanwhile is put back instead of deleted.
    const aside = `${path}.stale-${process.pid}-${attempt}`;
    try {
      await rename(path, aside);
    } catch {
      continue;
    }
    const moved = await readHolder(aside);
    const same = JSON.stringify(moved) === JSON.stringify(existing);
    if (!same && moved && !isStale(moved, now)) {
      await link(aside, path).catch(() => undefined);
      await unlink(aside).catch(() => undefined);
      throw lockedError(dir, moved);
    }
    await unlink(aside).catch(() => undefined);
    takenOver = existing ?? moved ?? { pid: 0, hostname: 'unknown', startedAt: 'unknown' };
  }
  throw lockedError(dir, await readHolder(path));
}

const held = new Set<LockHandle>();
let exitHookInstalled = false;

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Covers normal exit and process.exit(); a kill -9 leaves the lock, which the stale rule handles.
  process.on('exit', () => {
    for (const handle of held) handle.releaseSync();
  });
}

function makeHandle(path: string, holder: LockHolder, takenOver: LockHolder | null): LockHandle {
  let released = false;
  const handle: LockHandle = {
    path,
    holder,
    takenOver,
    async release() {
      if (released) return;
      released = true;
      held.delete(handle);
      const current = await readHolder(path);
      if (current && current.pid === holder.pid && current.startedAt === holder.startedAt)
        await unlink(path).catch(() => undefined);
    },
    releaseSync() {
      if (released) return;
      released = true;
      held.delete(handle);
      try {
        unlinkSync(path);
      } catch {
        /* best effort at exit */
      }
    },
  };
  held.add(handle);
  installExitHook();
  return handle;
}

export async function readLock(dir: string): Promise<LockHolder | null> {
  return readHolder(join(dir, LOCK_FILE));
}
