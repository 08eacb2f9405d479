import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { libraryFilesOnDisk, listBackups, takeSnapshot, type BackupInfo } from './backups';
import { applyJournal, writeJournal, type JournalEntry } from './journal';
import { loadLibrary } from './load';
import { acquireLock } from './lock';
import type { Clock } from './store';

export interface RestoreResult {
  /** The backup whose files are now the library. */
  restored: BackupInfo;
  /** Where the files that were replaced went (`backups/damaged-…`); nothing is deleted. */
  damaged: BackupInfo;
  /** Backups that were newer but did not validate, with the reason. */
  skipped: { id: string; code: string; message: string }[];
}

export { listBackups };

async function restoreFrom(
  root: string,
  chosen: BackupInfo,
  clock: Clock,
  skipped: RestoreResult['skipped'],
): Promise<RestoreResult> {
  // Current files are linked aside first, then replaced through the journal: a crash in between
  // leaves either the old files or (after the next open replays the journal) the restored ones.
  const damaged = await takeSnapshot(root, {
    kind: 'damaged',
    now: clock(),
    revision: null,
    withJournal: true,
  });
  const current = await libraryFilesOnDisk(root);
  const wanted = await libraryFilesOnDisk(chosen.path);
  const files: JournalEntry[] = [];
  for (const rel of wanted)
    files.push({ path: rel, content: await readFile(join(chosen.path, rel), 'utf8') });
  for (const rel of current) if (!wanted.includes(rel)) files.push({ path: rel, content: null });
  await writeJournal(root, { revision: chosen.revision ?? 0, files });
  await applyJournal(root, { revision: chosen.revision ?? 0, files });
  return { restored: chosen, damaged, skipped };
}

async function withLock<T>(root: string, clock: Clock, task: () => Promise<T>): Promise<T> {
  const lock = await acquireLock(root, clock());
  try {
    return await task();
  } finally {
    await lock.release();
  }
}

function noValidBackup(skipped: RestoreResult['skipped']): AppError {
  return new AppError(
    'NO_VALID_BACKUP',
    {
      de: `Es gibt keine gültige Sicherung (${skipped.length} geprüft). Wenden Sie sich an den IT-Support; die Dateien bleiben unverändert.`,
      en: `There is no valid backup (${skipped.length} checked). Contact IT support; the files are left unchanged.`,
    },
    { details: skipped },
  );
}

/**
 * Finds the newest backup that itself validates completely and makes it the library again. The
 * replaced files are kept under `backups/damaged-<time>/`. Refused while another process writes.
 */
export async function restoreNewestValidBackup(
  dir: string,
  options: { clock?: Clock } = {},
): Promise<RestoreResult> {
  const root = resolve(dir);
  const clock = options.clock ?? (() => new Date());
  return withLock(root, clock, async () => {
    const skipped: RestoreResult['skipped'] = [];
    for (const backup of await listBackups(root)) {
      if (backup.kind === 'damaged') continue;
      try {
        await loadLibrary(backup.path);
      } catch (error) {
        const e = error instanceof AppError ? error : null;
        skipped.push({
          id: backup.id,
          code: e?.code ?? 'INTERNAL',
          message: e?.message ?? String(error),
        });
        continue;
      }
      return restoreFrom(root, backup, clock, skipped);
    }
    throw noValidBackup(skipped);
  });
}

/** Restores one named backup (an id from `listBackups`), after checking that it validates. */
export async function restoreBackup(
  dir: string,
  id: string,
  options: { clock?: Clock } = {},
): Promise<RestoreResult> {
  const root = resolve(dir);
  const clock = options.clock ?? (() => new Date());
  return withLock(root, clock, async () => {
    const backup = (await listBackups(root)).find((b) => b.id === id);
    if (!backup)
      throw new AppError(
        'NOT_FOUND',
        { de: `Die Sicherung „${id}“ gibt es nicht.`, en: `The backup “${id}” does not exist.` },
        { details: { id } },
      );
    try {
      await loadLibrary(backup.path);
    } catch (error) {
      const e = error instanceof AppError ? error : null;
      throw noValidBackup([
        { id, code: e?.code ?? 'INTERNAL', message: e?.message ?? String(error) },
      ]);
    }
    return restoreFrom(root, backup, clock, []);
  });
}
