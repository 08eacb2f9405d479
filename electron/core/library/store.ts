import { mkdir, readdir, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Low } from 'lowdb';
import { entityChangesOf, type EntityChanges } from '../../../shared/domain/changes';
import { Command, type CommandInput, type CommandResult } from '../../../shared/domain/commands';
import {
  COLLECTIONS,
  Manifest,
  SCHEMA_VERSION,
  type CollectionName,
  type EntityOf,
  type LibrarySnapshot,
} from '../../../shared/domain/library';
import { AppError } from '../../../shared/errors';
import {
  libraryFilesOnDisk,
  listBackups,
  RECENT_INTERVAL_MS,
  takeRotatingSnapshot,
  takeSnapshot,
  type BackupInfo,
} from './backups';
import { invalidInput, simulate, type BaseState, type Overlay as CommandOverlay } from './commands';
import { diskWriteError } from './disk-errors';
import { TEMP_FILE, writeFileAtomic } from './fs-atomic';
import {
  applyJournal,
  discardJournal,
  readJournal,
  writeJournal,
  type JournalEntry,
  type LazyJournalEntry,
} from './journal';
import { DurableJsonFile, serializeJson } from './json-file';
import {
  BACKUPS_DIR,
  DATA_DIR,
  ITEMS_DIR,
  LOCK_FILE,
  MANIFEST_FILE,
  MEDIA_DIR,
  collectionFile,
  itemShardFile,
  shardOf,
} from './layout';
import { loadLibrary, readManifestRaw, type DataFileState, type LoadedLibrary } from './load';
import { CHECKSUMS_KEY, checksumsRecord, contentHash } from './checksums';
import { acquireLock, type LockHandle, type LockHolder } from './lock';
import { logLinePieces, LogWriter } from './log';

export type Clock = () => Date;

export interface OpenOptions {
  /** Open without the writer lock; writes are refused. Works while another process writes. */
  readOnly?: boolean;
  clock?: Clock;
  /**
   * When the change log is compacted into the data files: after this many changes or bytes in
   * it (and always at close). Tests set small numbers to reach compaction quickly.
   */
  compactAfter?: { entries?: number; bytes?: number };
  /** Validate every entity, also in files whose recorded hash matches (`vitrine check`). */
  verify?: boolean;
  /** Characters per write of a change-log line (default 1 MB); the kill -9 test makes it small. */
  logChunkSize?: number;
}

/** Large enough that compaction is rare, small enough that replaying the log at open is quick. */
export const COMPACT_AFTER = { entries: 1000, bytes: 8 * 1024 * 1024 };

export interface ChangeEvent {
  revision: number;
  command: Command;
  /** The entities this change touched, per collection (only collections it touched). */
  changed: EntityChanges;
}

export interface Library {
  readonly dir: string;
  readonly readOnly: boolean;
  /** Highest revision over all files; grows by one per applied command. */
  readonly revision: number;
  readonly manifest: Manifest;
  /** Set when opening took over a stale lock (its former holder), so the UI can say so. */
  readonly staleLockTakenOver: LockHolder | null;
  /** The schema version found on disk when it was older and got migrated; otherwise null. */
  readonly migratedFrom: number | null;
  /** What a migration could not carry over one to one. */
  readonly migrationNotes: readonly { de: string; en: string }[];
  /** The whole library as plain values; cached, and rebuilt only for collections that changed. */
  snapshot(): LibrarySnapshot;
  get<C extends CollectionName>(collection: C, id: string): EntityOf[C] | undefined;
  /** Validates, checks references, writes durably; resolves once the change survives a crash. */
  apply(command: CommandInput): Promise<CommandResult>;
  onChange(listener: (event: ChangeEvent) => void): () => void;
  /** A rotating snapshot now (recent, plus daily when first of the day). */
  backup(): Promise<BackupInfo[]>;
  /** Waits for pending writes, takes a closing backup, releases the lock. */
  close(): Promise<void>;
}

type FileData = { revision: number } & Partial<{ [C in CollectionName]: EntityOf[C][] }>;

function readOnlyError(): AppError {
  return new AppError('LIBRARY_READ_ONLY', {
    de: 'Die Bibliothek ist schreibgeschützt geöffnet; Änderungen sind nicht möglich.',
    en: 'The library is open read-only; changes are not possible.',
  });
}

/** library.json: the manifest, the revision, and the data files' hashes (see checksums.ts). */
function manifestText(
  manifest: Manifest,
  revision: number,
  checksums: ReadonlyMap<string, string>,
): string {
  return serializeJson({ ...manifest, revision, [CHECKSUMS_KEY]: checksumsRecord(checksums) });
}

function fileText(collection: CollectionName, revision: number, entities: unknown[]): string {
  return serializeJson({ revision, [collection]: entities });
}

/** Items read in a stable order (oldest first) whatever shard they sit in. */
function byCreated(a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) {
  return a.createdAt < b.createdAt
    ? -1
    : a.createdAt > b.createdAt
      ? 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0;
}

class Store implements Library, BaseState {
  manifest: Manifest;
  revision: number;
  readonly entities: { [C in CollectionName]: Map<string, EntityOf[C]> } = {
    items: new Map(),
    partnerships: new Map(),
    awards: new Map(),
    exhibitions: new Map(),
  };
  private readonly itemFile = new Map<string, string>();
  private readonly files = new Map<string, Low<FileData>>();
  private readonly arrays: Partial<{ [C in CollectionName]: EntityOf[C][] }> = {};
  private cachedSnapshot: LibrarySnapshot | null = null;
  private readonly listeners = new Set<(event: ChangeEvent) => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private broken: unknown = null;
  private lastBackupAt = 0;
  /** Files (and the manifest) newer in memory and in the log than on disk. */
  private readonly dirty: Set<string>;
  private manifestDirty: boolean;
  /** Log size at which the next compaction starts. */
  private compactAt: { entries: number; bytes: number };
  /** Hash of each data file's content on disk (or in the compaction being written). */
  private readonly checksums: Map<string, string>;

  constructor(
    readonly dir: string,
    loaded: LoadedLibrary,
    readonly readOnly: boolean,
    private readonly lock: LockHandle | null,
    private readonly clock: Clock,
    readonly migratedFrom: number | null,
    private readonly log: LogWriter | null,
    private readonly compactAfter: { entries: number; bytes: number } = COMPACT_AFTER,
  ) {
    this.dirty = new Set(loaded.log.dirty);
    this.checksums = new Map(loaded.checksums);
    this.manifestDirty = loaded.log.manifestDirty;
    this.compactAt = { ...compactAfter };
    this.manifest = loaded.manifest;
    this.revision = loaded.revision;
    this.migrationNotes = loaded.notes;
    const items: EntityOf['items'][] = [];
    for (const [rel, state] of loaded.files) {
      const low = new Low<FileData>(new DurableJsonFile<FileData>(dir, rel), {
        revision: state.revision,
        [state.collection]: state.entities,
      });
      this.files.set(rel, low);
      if (state.collection === 'items')
        for (const item of (state as DataFileState<'items'>).entities) {
          items.push(item);
          this.itemFile.set(item.id, rel);
        }
      else {
        const map = this.entities[state.collection] as Map<string, EntityOf[CollectionName]>;
        for (const e of state.entities) map.set(e.id, e);
      }
    }
    for (const item of items.sort(byCreated)) this.entities.items.set(item.id, item);
  }

  readonly migrationNotes: readonly { de: string; en: string }[];

  get staleLockTakenOver(): LockHolder | null {
    return this.lock?.takenOver ?? null;
  }

  private array<C extends CollectionName>(c: C): EntityOf[C][] {
    let list = this.arrays[c] as EntityOf[C][] | undefined;
    if (!list) {
      list = [...(this.entities[c] as Map<string, EntityOf[C]>).values()];
      (this.arrays as Record<string, unknown>)[c] = list;
    }
    return list;
  }

  snapshot(): LibrarySnapshot {
    if (!this.cachedSnapshot)
      this.cachedSnapshot = {
        manifest: this.manifest,
        revision: this.revision,
        items: this.array('items'),
        partnerships: this.array('partnerships'),
        awards: this.array('awards'),
        exhibitions: this.array('exhibitions'),
      };
    return this.cachedSnapshot;
  }

  get<C extends CollectionName>(collection: C, id: string): EntityOf[C] | undefined {
    return (this.entities[collection] as Map<string, EntityOf[C]>).get(id);
  }

  onChange(listener: (event: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Serializes work: each task starts after the previous one settled, so writes never interleave. */
  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  apply(input: CommandInput): Promise<CommandResult> {
    if (this.readOnly) return Promise.reject(readOnlyError());
    if (this.closed) return Promise.reject(closedError());
    const parsed = Command.safeParse(input);
    if (!parsed.success) return Promise.reject(invalidInput(parsed.error.issues));
    return this.enqueue(() => this.applyNow(parsed.data));
  }

  private fileFor(collection: CollectionName, id: string): string {
    if (collection !== 'items') return collectionFile(collection);
    return this.itemFile.get(id) ?? itemShardFile(shardOf(id));
  }

  private async applyNow(command: Command): Promise<CommandResult> {
    if (this.broken) throw brokenError(this.broken);
    const { overlay, undo } = simulate(this, command, () => this.clock().toISOString());
    const revision = this.revision + 1;

    // New contents of every touched file: changed entities replaced in place, deleted ones
    // dropped, new ones appended in command order.
    const touched = new Map<
      string,
      { collection: CollectionName; changes: Map<string, unknown> }
    >();
    for (const collection of COLLECTIONS)
      for (const [id, value] of overlay.changes[collection]) {
        const rel = this.fileFor(collection, id);
        let entry = touched.get(rel);
        if (!entry) touched.set(rel, (entry = { collection, changes: new Map() }));
        entry.changes.set(id, value);
      }
    const nextData = new Map<string, FileData>();
    for (const [rel, { collection, changes }] of touched) {
      const current = (this.files.get(rel)?.data[collection] ?? []) as { id: string }[];
      const next: unknown[] = [];
      const seen = new Set<string>();
      for (const e of current) {
        seen.add(e.id);
        if (!changes.has(e.id)) next.push(e);
        else if (changes.get(e.id)) next.push(changes.get(e.id));
      }
      for (const [id, value] of changes) if (value && !seen.has(id)) next.push(value);
      nextData.set(rel, { revision, [collection]: next } as FileData);
    }
    const nextManifest = overlay.manifest;

    await this.appendToLog(overlay, revision);
    this.commit(overlay, nextData, nextManifest, revision);
    for (const rel of nextData.keys()) this.dirty.add(rel);
    if (nextManifest) this.manifestDirty = true;
    const event: ChangeEvent = { revision, command, changed: entityChangesOf(overlay.changes) };
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        /* a listener's failure must not undo an acknowledged write */
      }
    }
    if (this.clock().getTime() - this.lastBackupAt > RECENT_INTERVAL_MS) await this.backupQuietly();
    const log = this.log!;
    if (log.entries >= this.compactAt.entries || log.size >= this.compactAt.bytes)
      // After the acknowledgement, as the next task in the queue: the change that fills the log
      // does not wait for the compaction (a change queued behind it does).
      void this.enqueue(() => this.compactQuietly());
    return { revision, undo };
  }

  private lowFor(rel: string): Low<FileData> {
    let low = this.files.get(rel);
    if (!low) {
      low = new Low<FileData>(new DurableJsonFile<FileData>(this.dir, rel), { revision: 0 });
      this.files.set(rel, low);
    }
    return low;
  }

  /**
   * Makes a change durable: one line in the change log, fsynced. A failed append is taken back,
   * so the disk is as before; only when that fails too does this instance stop writing
   * (`broken`), because the log might then end in a line that was never acknowledged.
   */
  private async appendToLog(overlay: CommandOverlay, revision: number) {
    const changes: Partial<Record<CollectionName, ReadonlyMap<string, unknown>>> = {};
    for (const collection of COLLECTIONS)
      if (overlay.changes[collection].size > 0) changes[collection] = overlay.changes[collection];
    try {
      await this.log!.append(logLinePieces(revision, changes, overlay.manifest ?? undefined));
    } catch (error) {
      if ((error as { undone?: boolean }).undone === false) {
        this.broken = error;
        throw brokenError(error);
      }
      throw diskWriteError(
        error,
        { de: 'Die Änderung konnte nicht gespeichert werden', en: 'The change could not be saved' },
        { unchanged: { de: 'Die Bibliothek ist unverändert.', en: 'The library is unchanged.' } },
      );
    }
  }

  /**
   * Writes the files the log has changed, all-or-nothing through the journal (the manifest is
   * always among them, carrying the revision, so the log's lines are all older than the files
   * afterwards), then removes the log. A crash at any point leaves files and log that open to
   * the same state: before the journal is complete the old files plus the whole log; after it,
   * the journal is finished at open and the log's lines are older than the files and skipped.
   */
  private async compactNow(): Promise<void> {
    const log = this.log;
    if (!log || this.broken) return;
    if (this.dirty.size === 0 && !this.manifestDirty && log.size === 0) return;
    const revision = this.revision;
    const files: LazyJournalEntry[] = [];
    const sums = this.checksums;
    for (const rel of [...this.dirty].sort()) {
      const data = { ...this.lowFor(rel).data, revision };
      // The hash is taken as the journal is written, one file's text at a time; the manifest
      // comes after the files in the journal, so it is made once every hash is known.
      files.push({
        path: rel,
        content: () => {
          const text = serializeJson(data);
          sums.set(rel, contentHash(text));
          return text;
        },
      });
    }
    let manifest: string | null = null;
    const manifestNow = () => (manifest ??= manifestText(this.manifest, revision, sums));
    files.push({ path: MANIFEST_FILE, content: manifestNow });
    if (files.length > 1) {
      await writeJournal(this.dir, { revision, files });
      await applyJournal(this.dir, { revision, files });
    } else await writeFileAtomic(join(this.dir, MANIFEST_FILE), manifestNow());
    this.dirty.clear();
    this.manifestDirty = false;
    await log.remove();
    this.compactAt = { ...this.compactAfter };
  }

  /** A failed compaction loses nothing (the log still holds every change); it is tried again later. */
  private async compactQuietly(): Promise<void> {
    try {
      await this.compactNow();
    } catch {
      const log = this.log!;
      this.compactAt = {
        entries: log.entries + this.compactAfter.entries,
        bytes: log.size + this.compactAfter.bytes,
      };
    }
  }

  private commit(
    overlay: CommandOverlay,
    nextData: Map<string, FileData>,
    manifest: Manifest | null,
    revision: number,
  ) {
    for (const collection of COLLECTIONS) {
      const changes = overlay.changes[collection];
      if (changes.size === 0) continue;
      const map = this.entities[collection] as Map<string, unknown>;
      let kept = map.size;
      for (const [id, value] of changes) {
        if (value) {
          if (collection === 'items' && !this.itemFile.has(id))
            this.itemFile.set(id, this.fileFor('items', id));
          map.set(id, value);
        } else {
          if (map.delete(id)) kept--;
          if (collection === 'items') this.itemFile.delete(id);
        }
      }
      if (collection === 'items') this.keepItemsOrdered(kept);
      delete this.arrays[collection];
    }
    for (const [rel, data] of nextData) this.lowFor(rel).data = data;
    if (manifest) this.manifest = manifest;
    this.revision = revision;
    this.cachedSnapshot = null;
  }

  /**
   * Items are listed oldest first (ties by id) so the order does not depend on shards. Edits keep
   * createdAt, so only appended items can break the order; the full sort runs only then.
   */
  private keepItemsOrdered(kept: number) {
    const list = [...this.entities.items.values()];
    let sorted = true;
    for (let i = Math.max(1, kept); i < list.length && sorted; i++)
      sorted = byCreated(list[i - 1]!, list[i]!) <= 0;
    if (sorted) return;
    this.entities.items.clear();
    for (const item of list.sort(byCreated)) this.entities.items.set(item.id, item);
  }

  async backup(): Promise<BackupInfo[]> {
    if (this.readOnly) throw readOnlyError();
    return this.enqueue(() => this.backupNow());
  }

  private async backupNow(): Promise<BackupInfo[]> {
    this.lastBackupAt = this.clock().getTime();
    if (await unchangedSinceNewestBackup(this.dir)) return [];
    return takeRotatingSnapshot(this.dir, this.clock(), this.revision);
  }

  /** A failed backup must not turn an acknowledged write into an error. */
  async backupQuietly(): Promise<void> {
    try {
      await this.backupNow();
    } catch {
      /* the next write or close tries again */
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue;
    if (!this.lock) return;
    try {
      if (!this.broken) {
        await this.compactQuietly();
        await this.backupQuietly();
      }
    } finally {
      await this.lock.release();
    }
  }
}

function closedError(): AppError {
  return new AppError('LIBRARY_READ_ONLY', {
    de: 'Die Bibliothek ist geschlossen.',
    en: 'The library is closed.',
  });
}

function brokenError(cause: unknown): AppError {
  return new AppError(
    'FILE_UNWRITABLE',
    {
      de: 'Eine Änderung wurde nur teilweise geschrieben. Öffnen Sie die Bibliothek neu; sie wird dabei vervollständigt.',
      en: 'A change was only partly written. Reopen the library; it will be completed then.',
    },
    { cause },
  );
}

/**
 * True when the newest recent backup holds exactly the current files: hard links share the
 * inode, so a matching inode means identical content. Saves rotating out older, different
 * backups by opening and closing a library repeatedly.
 */
async function unchangedSinceNewestBackup(dir: string): Promise<boolean> {
  const newest = (await listBackups(dir)).find((b) => b.kind === 'recent');
  if (!newest) return false;
  const current = await libraryFilesOnDisk(dir);
  if (current.length !== newest.files.length || current.some((f, i) => f !== newest.files[i]))
    return false;
  for (const rel of current) {
    const [a, b] = await Promise.all([
      stat(join(dir, rel)).catch(() => null),
      stat(join(newest.path, rel)).catch(() => null),
    ]);
    if (!a || !b || a.ino !== b.ino || a.dev !== b.dev) return false;
  }
  return true;
}

async function removeTempFiles(dir: string): Promise<void> {
  for (const sub of ['.', DATA_DIR, ITEMS_DIR]) {
    let names: string[];
    try {
      names = await readdir(join(dir, sub));
    } catch {
      continue;
    }
    for (const name of names)
      if (TEMP_FILE.test(name) || (sub === '.' && name.startsWith(`${LOCK_FILE}.stale-`)))
        await unlink(join(dir, sub, name)).catch(() => undefined);
  }
}

/** Writes a migrated library in the current layout, through the journal (several files). */
async function writeMigrated(dir: string, loaded: LoadedLibrary): Promise<void> {
  const revision = loaded.revision + 1;
  const files: JournalEntry[] = [];
  loaded.checksums.clear();
  for (const [rel, state] of loaded.files) {
    const content = fileText(state.collection, revision, state.entities);
    loaded.checksums.set(rel, contentHash(content));
    files.push({ path: rel, content });
  }
  for (const rel of loaded.diskFiles)
    if (!loaded.files.has(rel)) files.push({ path: rel, content: null });
  files.push({
    path: MANIFEST_FILE,
    content: manifestText(loaded.manifest, revision, loaded.checksums),
  });
  await writeJournal(dir, { revision, files });
  await applyJournal(dir, { revision, files });
  loaded.revision = revision;
  for (const state of loaded.files.values()) state.revision = revision;
}

/**
 * Opens a library: read → migrate → validate, all before anything is written. A damaged library
 * fails with an AppError naming file and place, and stays exactly as it was on disk.
 */
export async function openLibrary(dir: string, options: OpenOptions = {}): Promise<Library> {
  const root = resolve(dir);
  const clock = options.clock ?? (() => new Date());
  if (options.readOnly) {
    const journal = await readJournal(root);
    const overlay =
      journal.state === 'complete'
        ? new Map(journal.journal.files.map((f) => [f.path, f.content]))
        : undefined;
    const loaded = await loadLibrary(root, overlay, { verify: options.verify });
    return new Store(
      root,
      loaded,
      true,
      null,
      clock,
      loaded.sourceVersion < SCHEMA_VERSION ? loaded.sourceVersion : null,
      null,
    );
  }

  await readManifestRaw(root); // LIBRARY_NOT_FOUND / VERSION_UNSUPPORTED before taking the lock
  let lock: LockHandle;
  try {
    lock = await acquireLock(root, clock());
  } catch (error) {
    throw diskWriteError(
      error,
      {
        de: 'Die Bibliothek kann nicht zum Bearbeiten geöffnet werden',
        en: 'The library cannot be opened for editing',
      },
      {
        unchanged: {
          de: 'Lesen ist weiterhin möglich (schreibgeschützt öffnen).',
          en: 'Reading is still possible (open read-only).',
        },
      },
    );
  }
  try {
    const journal = await readJournal(root);
    const overlay =
      journal.state === 'complete'
        ? new Map(journal.journal.files.map((f) => [f.path, f.content]))
        : undefined;
    const loaded = await loadLibrary(root, overlay, { verify: options.verify });
    // Valid: from here on writing is allowed.
    if (journal.state === 'complete') await applyJournal(root, journal.journal);
    else if (journal.state === 'invalid') await discardJournal(root);
    await removeTempFiles(root);
    await mkdir(join(root, MEDIA_DIR), { recursive: true });
    await mkdir(join(root, BACKUPS_DIR), { recursive: true });
    const migratedFrom = loaded.sourceVersion < SCHEMA_VERSION ? loaded.sourceVersion : null;
    if (migratedFrom !== null) {
      await takeSnapshot(root, {
        kind: 'migration',
        now: clock(),
        revision: loaded.revision,
        copy: true,
        name: `v${migratedFrom}-${clock().toISOString().replace(/[:.]/g, '-')}`,
      });
      await writeMigrated(root, loaded);
    }
    const log = new LogWriter(root, loaded.log.bytes, loaded.log.entries, options.logChunkSize);
    if (migratedFrom !== null) {
      // The migrated files hold everything the log had.
      await log.remove();
      loaded.log.dirty.clear();
      loaded.log.manifestDirty = false;
    } else if (loaded.log.torn) await log.truncate(loaded.log.bytes);
    const store = new Store(root, loaded, false, lock, clock, migratedFrom, log, {
      ...COMPACT_AFTER,
      ...options.compactAfter,
    });
    await store.backupQuietly();
    return store;
  } catch (error) {
    await lock.release();
    throw error;
  }
}

export interface CreateOptions {
  name: string;
  languages: string[];
  defaultLanguage: string;
  clock?: Clock;
}

/** Creates a library in an empty (or missing) folder and returns it open for writing. */
export async function createLibrary(dir: string, options: CreateOptions): Promise<Library> {
  const root = resolve(dir);
  const clock = options.clock ?? (() => new Date());
  let entries: string[] | null = null;
  try {
    entries = await readdir(root);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (entries && entries.length > 0)
    throw new AppError(
      'LIBRARY_EXISTS',
      {
        de: `Der Ordner ${root} ist nicht leer. Wählen Sie einen leeren Ordner für die neue Bibliothek.`,
        en: `The folder ${root} is not empty. Choose an empty folder for the new library.`,
      },
      { details: { dir: root } },
    );
  const manifest = Manifest.safeParse({
    format: 'vitrine-library',
    schemaVersion: SCHEMA_VERSION,
    name: options.name,
    defaultLanguage: options.defaultLanguage,
    languages: options.languages,
    createdAt: clock().toISOString(),
  });
  if (!manifest.success) throw invalidInput(manifest.error.issues);
  await mkdir(join(root, ITEMS_DIR), { recursive: true });
  await mkdir(join(root, MEDIA_DIR), { recursive: true });
  await mkdir(join(root, BACKUPS_DIR), { recursive: true });
  const sums = new Map<string, string>();
  for (const c of ['partnerships', 'awards', 'exhibitions'] as const) {
    const text = fileText(c, 0, []);
    sums.set(collectionFile(c), contentHash(text));
    await writeFileAtomic(join(root, collectionFile(c)), text);
  }
  // The manifest last: until it exists the folder is not a library, so a crash leaves no half one.
  await writeFileAtomic(join(root, MANIFEST_FILE), manifestText(manifest.data, 0, sums));
  return openLibrary(root, { clock });
}

/** For the CLI and export: the library as one value, without taking the writer lock. */
export async function readLibrarySnapshot(
  dir: string,
  options: { clock?: Clock; verify?: boolean } = {},
): Promise<LibrarySnapshot> {
  const library = await openLibrary(dir, { readOnly: true, ...options });
  try {
    return library.snapshot();
  } finally {
    await library.close();
  }
}
