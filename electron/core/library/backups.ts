import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fsyncDir, linkOrCopy, writeFileAtomic } from './fs-atomic';
import {
  BACKUPS_DIR,
  DATA_DIR,
  ITEM_SHARD_NAME,
  ITEMS_DIR,
  JOURNAL_FILE,
  MANIFEST_FILE,
} from './layout';

/**
 * Backups are folders under `backups/` holding library.json and the data files as they were.
 * Data files are only ever replaced by rename, so a snapshot can hard-link them: taking one costs
 * a few dozen links, not a copy of the library.
 *
 * - recent: at open, at close, and after a write when the last one is older than 5 minutes (10 kept)
 * - daily: the first snapshot of each calendar day, copied rather than linked (14 kept)
 * - migration: the old files before a schema migration rewrites them, copied (kept)
 * - damaged: files moved aside by a restore (kept: they are the person's data)
 */
export type BackupKind = 'recent' | 'daily' | 'migration' | 'damaged';

export interface BackupInfo {
  id: string;
  kind: BackupKind;
  createdAt: string;
  /** Absolute path of the backup folder. */
  path: string;
  revision: number | null;
  /** Relative paths of the library files in the backup. */
  files: string[];
}

export const KEEP: Record<'recent' | 'daily', number> = { recent: 10, daily: 14 };
export const RECENT_INTERVAL_MS = 5 * 60 * 1000;
const META = 'backup.json';
const KINDS: readonly BackupKind[] = ['recent', 'daily', 'migration', 'damaged'];

/** Relative paths of the library files currently on disk (manifest first). */
export async function libraryFilesOnDisk(root: string, withJournal = false): Promise<string[]> {
  const out: string[] = [];
  const exists = async (rel: string) =>
    (await stat(join(root, rel)).catch(() => null))?.isFile() ?? false;
  if (await exists(MANIFEST_FILE)) out.push(MANIFEST_FILE);
  if (withJournal && (await exists(JOURNAL_FILE))) out.push(JOURNAL_FILE);
  const list = async (dir: string, pattern: RegExp) => {
    try {
      return (await readdir(join(root, dir))).filter((n) => pattern.test(n)).sort();
    } catch {
      return [];
    }
  };
  for (const name of await list(DATA_DIR, /^[a-z]+\.json$/)) out.push(`${DATA_DIR}/${name}`);
  for (const name of await list(ITEMS_DIR, ITEM_SHARD_NAME)) out.push(`${ITEMS_DIR}/${name}`);
  return out;
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

function localDay(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}

async function uniqueId(backups: string, base: string): Promise<string> {
  let id = base;
  for (let n = 2; await stat(join(backups, id)).catch(() => null); n++) id = `${base}-${n}`;
  return id;
}

export interface SnapshotOptions {
  kind: BackupKind;
  now: Date;
  revision: number | null;
  /** Folder name without the kind prefix; defaults to the timestamp. */
  name?: string;
  /** Copy (reflink where the file system can) instead of hard-linking. */
  copy?: boolean;
  withJournal?: boolean;
}

/** Builds the backup in a hidden folder and renames it into place, so a crash leaves no half backup. */
export async function takeSnapshot(root: string, options: SnapshotOptions): Promise<BackupInfo> {
  const backups = join(root, BACKUPS_DIR);
  await mkdir(backups, { recursive: true });
  const files = await libraryFilesOnDisk(root, options.withJournal);
  const temp = join(backups, `.tmp-${randomBytes(6).toString('hex')}`);
  await mkdir(temp);
  try {
    for (const rel of files) {
      const target = join(temp, rel);
      await mkdir(dirname(target), { recursive: true });
      if (options.copy) await copyFile(join(root, rel), target, fsConstants.COPYFILE_FICLONE);
      else await linkOrCopy(join(root, rel), target);
    }
    const createdAt = options.now.toISOString();
    await writeFileAtomic(
      join(temp, META),
      JSON.stringify({ kind: options.kind, createdAt, revision: options.revision, files }, null, 2),
    );
    const id = await uniqueId(backups, `${options.kind}-${options.name ?? stamp(options.now)}`);
    await rename(temp, join(backups, id));
    await fsyncDir(backups);
    return {
      id,
      kind: options.kind,
      createdAt,
      path: join(backups, id),
      revision: options.revision,
      files,
    };
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

/** Newest first. Folders that are not backups of ours are ignored. */
export async function listBackups(root: string): Promise<BackupInfo[]> {
  const backups = join(root, BACKUPS_DIR);
  let names: string[];
  try {
    names = await readdir(backups);
  } catch {
    return [];
  }
  const out: BackupInfo[] = [];
  for (const id of names) {
    const kind = KINDS.find((k) => id.startsWith(`${k}-`));
    if (!kind) continue;
    const path = join(backups, id);
    const info = await stat(path).catch(() => null);
    if (!info?.isDirectory()) continue;
    let createdAt = info.mtime.toISOString();
    let revision: number | null = null;
    let files: string[] = [];
    try {
      const meta = JSON.parse(await readFile(join(path, META), 'utf8')) as Record<string, unknown>;
      if (typeof meta.createdAt === 'string') createdAt = meta.createdAt;
      if (typeof meta.revision === 'number') revision = meta.revision;
      if (Array.isArray(meta.files))
        files = meta.files.filter((f): f is string => typeof f === 'string');
    } catch {
      files = await libraryFilesOnDisk(path);
    }
    out.push({ id, kind, createdAt, path, revision, files });
  }
  return out.sort((a, b) =>
    a.createdAt === b.createdAt ? b.id.localeCompare(a.id) : b.createdAt.localeCompare(a.createdAt),
  );
}

export async function pruneBackups(root: string): Promise<string[]> {
  const all = await listBackups(root);
  const removed: string[] = [];
  for (const kind of ['recent', 'daily'] as const) {
    for (const old of all.filter((b) => b.kind === kind).slice(KEEP[kind])) {
      await rm(old.path, { recursive: true, force: true });
      removed.push(old.id);
    }
  }
  // Leftovers of snapshots interrupted by a crash.
  try {
    for (const name of await readdir(join(root, BACKUPS_DIR)))
      if (name.startsWith('.tmp-'))
        await rm(join(root, BACKUPS_DIR, name), { recursive: true, force: true });
  } catch {
    /* no backups folder */
  }
  return removed;
}

/** A recent snapshot, plus the day's first daily one, then pruning to the kept counts. */
export async function takeRotatingSnapshot(
  root: string,
  now: Date,
  revision: number,
): Promise<BackupInfo[]> {
  const taken = [await takeSnapshot(root, { kind: 'recent', now, revision })];
  const day = localDay(now);
  const existingDaily = await stat(join(root, BACKUPS_DIR, `daily-${day}`)).catch(() => null);
  // The daily one is a real copy: hard links protect against our own writes (always by rename)
  // but not against another program editing a file in place, which would change every linked
  // backup at once. One independent copy per day bounds that loss to a day.
  if (!existingDaily)
    taken.push(await takeSnapshot(root, { kind: 'daily', now, revision, name: day, copy: true }));
  await pruneBackups(root);
  return taken;
}
