import { exportExhibition, type ExportOptions, type ExportResult } from '../export';
import { createMediaImporter, type BatchEntry } from '../media';
import { imageBackendName, loadSharp } from '../media/sharp';
import { loadSampleContent } from '../sample/content';
import { generateSampleMedia, recipesOf, type SampleMediaStep } from '../sample/generate';
import { exchangeTasks } from './exchange-tasks';
import { serializeError, type SerializedError } from './protocol';

/**
 * The worker's task table: heavy work that must not run on the event loop of the process that
 * owns the window (Electron main) or serves HTTP (the web host). Each task gets its input as
 * plain data plus a context with the cancel signal and a progress callback, and answers plain
 * data. The same table runs in-process when no worker is configured (unit tests).
 */
export interface TaskContext {
  signal: AbortSignal;
  progress(value: unknown): void;
}

export type ExportTaskInput = Omit<ExportOptions, 'signal' | 'onProgress'>;

/** A batch entry as plain data: a rejection's AppError travels with both languages. */
export type PlainBatchEntry =
  | Exclude<BatchEntry, { result: { status: 'rejected' } }>
  | { sourcePath: string; result: { status: 'rejected'; error: SerializedError } };

export const workerTasks = {
  /** Derivatives, pages, copies and the streaming zip of one exhibition export. */
  export: (input: ExportTaskInput, ctx: TaskContext): Promise<ExportResult> =>
    exportExhibition({
      ...input,
      signal: ctx.signal,
      onProgress: (p) => ctx.progress(p),
    }),
  /**
   * Media import: format check, copy and hash into the library's media folder, image header,
   * thumbnail and metadata. Writes files only (content-addressed, atomic); the host then writes
   * the items through the store, so the store keeps one writer.
   */
  importMedia: async (
    input: { libraryDir: string; paths: string[] },
    ctx: TaskContext,
  ): Promise<PlainBatchEntry[]> => {
    const entries = await createMediaImporter({ libraryDir: input.libraryDir }).importFiles(
      input.paths,
      { signal: ctx.signal, onProgress: (p) => ctx.progress({ done: p.done, total: p.total }) },
    );
    return entries.map((entry) =>
      entry.result.status === 'rejected'
        ? {
            sourcePath: entry.sourcePath,
            result: { status: 'rejected', error: serializeError(entry.result.error) },
          }
        : (entry as PlainBatchEntry),
    );
  },
  /** Which image backend the worker loaded (native or WebAssembly) and its versions. */
  imageBackend: async (): Promise<{
    backend: 'native' | 'wasm';
    versions: Record<string, string>;
    pid: number;
  }> => {
    const sharp = await loadSharp();
    return {
      backend: imageBackendName(sharp),
      versions: { ...(sharp.versions as Record<string, string>) },
      pid: process.pid,
    };
  },
  /**
   * The sample library's media: renders every recipe and imports it into the (already created)
   * library's media folder; answers the assets by recipe name. Progress: `SampleMediaStep`.
   */
  sampleMedia: (input: { libraryDir: string; scale?: number }, ctx: TaskContext) =>
    generateSampleMedia(input.libraryDir, recipesOf(loadSampleContent()), {
      ...(input.scale !== undefined ? { scale: input.scale } : {}),
      signal: ctx.signal,
      onProgress: (p: SampleMediaStep) => ctx.progress(p),
    }),
  /** Table import (dry run, preparation) and exchange packages (read, unpack media, pack). */
  ...exchangeTasks,
};

export type WorkerTasks = typeof workerTasks;
export type WorkerTaskName = keyof WorkerTasks;
export type TaskInput<T extends WorkerTaskName> = Parameters<WorkerTasks[T]>[0];
export type TaskResult<T extends WorkerTaskName> = Awaited<ReturnType<WorkerTasks[T]>>;
