import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { copyFile, lstat, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { faultPoint, fsyncDir, linkOrCopy, writeFileAtomic } from './fs-atomic';
import {
  BACKUPS_DIR,
  DATA_DIR,
  ITEM_SHARD_NAME,
  ITEMS_DIR,
  JOURNAL_FILE,
  LOG_FILE,
  MANIFEST_FILE,
} from './layout';

/**
 * Backups are folders under `backups/` holding library.json and the data files as they were.
 * Data files are only ever replaced by rename, so a snapshot can hard-link them: taking one costs
 * a few dozen links, not a copy of the library.
 *
 * - recent: at open, at close, and after a write when the last one is older than 5 minutes (10 kept)
 * - daily: the first snapshot of each calendar day, independent of the live files (14 kept): a
 *   file changed since the previous daily is copied, an unchanged one is hard-linked to the
 *   previous daily's copy, so dailies share what did not change but never the live inode
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
/**
 * Size bound: recent and daily backups together take at most this many times the library's data
 * (each inode counted once); beyond it the oldest go first, down to MIN_KEPT of each kind. How
 * long a history fits depends on how much changes: about 8 edited items a day in a library of
 * 64 item files keeps about a week of dailies.
 */
export const BUDGET_FACTOR = 3;
/** Below this the bound is not applied: a few small snapshots cost nothing worth a lost history. */
export const BUDGET_FLOOR_BYTES = 1024 * 1024;
/**
 * One of each always stays. Together they hold at most two copies of the data (the newest recent
 * shares the live files' inodes, the daily is one independent copy), so the bound always holds.
 */
export const MIN_KEPT: Record<'recent' | 'daily', number> = { recent: 1, daily: 1 };
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
  if (await exists(LOG_FILE)) out.push(LOG_FILE);
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
  /**
   * With `copy`: an earlier copied backup whose file is hard-linked instead of copied when the
   * live file is unchanged since that backup copied it (same inode, size and mtime).
   */
  shareWith?: BackupInfo;
  withJournal?: boolean;
}

/** What identified a live file when a copy was made of it; our writes always change the inode. */
interface SourceStamp {
  ino: number;
  size: number;
  mtimeMs: number;
}

function sameStamp(a: SourceStamp, b: SourceStamp): boolean {
  return a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

async function readSources(path: string): Promise<Record<string, SourceStamp>> {
  try {
    const meta = JSON.parse(await readFile(join(path, META), 'utf8')) as { sources?: unknown };
    const out: Record<string, SourceStamp> = {};
    if (typeof meta.sources !== 'object' || meta.sources === null) return out;
    for (const [rel, v] of Object.entries(meta.sources as Record<string, Partial<SourceStamp>>))
      if (typeof v?.ino === 'number' && typeof v.size === 'number' && typeof v.mtimeMs === 'number')
        out[rel] = { ino: v.ino, size: v.size, mtimeMs: v.mtimeMs };
    return out;
  } catch {
    return {};
  }
}

/** Builds the backup in a hidden folder and renames it into place, so a crash leaves no half backup. */
export async function takeSnapshot(root: string, options: SnapshotOptions): Promise<BackupInfo> {
  const backups = join(root, BACKUPS_DIR);
  await mkdir(backups, { recursive: true });
  const files = await libraryFilesOnDisk(root, options.withJournal);
  const temp = join(backups, `.tmp-${randomBytes(6).toString('hex')}`);
  await mkdir(temp);
  const earlier = options.shareWith ? await readSources(options.shareWith.path) : {};
  const sources: Record<string, SourceStamp> = {};
  try {
    for (const rel of files) {
      const target = join(temp, rel);
      await mkdir(dirname(target), { recursive: true });
      if (!options.copy) {
        // The change log grows in place, so a link would change with it: it is copied.
        if (rel === LOG_FILE) {
          await faultPoint('copy', target);
          await copyFile(join(root, rel), target);
        } else await linkOrCopy(join(root, rel), target);
        continue;
      }
      const live = await stat(join(root, rel));
      const stamp: SourceStamp = { ino: live.ino, size: live.size, mtimeMs: live.mtimeMs };
      sources[rel] = stamp;
      const before = earlier[rel];
      const shared =
        options.shareWith && before && sameStamp(before, stamp)
          ? join(options.shareWith.path, rel)
          : null;
      if (shared && (await stat(shared).catch(() => null))?.size === stamp.size)
        await linkOrCopy(shared, target);
      else await copyFile(join(root, rel), target, fsConstants.COPYFILE_FICLONE);
    }
    const createdAt = options.now.toISOString();
    await writeFileAtomic(
      join(temp, META),
      JSON.stringify(
        {
          kind: options.kind,
          createdAt,
          revision: options.revision,
          files,
          ...(options.copy ? { sources } : {}),
        },
        null,
        2,
      ),
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

/**
 * Bytes on disk of the given folders with each inode counted once, as `du` counts: hard links
 * shared between backups (or with the live files) are stored once.
 */
export async function uniqueBytes(paths: string[]): Promise<number> {
  const seen = new Map<string, number>();
  const walk = async (path: string): Promise<void> => {
    const info = await lstat(path).catch(() => null);
    if (!info) return;
    if (info.isDirectory()) {
      for (const name of await readdir(path).catch(() => [])) await walk(join(path, name));
    } else seen.set(`${info.dev}:${info.ino}`, info.size);
  };
  for (const path of paths) await walk(path);
  let total = 0;
  for (const size of seen.values()) total += size;
  return total;
}

/** Bytes of the live data files (`data/`, which the bound is stated against). */
export async function dataBytes(root: string): Promise<number> {
  return uniqueBytes(
    (await libraryFilesOnDisk(root))
      .filter((rel) => rel.startsWith(`${DATA_DIR}/`))
      .map((rel) => join(root, rel)),
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
  // The size bound: while recent and daily backups exceed it, older recent ones go first (the
  // dailies hold the longer history), then the oldest dailies; one of each always stays.
  // Migration and set-aside backups are the person's data and never pruned.
  const budget = Math.max(BUDGET_FACTOR * (await dataBytes(root)), BUDGET_FLOOR_BYTES);
  const rotating = all.filter(
    (b) => (b.kind === 'recent' || b.kind === 'daily') && !removed.includes(b.id),
  );
  const oldestBeyondMinimum = () => {
    for (const kind of ['recent', 'daily'] as const) {
      const ofKind = rotating.filter((b) => b.kind === kind);
      if (ofKind.length > MIN_KEPT[kind]) return ofKind[ofKind.length - 1]!;
    }
    return null;
  };
  while ((await uniqueBytes(rotating.map((b) => b.path))) > budget) {
    const oldest = oldestBeyondMinimum();
    if (!oldest) break;
    await rm(oldest.path, { recursive: true, force: true });
    rotating.splice(rotating.indexOf(oldest), 1);
    removed.push(oldest.id);
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
  // The daily one never shares an inode with the live files: hard links protect against our own
  // writes (always by rename) but not against another program editing a file in place, which
  // would change every linked backup at once. One independent copy per day bounds that loss to
  // a day. Files unchanged since the previous daily link to its copy, so a month of dailies
  // costs the changed files, not a full copy each.
  if (!existingDaily) {
    const previous = (await listBackups(root)).find((b) => b.kind === 'daily');
    taken.push(
      await takeSnapshot(root, {
        kind: 'daily',
        now,
        revision,
        name: day,
        copy: true,
        ...(previous ? { shareWith: previous } : {}),
      }),
    );
  }
  await pruneBackups(root);
  return taken;
}
