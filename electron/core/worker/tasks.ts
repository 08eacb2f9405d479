import { exportExhibition, type ExportOptions, type ExportResult } from '../export';
import { imageBackendName, loadSharp } from '../media/sharp';

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

export const workerTasks = {
  /** Derivatives, pages, copies and the streaming zip of one exhibition export. */
  export: (input: ExportTaskInput, ctx: TaskContext): Promise<ExportResult> =>
    exportExhibition({
      ...input,
      signal: ctx.signal,
      onProgress: (p) => ctx.progress(p),
    }),
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
};

export type WorkerTasks = typeof workerTasks;
export type WorkerTaskName = keyof WorkerTasks;
export type TaskInput<T extends WorkerTaskName> = Parameters<WorkerTasks[T]>[0];
export type TaskResult<T extends WorkerTaskName> = Awaited<ReturnType<WorkerTasks[T]>>;
