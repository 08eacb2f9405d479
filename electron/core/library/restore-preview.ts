import { lstat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { COLLECTIONS, type CollectionName } from '../../../shared/domain/library';
import { AppError } from '../../../shared/errors';
import { listBackups, type BackupInfo, type BackupKind } from './backups';
import { loadLibrary, type LoadedLibrary } from './load';
import { openLibrary } from './store';

/** A backup as people choose from it: when, what kind, how big, and whether it can be restored. */
export interface BackupSummary {
  id: string;
  kind: BackupKind;
  createdAt: string;
  revision: number | null;
  /** Bytes of its files (a hard-linked file counts in full here; it is stored once on disk). */
  bytes: number;
  valid: boolean;
  /** Why it cannot be restored, when it is not valid. */
  problem?: { code: string; message: { de: string; en: string } };
  counts: Record<CollectionName, number> | null;
}

export interface CollectionChange {
  /** Entities now; null when the current library cannot be read. */
  before: number | null;
  after: number;
  added: number;
  removed: number;
  changed: number;
}

export interface RestorePreview {
  backup: BackupSummary;
  /** Newer backups passed over because they did not validate (newest-valid only). */
  skipped: { id: string; code: string; message: string }[];
  /** Why the current library cannot be read, when it cannot (then every entity counts as added). */
  currentProblem: { code: string; message: { de: string; en: string } } | null;
  changes: Record<CollectionName, CollectionChange>;
}

export type RestoreTarget = { newestValid: true } | { id: string };

type Entities = Record<CollectionName, Map<string, string>>;

function problemOf(error: unknown): { code: string; message: { de: string; en: string } } {
  if (error instanceof AppError)
    return { code: error.code, message: { de: error.messageIn('de'), en: error.messageIn('en') } };
  return { code: 'INTERNAL', message: { de: String(error), en: String(error) } };
}

function entitiesOf(loaded: LoadedLibrary): Entities {
  const out = Object.fromEntries(COLLECTIONS.map((c) => [c, new Map()])) as Entities;
  for (const state of loaded.files.values())
    for (const entity of state.entities as { id: string }[])
      out[state.collection].set(entity.id, JSON.stringify(entity));
  return out;
}

function countsOf(entities: Entities): Record<CollectionName, number> {
  return Object.fromEntries(COLLECTIONS.map((c) => [c, entities[c].size])) as Record<
    CollectionName,
    number
  >;
}

async function sizeOf(backup: BackupInfo): Promise<number> {
  let bytes = 0;
  for (const rel of backup.files)
    bytes += (await lstat(join(backup.path, rel)).catch(() => null))?.size ?? 0;
  return bytes;
}

async function summarize(
  backup: BackupInfo,
): Promise<{ summary: BackupSummary; entities: Entities | null }> {
  const base = {
    id: backup.id,
    kind: backup.kind,
    createdAt: backup.createdAt,
    revision: backup.revision,
    bytes: await sizeOf(backup),
  };
  try {
    const entities = entitiesOf(await loadLibrary(backup.path));
    return { summary: { ...base, valid: true, counts: countsOf(entities) }, entities };
  } catch (error) {
    return {
      summary: { ...base, valid: false, problem: problemOf(error), counts: null },
      entities: null,
    };
  }
}

/** Every backup, newest first, each validated completely (read-only: nothing is written). */
export async function describeBackups(dir: string): Promise<BackupSummary[]> {
  const out: BackupSummary[] = [];
  for (const backup of await listBackups(resolve(dir))) out.push((await summarize(backup)).summary);
  return out;
}

/** The entities of the library as a read-only open sees it (journal included). */
async function currentEntities(root: string): Promise<Entities> {
  const library = await openLibrary(root, { readOnly: true });
  try {
    const snapshot = library.snapshot();
    const out = Object.fromEntries(COLLECTIONS.map((c) => [c, new Map()])) as Entities;
    for (const c of COLLECTIONS)
      for (const entity of snapshot[c] as { id: string }[])
        out[c].set(entity.id, JSON.stringify(entity));
    return out;
  } finally {
    await library.close();
  }
}

function notFound(id: string): AppError {
  return new AppError(
    'NOT_FOUND',
    { de: `Die Sicherung „${id}“ gibt es nicht.`, en: `The backup “${id}” does not exist.` },
    { details: { id } },
  );
}

/**
 * What restoring would change, per collection, without writing anything. The restore itself
 * (`restoreBackup`/`restoreNewestValidBackup`) picks the same backup by the same rule.
 */
export async function previewRestore(dir: string, target: RestoreTarget): Promise<RestorePreview> {
  const root = resolve(dir);
  const all = await listBackups(root);
  const skipped: RestorePreview['skipped'] = [];
  let chosen: { summary: BackupSummary; entities: Entities } | null = null;
  if ('id' in target) {
    const backup = all.find((b) => b.id === target.id);
    if (!backup) throw notFound(target.id);
    const result = await summarize(backup);
    if (!result.entities)
      throw new AppError(
        'NO_VALID_BACKUP',
        {
          de: `Die Sicherung „${backup.id}“ ist nicht gültig: ${result.summary.problem!.message.de}`,
          en: `The backup “${backup.id}” is not valid: ${result.summary.problem!.message.en}`,
        },
        { details: result.summary.problem },
      );
    chosen = { summary: result.summary, entities: result.entities };
  } else {
    for (const backup of all) {
      if (backup.kind === 'damaged') continue;
      const result = await summarize(backup);
      if (result.entities) {
        chosen = { summary: result.summary, entities: result.entities };
        break;
      }
      skipped.push({
        id: backup.id,
        code: result.summary.problem!.code,
        message: result.summary.problem!.message.en,
      });
    }
    if (!chosen)
      throw new AppError('NO_VALID_BACKUP', {
        de: `Es gibt keine gültige Sicherung (${skipped.length} geprüft). Wenden Sie sich an den IT-Support; die Dateien bleiben unverändert.`,
        en: `There is no valid backup (${skipped.length} checked). Contact IT support; the files are left unchanged.`,
      });
  }

  let current: Entities | null = null;
  let currentProblem: RestorePreview['currentProblem'] = null;
  try {
    current = await currentEntities(root);
  } catch (error) {
    currentProblem = problemOf(error);
  }
  const changes = {} as Record<CollectionName, CollectionChange>;
  for (const c of COLLECTIONS) {
    const after = chosen.entities[c];
    const before = current?.[c] ?? new Map<string, string>();
    let added = 0;
    let changed = 0;
    for (const [id, json] of after) {
      const old = before.get(id);
      if (old === undefined) added++;
      else if (old !== json) changed++;
    }
    let removed = 0;
    for (const id of before.keys()) if (!after.has(id)) removed++;
    changes[c] = {
      before: current ? before.size : null,
      after: after.size,
      added,
      removed,
      changed,
    };
  }
  return { backup: chosen.summary, skipped, currentProblem, changes };
}
