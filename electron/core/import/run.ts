import { rm } from 'node:fs/promises';
import path from 'node:path';
import {
  mediaPath,
  thumbnailPath,
  type CommandResult,
  type Item,
  type LibrarySnapshot,
  type MediaAsset,
} from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { Library } from '../library';
import { createMediaImporter, type MediaLimitsInput } from '../media';
import { planImport, sameItem, type PlanOptions } from './plan';
import type { Table } from './read-table';
import { countRows, type ImportCounts, type RowReport } from './report';

export interface ImportProgress {
  phase: 'media' | 'write';
  done: number;
  total: number;
  /** Seconds left, estimated from the pace so far; absent until there is a pace. */
  etaSeconds?: number;
}

export interface RunOptions extends Omit<PlanOptions, 'mediaDir'> {
  mediaDir?: string;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  mediaLimits?: MediaLimitsInput;
}

export interface ImportOutcome {
  rows: RowReport[];
  counts: ImportCounts;
  /** Revision after the import; unchanged when nothing was written. */
  revision: number;
  /** The inverse of the whole import: applying it is the one undo step. Null if nothing changed. */
  undo: CommandResult['undo'] | null;
  /** Item ids created or updated. */
  itemIds: string[];
}

/** What a snapshot must hold for planning: the default language, the partnerships, the items. */
export type PlanSnapshot = Pick<
  LibrarySnapshot,
  'manifest' | 'revision' | 'items' | 'partnerships'
>;

/** A prepared import as plain data (it crosses from the worker): reports, items, added media. */
export interface PreparedImport {
  rows: RowReport[];
  /** Items to write: created and changed ones, with their media. */
  items: Item[];
  /** Media files this run added to the library's media folder (removed again on a failure). */
  added: MediaAsset[];
}

export function importCancelled(): AppError {
  return new AppError('CANCELLED', {
    de: 'Der Import wurde abgebrochen; die Bibliothek ist unverändert.',
    en: 'The import was cancelled; the library is unchanged.',
  });
}

/** The dry run: the report of what a real run would do; reads the library, writes nothing. */
export async function dryRunImport(
  snapshot: PlanSnapshot,
  table: Table,
  options: PlanOptions,
): Promise<{ rows: RowReport[]; counts: ImportCounts }> {
  const plan = await planImport(table, snapshot, options);
  const rows = plan.rows.map((d) => d.report);
  return { rows, counts: countRows(rows) };
}

function eta(started: number, done: number, total: number): number | undefined {
  if (done === 0) return undefined;
  const elapsed = (Date.now() - started) / 1000;
  return Math.max(0, Math.round((elapsed / done) * (total - done)));
}

/**
 * The real run, first half: plans the rows against a snapshot and brings their media files into
 * the library's media folder through the same content-based importer as single imports (dedupe
 * by hash, type from content, refusal of corrupt files and bombs). Writes media files only
 * (content-addressed, atomic), never the store: it runs in the worker process, and the process
 * that owns the library writes the items with `commitImport`, so the store keeps one writer. On
 * a cancel or a failure the media files this run added are removed again.
 */
export async function prepareImport(
  libraryDir: string,
  snapshot: PlanSnapshot,
  table: Table,
  options: RunOptions,
): Promise<PreparedImport> {
  const { signal, onProgress } = options;
  const mediaDir = options.mediaDir ?? path.dirname(table.file);
  const plan = await planImport(table, snapshot, { ...options, mediaDir });
  const active = plan.rows.filter((d) => d.build);
  const files = [...new Set(active.flatMap((d) => d.mediaFiles))];
  const added: MediaAsset[] = [];
  const assets = new Map<string, MediaAsset | AppError>();

  try {
    signal?.throwIfAborted();
    if (files.length > 0) {
      const importer = createMediaImporter({
        libraryDir,
        ...(options.mediaLimits ? { limits: options.mediaLimits } : {}),
      });
      const started = Date.now();
      onProgress?.({ phase: 'media', done: 0, total: files.length });
      const entries = await importer.importFiles(files, {
        ...(signal ? { signal } : {}),
        onProgress: (p) => {
          if (p.result.status === 'imported') added.push(p.result.asset);
          const e = eta(started, p.done, p.total);
          onProgress?.({
            phase: 'media',
            done: p.done,
            total: p.total,
            ...(e !== undefined ? { etaSeconds: e } : {}),
          });
        },
      });
      signal?.throwIfAborted();
      for (const { sourcePath, result } of entries)
        assets.set(sourcePath, result.status === 'rejected' ? result.error : result.asset);
    }

    const items: Item[] = [];
    for (const draft of active) {
      const found = draft.mediaFiles.map((f) => assets.get(f));
      const failed = found.find((a): a is AppError => a instanceof AppError);
      if (failed) {
        draft.report.action = 'skipped';
        draft.report.reasons.push({
          code: 'media-rejected',
          de: failed.messages.de,
          en: failed.messages.en,
        });
        continue;
      }
      const media = found.length > 0 ? (found as MediaAsset[]) : null;
      const item = draft.build!(media);
      if (draft.existing && sameItem(draft.existing, item)) {
        draft.report.action = 'unchanged';
        continue;
      }
      draft.report.action = draft.existing ? 'update' : 'create';
      items.push(item);
    }
    signal?.throwIfAborted();
    return { rows: plan.rows.map((d) => d.report), items, added };
  } catch (error) {
    await removeUnused(libraryDir, snapshot.items, added);
    if (signal?.aborted) throw importCancelled();
    throw error;
  }
}

function changedMeanwhile(): AppError {
  return new AppError('IN_USE', {
    de: 'Objekte, die der Import ändern würde, wurden währenddessen bearbeitet. Es wurde nichts übernommen; bitte den Probelauf und den Import erneut starten.',
    en: 'Items the import would change were edited meanwhile. Nothing was taken over; please run the dry run and the import again.',
  });
}

/**
 * The real run, second half, in the process that owns the library: every item in ONE batch
 * command, so the whole import is one undo step and all-or-nothing. `planned` is the snapshot
 * the import was prepared against; an item edited since (or created under the same id) refuses
 * the whole import rather than overwrite that edit. After a cancel or a failure the media files
 * the preparation added are removed, so the library is exactly as before.
 */
export async function commitImport(
  library: Library,
  planned: PlanSnapshot,
  prepared: PreparedImport,
  options: Pick<RunOptions, 'signal' | 'onProgress'> = {},
): Promise<ImportOutcome> {
  const { signal, onProgress } = options;
  const { rows, items, added } = prepared;
  const cleanUp = () => removeUnused(library.dir, library.snapshot().items, added);
  try {
    onProgress?.({ phase: 'write', done: 0, total: 1 });
    if (signal?.aborted) throw importCancelled();
    if (items.length === 0) {
      await cleanUp();
      return { rows, counts: countRows(rows), revision: library.revision, undo: null, itemIds: [] };
    }
    if (library.revision !== planned.revision) {
      const before = new Map(planned.items.map((i) => [i.id, i]));
      // Entities are replaced, never mutated, in the store: an untouched item is the same object.
      if (items.some((i) => library.get('items', i.id) !== before.get(i.id)))
        throw changedMeanwhile();
    }
    const result = await library.apply({
      type: 'batch',
      commands: items.map((item) => ({ type: 'putItem' as const, item })),
    });
    onProgress?.({ phase: 'write', done: 1, total: 1 });
    return {
      rows,
      counts: countRows(rows),
      revision: result.revision,
      undo: result.undo,
      itemIds: items.map((i) => i.id),
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/**
 * The real run in one process (CLI without a worker, bench, tests): `prepareImport` and then
 * `commitImport` against the same snapshot.
 */
export async function runImport(
  library: Library,
  table: Table,
  options: RunOptions,
): Promise<ImportOutcome> {
  const snapshot = library.snapshot();
  const prepared = await prepareImport(library.dir, snapshot, table, options);
  return commitImport(library, snapshot, prepared, options);
}

/** Removes media files an aborted run added, unless an item uses them. */
async function removeUnused(
  libraryDir: string,
  items: readonly Item[],
  added: readonly MediaAsset[],
): Promise<void> {
  const used = new Set(items.flatMap((i) => i.media.map((m) => m.sha256)));
  for (const asset of added) {
    if (used.has(asset.sha256)) continue;
    await rm(path.join(libraryDir, mediaPath(asset)), { force: true });
    await rm(path.join(libraryDir, thumbnailPath(asset.sha256)), { force: true });
  }
}
