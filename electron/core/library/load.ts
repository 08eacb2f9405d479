import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import {
  COLLECTIONS,
  EntitySchemas,
  LIBRARY_FORMAT,
  Manifest,
  SCHEMA_VERSION,
  type CollectionName,
  type EntityOf,
} from '../../../shared/domain/library';
import { FIRST_SCHEMA_VERSION, migrate, type RawLibrary } from '../../../shared/domain/migrations';
import { AppError } from '../../../shared/errors';
import { fileError, formatDataPath, parseJsonText, summarizeIssues } from './diagnostics';
import { contentHash, readChecksums } from './checksums';
import { readFileBytes, readTextFile } from './json-file';
import { parseLog, type LogRecord } from './log';
import {
  ITEM_SHARD_NAME,
  ITEMS_DIR,
  LOG_FILE,
  MANIFEST_FILE,
  MAX_MANIFEST_BYTES,
  SINGLE_FILE_COLLECTIONS,
  collectionFile,
  itemShardFile,
  shardOf,
  v1CollectionFile,
} from './layout';

/** One data file as the store keeps it: its revision and its entities in file order. */
export interface DataFileState<C extends CollectionName = CollectionName> {
  collection: C;
  revision: number;
  entities: EntityOf[C][];
}

export interface LoadedLibrary {
  manifest: Manifest;
  /** Revision stored in library.json (written by manifest updates); 0 when absent. */
  manifestRevision: number;
  /** Schema version found on disk; below SCHEMA_VERSION means `files` is the migrated layout. */
  sourceVersion: number;
  revision: number;
  /** Every data file in the current layout, keyed by relative path. */
  files: Map<string, DataFileState>;
  /** Data files that exist on disk (relative paths), e.g. for backups and migration clean-up. */
  diskFiles: string[];
  notes: { de: string; en: string }[];
  /** The change log replayed over the files (see log.ts). */
  log: LoadedLog;
  /** Content hash of every data file read (all valid once loaded), for library.json's record. */
  checksums: Map<string, string>;
  /** Data files validated entity by entity (no matching recorded hash), relative paths. */
  validated: string[];
}

export interface LoadOptions {
  /** Validate every entity even when a file's hash matches the recorded one (`vitrine check`). */
  verify?: boolean;
}

export interface LoadedLog {
  /** Bytes of its complete lines and how many there are (also those already in the files). */
  bytes: number;
  entries: number;
  torn: { line: number; bytes: number } | null;
  /** Files (relative paths) whose content now differs from disk by the replayed lines. */
  dirty: Set<string>;
  manifestDirty: boolean;
}

/** Replaces file contents while loading: a complete journal seen by a read-only open. */
export type Overlay = Map<string, string | null>;

const ManifestHead = z.object({
  format: z.string(),
  schemaVersion: z.number().int(),
});

function invalidData(
  file: string,
  path: string,
  what: { de: string; en: string },
  details?: unknown,
) {
  return fileError('FILE_INVALID_DATA', what, path ? { file, path } : { file }, { details });
}

function zodFailure(
  file: string,
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[],
) {
  const summary = summarizeIssues(issues, prefix);
  const first = summary[0]!;
  return invalidData(
    file,
    first.path,
    {
      de: `Ungültige Daten bei ${first.path || 'der Wurzel'}: ${first.message}`,
      en: `Invalid data at ${first.path || 'the root'}: ${first.message}`,
    },
    summary,
  );
}

async function readText(root: string, rel: string, overlay: Overlay | undefined, max?: number) {
  if (overlay?.has(rel)) return overlay.get(rel) ?? null;
  return readTextFile(root, rel, max);
}

/** A data file's text and the hash of its bytes, null when it does not exist. */
async function readHashed(
  root: string,
  rel: string,
  overlay: Overlay | undefined,
): Promise<{ text: string; hash: string } | null> {
  if (overlay?.has(rel)) {
    const text = overlay.get(rel) ?? null;
    return text === null ? null : { text, hash: contentHash(text) };
  }
  const bytes = await readFileBytes(root, rel);
  if (bytes === null) return null;
  return { text: bytes.toString('utf8'), hash: contentHash(bytes) };
}

/** Files read a few ahead of the one being parsed (I/O overlaps parsing); results in order. */
function prefetched<T>(names: readonly string[], read: (name: string) => Promise<T>, ahead = 4) {
  const pending: Promise<T>[] = [];
  let started = 0;
  const fill = () => {
    while (started < names.length && pending.length < ahead) {
      const promise = read(names[started++]!);
      // Awaited in order below; a failure further ahead must not surface as unhandled first.
      promise.catch(() => undefined);
      pending.push(promise);
    }
  };
  return {
    next(): Promise<T> {
      fill();
      const head = pending.shift()!;
      fill();
      return head;
    },
  };
}

async function readJson(
  root: string,
  rel: string,
  overlay: Overlay | undefined,
  max?: number,
): Promise<unknown> {
  const text = await readText(root, rel, overlay, max);
  return text === null ? undefined : parseJsonText(text, rel);
}

export async function readManifestRaw(
  root: string,
  overlay?: Overlay,
): Promise<Record<string, unknown>> {
  let info;
  try {
    info = await stat(root);
  } catch {
    info = null;
  }
  const notFound = () =>
    new AppError(
      'LIBRARY_NOT_FOUND',
      {
        de: `Hier ist keine Vitrine-Bibliothek (${root}): ${MANIFEST_FILE} fehlt. Wählen Sie den Bibliotheksordner oder stellen Sie eine Sicherung wieder her.`,
        en: `There is no Vitrine library here (${root}): ${MANIFEST_FILE} is missing. Choose the library folder or restore a backup.`,
      },
      { location: { file: MANIFEST_FILE } },
    );
  if (!info?.isDirectory()) throw notFound();
  const raw = await readJson(root, MANIFEST_FILE, overlay, MAX_MANIFEST_BYTES);
  if (raw === undefined) throw notFound();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw invalidData(MANIFEST_FILE, '', {
      de: 'Erwartet wird ein JSON-Objekt',
      en: 'A JSON object is expected',
    });
  const head = ManifestHead.safeParse(raw);
  if (!head.success) throw zodFailure(MANIFEST_FILE, head.error.issues, []);
  if (head.data.format !== LIBRARY_FORMAT)
    throw invalidData(MANIFEST_FILE, 'format', {
      de: `Keine Vitrine-Bibliothek (format ist „${head.data.format}“)`,
      en: `Not a Vitrine library (format is “${head.data.format}”)`,
    });
  const version = head.data.schemaVersion;
  if (version > SCHEMA_VERSION)
    throw new AppError(
      'VERSION_UNSUPPORTED',
      {
        de: `Die Bibliothek hat Schema-Version ${version}; diese Vitrine kennt nur bis ${SCHEMA_VERSION}. Installieren Sie die neueste Vitrine-Version.`,
        en: `The library has schema version ${version}; this Vitrine knows up to ${SCHEMA_VERSION}. Install the newest version of Vitrine.`,
      },
      {
        location: { file: MANIFEST_FILE, path: 'schemaVersion' },
        details: { found: version, supported: SCHEMA_VERSION },
      },
    );
  if (version < FIRST_SCHEMA_VERSION)
    throw invalidData(MANIFEST_FILE, 'schemaVersion', {
      de: `Unbekannte Schema-Version ${version}`,
      en: `Unknown schema version ${version}`,
    });
  return raw as Record<string, unknown>;
}

function envelope(collection: CollectionName) {
  return z.object({
    revision: z.number().int().nonnegative().default(0),
    [collection]: z.array(z.unknown()),
  });
}

interface Origin {
  file: string;
  index: number;
}

/** Lists the data files of a layout; missing optional files simply yield no entry. */
export async function listDataFiles(
  root: string,
  version: number,
  overlay?: Overlay,
): Promise<string[]> {
  if (version < 2) return COLLECTIONS.map(v1CollectionFile);
  const names = new Set<string>();
  try {
    for (const name of await readdir(join(root, ITEMS_DIR)))
      if (ITEM_SHARD_NAME.test(name)) names.add(`${ITEMS_DIR}/${name}`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  for (const key of overlay?.keys() ?? []) if (key.startsWith(`${ITEMS_DIR}/`)) names.add(key);
  return [...SINGLE_FILE_COLLECTIONS.map(collectionFile), ...[...names].sort()];
}

function collectionOfFile(rel: string): CollectionName {
  if (rel.startsWith(`${ITEMS_DIR}/`)) return 'items';
  const name = rel.slice('data/'.length, -'.json'.length);
  return name as CollectionName;
}

/**
 * parse → migrate → validate. Reads only; never writes, so a damaged library stays exactly as it
 * was. Errors are AppErrors naming the file and the place (line/column or data path).
 */
export async function loadLibrary(
  root: string,
  overlay?: Overlay,
  options: LoadOptions = {},
): Promise<LoadedLibrary> {
  const manifestRaw = await readManifestRaw(root, overlay);
  const sourceVersion = manifestRaw.schemaVersion as number;
  const candidates = await listDataFiles(root, sourceVersion, overlay);
  // Hashes recorded by the store for files it wrote under this schema (see checksums.ts).
  const recorded =
    options.verify || sourceVersion !== SCHEMA_VERSION
      ? new Map<string, string>()
      : readChecksums(manifestRaw);
  const checksums = new Map<string, string>();
  const trusted = new Set<string>();

  const raw: RawLibrary = {
    manifest: manifestRaw,
    items: [],
    partnerships: [],
    awards: [],
    exhibitions: [],
  };
  const origins: Record<CollectionName, Origin[]> = {
    items: [],
    partnerships: [],
    awards: [],
    exhibitions: [],
  };
  const revisions = new Map<string, number>();
  const diskFiles: string[] = [];
  const reads = prefetched(candidates, (rel) => readHashed(root, rel, overlay));
  for (const rel of candidates) {
    const read = await reads.next();
    if (read === null) continue;
    const json = parseJsonText(read.text, rel);
    checksums.set(rel, read.hash);
    if (recorded.get(rel) === checksums.get(rel)) trusted.add(rel);
    diskFiles.push(rel);
    const collection = collectionOfFile(rel);
    if (typeof json !== 'object' || json === null || Array.isArray(json))
      throw invalidData(rel, '', {
        de: `Erwartet wird ein JSON-Objekt mit „revision“ und „${collection}“, gefunden: ${Array.isArray(json) ? 'eine Liste' : typeof json}`,
        en: `A JSON object with “revision” and “${collection}” is expected, found: ${Array.isArray(json) ? 'an array' : typeof json}`,
      });
    let list: unknown[];
    let revision: number;
    const body = json as Record<string, unknown>;
    if (trusted.has(rel) && Array.isArray(body[collection]) && Number.isInteger(body.revision)) {
      list = body[collection] as unknown[];
      revision = body.revision as number;
    } else {
      trusted.delete(rel);
      const parsed = envelope(collection).safeParse(json);
      if (!parsed.success) throw zodFailure(rel, parsed.error.issues, []);
      list = parsed.data[collection] as unknown[];
      revision = parsed.data.revision as number;
    }
    revisions.set(rel, revision);
    list.forEach((entity, index) => {
      raw[collection].push(entity);
      origins[collection].push({ file: rel, index });
    });
  }

  let current = raw;
  if (sourceVersion < SCHEMA_VERSION) {
    try {
      current = migrate(raw, sourceVersion);
    } catch (error) {
      throw invalidData(MANIFEST_FILE, 'schemaVersion', {
        de: `Migration von Version ${sourceVersion} fehlgeschlagen: ${String(error)}`,
        en: `Migration from version ${sourceVersion} failed: ${String(error)}`,
      });
    }
  }

  const manifest = Manifest.safeParse(current.manifest);
  if (!manifest.success) throw zodFailure(MANIFEST_FILE, manifest.error.issues, []);
  const manifestRevision =
    typeof manifestRaw.revision === 'number' &&
    Number.isInteger(manifestRaw.revision) &&
    manifestRaw.revision >= 0
      ? manifestRaw.revision
      : 0;

  const files = new Map<string, DataFileState>();
  const fileState = (rel: string, collection: CollectionName): DataFileState => {
    let state = files.get(rel);
    if (!state) {
      state = { collection, revision: revisions.get(rel) ?? 0, entities: [] };
      files.set(rel, state);
    }
    return state;
  };
  const migrated = sourceVersion < SCHEMA_VERSION;
  for (const collection of COLLECTIONS) {
    const schema = EntitySchemas[collection];
    const seen = new Map<string, Origin>();
    const list = current[collection];
    for (let i = 0; i < list.length; i++) {
      const origin = origins[collection][i]!;
      let entity: EntityOf[typeof collection];
      if (migrated || !trusted.has(origin.file)) {
        const result = schema.safeParse(list[i]);
        if (!result.success)
          throw zodFailure(origin.file, result.error.issues, [collection, origin.index]);
        entity = result.data as EntityOf[typeof collection];
      } else entity = list[i] as EntityOf[typeof collection];
      const before = seen.get(entity.id);
      if (before) {
        const path = formatDataPath([collection, origin.index, 'id']);
        throw fileError(
          'DUPLICATE_ID',
          {
            de: `Die Kennung „${entity.id}“ kommt doppelt vor (auch in ${before.file} bei ${collection}[${before.index}])`,
            en: `The id “${entity.id}” occurs twice (also in ${before.file} at ${collection}[${before.index}])`,
          },
          { file: origin.file, path },
          { details: { id: entity.id, first: before } },
        );
      }
      seen.set(entity.id, origin);
      // A migrated library is written in the current layout; a current one keeps every item where it is.
      const rel =
        sourceVersion < SCHEMA_VERSION
          ? collection === 'items'
            ? itemShardFile(shardOf(entity.id))
            : collectionFile(collection)
          : origin.file;
      (fileState(rel, collection).entities as unknown[]).push(entity);
    }
  }
  if (sourceVersion >= SCHEMA_VERSION)
    for (const rel of diskFiles) fileState(rel, collectionOfFile(rel));
  for (const c of SINGLE_FILE_COLLECTIONS) fileState(collectionFile(c), c);

  let revision = manifestRevision;
  for (const r of revisions.values()) revision = Math.max(revision, r);
  const loaded: LoadedLibrary = {
    manifest: manifest.data,
    manifestRevision,
    sourceVersion,
    revision,
    files,
    diskFiles,
    notes: current.notes ?? [],
    log: { bytes: 0, entries: 0, torn: null, dirty: new Set(), manifestDirty: false },
    checksums: migrated ? new Map() : checksums,
    validated: diskFiles.filter((rel) => !trusted.has(rel)),
  };
  await replayLog(root, overlay, loaded);
  return loaded;
}

/**
 * Applies the change log's lines newer than the files (older ones are already in them: a
 * compaction wrote the files but died before removing the log). Entities are validated like the
 * files' ones; an item stays in the file it is in, a new one goes to its hash shard.
 */
async function replayLog(root: string, overlay: Overlay | undefined, loaded: LoadedLibrary) {
  const log = parseLog(await readText(root, LOG_FILE, overlay));
  loaded.log.bytes = log.validBytes;
  loaded.log.entries = log.records.length;
  loaded.log.torn = log.torn;
  if (log.torn)
    loaded.notes.push({
      de: `Die letzte Zeile des Änderungsprotokolls (Zeile ${log.torn.line}) war unvollständig: eine Änderung, die beim Absturz noch nicht bestätigt war. Sie wurde verworfen.`,
      en: `The last line of the change log (line ${log.torn.line}) was incomplete: a change that was not yet acknowledged when the program stopped. It was discarded.`,
    });
  const newer = log.records.filter((r) => r.revision > loaded.revision);
  if (newer.length === 0) return;
  // id → file, and each touched file's entities keyed by id (a Map keeps their order).
  const where = new Map<string, string>();
  for (const [rel, state] of loaded.files)
    if (state.collection === 'items') for (const e of state.entities) where.set(e.id, rel);
  const touched = new Map<string, Map<string, unknown>>();
  const entitiesOf = (rel: string) => {
    let map = touched.get(rel);
    if (!map) {
      map = new Map(loaded.files.get(rel)!.entities.map((e) => [e.id, e]));
      touched.set(rel, map);
    }
    return map;
  };
  for (const record of newer) applyRecord(record, loaded, where, entitiesOf);
  for (const [rel, map] of touched) {
    loaded.files.get(rel)!.entities = [...map.values()] as EntityOf[CollectionName][];
    loaded.log.dirty.add(rel);
  }
  loaded.revision = newer.at(-1)!.revision;
}

function applyRecord(
  record: LogRecord,
  loaded: LoadedLibrary,
  where: Map<string, string>,
  entitiesOf: (rel: string) => Map<string, unknown>,
) {
  for (const collection of COLLECTIONS) {
    const changes = record.changes[collection];
    if (!changes) continue;
    for (const [id, value] of Object.entries(changes)) {
      let rel: string;
      if (collection !== 'items') rel = collectionFile(collection);
      else {
        rel = where.get(id) ?? itemShardFile(shardOf(id));
        where.set(id, rel);
      }
      if (!loaded.files.has(rel))
        loaded.files.set(rel, { collection, revision: 0, entities: [] } as DataFileState);
      const map = entitiesOf(rel);
      if (value === null) {
        map.delete(id);
        if (collection === 'items') where.delete(id);
        continue;
      }
      const checked = EntitySchemas[collection].safeParse(value);
      if (!checked.success) throw zodFailure(LOG_FILE, checked.error.issues, [collection, id]);
      if (checked.data.id !== id)
        throw invalidData(LOG_FILE, formatDataPath([collection, id, 'id']), {
          de: `Revision ${record.revision}: die Kennung passt nicht zum Eintrag`,
          en: `Revision ${record.revision}: the id does not match its entry`,
        });
      map.set(id, checked.data);
    }
  }
  if (record.manifest !== undefined) {
    const manifest = Manifest.safeParse(record.manifest);
    if (!manifest.success) throw zodFailure(LOG_FILE, manifest.error.issues, ['manifest']);
    loaded.manifest = manifest.data;
    loaded.log.manifestDirty = true;
  }
}
