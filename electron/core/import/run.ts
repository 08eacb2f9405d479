import { rm } from 'node:fs/promises';
import path from 'node:path';
import {
  mediaPath,
  thumbnailPath,
  type CommandResult,
  type Item,
  type MediaAsset,
} from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { Library } from '../library';
import { createMediaImporter, type MediaLimitsInput } from '../media';
import { planImport, sameItem, type PlanOptions, type RowDraft } from './plan';
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

export function importCancelled(): AppError {
  return new AppError('CANCELLED', {
    de: 'Der Import wurde abgebrochen; die Bibliothek ist unverändert.',
    en: 'The import was cancelled; the library is unchanged.',
  });
}

/** The dry run: the report of what a real run would do; reads the library, writes nothing. */
export async function dryRunImport(
  snapshot: Parameters<typeof planImport>[1],
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
 * The real run. Media files go through the same content-based importer as single imports
 * (dedupe by hash, type from content, refusal of corrupt files and bombs); then every item is
 * written in ONE batch command, so the whole import is one undo step and all-or-nothing. A
 * cancel before the batch removes the media files this run added and nothing else; the library
 * is then exactly as before.
 */
export async function runImport(
  library: Library,
  table: Table,
  options: RunOptions,
): Promise<ImportOutcome> {
  const { signal, onProgress } = options;
  const mediaDir = options.mediaDir ?? path.dirname(table.file);
  const snapshot = library.snapshot();
  const plan = await planImport(table, snapshot, { ...options, mediaDir });
  const active = plan.rows.filter((d) => d.build);
  const files = [...new Set(active.flatMap((d) => d.mediaFiles))];
  const added: MediaAsset[] = [];
  const assets = new Map<string, MediaAsset | AppError>();

  const cleanUp = async () => {
    const used = new Set(library.snapshot().items.flatMap((i) => i.media.map((m) => m.sha256)));
    for (const asset of added) {
      if (used.has(asset.sha256)) continue;
      await rm(path.join(library.dir, mediaPath(asset)), { force: true });
      await rm(path.join(library.dir, thumbnailPath(asset.sha256)), { force: true });
    }
  };

  try {
    signal?.throwIfAborted();
    if (files.length > 0) {
      const importer = createMediaImporter({
        libraryDir: library.dir,
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
    const touched: RowDraft[] = [];
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
      touched.push(draft);
    }
    onProgress?.({ phase: 'write', done: 0, total: 1 });
    signal?.throwIfAborted();
    const rows = plan.rows.map((d) => d.report);
    if (items.length === 0) {
      await cleanUp();
      return { rows, counts: countRows(rows), revision: library.revision, undo: null, itemIds: [] };
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
    if (signal?.aborted) throw importCancelled();
    throw error;
  }
}
