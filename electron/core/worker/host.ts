import { AppError } from '../../../shared/errors';
import { deserializeError, type HostEnd, type WorkerReply } from './protocol';
import type { BatchEntry } from '../media';
import { workerTasks, type TaskInput, type TaskResult, type WorkerTaskName } from './tasks';

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: unknown) => void;
}

/** Runs the worker's tasks for the host: in a worker process, or in-process (tests). */
export interface WorkerHost {
  /**
   * Starts the worker and loads its image backend ahead of the first task, so the first import
   * or export does not wait for a process start. Failures are left to the first real task.
   */
  warm(): void;
  run<T extends WorkerTaskName>(
    task: T,
    input: TaskInput<T>,
    options?: RunOptions,
  ): Promise<TaskResult<T>>;
  close(): Promise<void>;
}

function workerGone(code: number | null): AppError {
  return new AppError('INTERNAL', {
    de: `Der Hintergrundprozess für Bilder und Export wurde unerwartet beendet (Code ${code ?? '–'}). Die Aufgabe wurde abgebrochen; die Bibliothek ist unverändert. Bitte erneut versuchen.`,
    en: `The background process for images and export ended unexpectedly (code ${code ?? '–'}). The task was stopped; the library is unchanged. Please try again.`,
  });
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  onProgress?: (progress: unknown) => void;
}

/**
 * A host that starts the worker process on first use (`spawn`) and again after it died; a death
 * fails the tasks it was running with a clear message, and the next task gets a fresh worker.
 * Cancel is a message: the worker aborts the task's signal and answers `failed` (CANCELLED).
 */
export function createWorkerHost(spawn: () => HostEnd): WorkerHost {
  let end: HostEnd | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  function connect(): HostEnd {
    if (end) return end;
    const current = spawn();
    end = current;
    current.onMessage((message: WorkerReply) => {
      const waiting = pending.get(message.id);
      if (!waiting) return;
      if (message.type === 'progress') {
        waiting.onProgress?.(message.progress);
        return;
      }
      pending.delete(message.id);
      if (message.type === 'done') waiting.resolve(message.result);
      else waiting.reject(deserializeError(message.error));
    });
    current.onExit((code) => {
      if (end === current) end = null;
      const failed = [...pending.values()];
      pending.clear();
      for (const p of failed) p.reject(workerGone(code));
    });
    return current;
  }

  const host: WorkerHost = {
    warm() {
      void host.run('imageBackend', undefined as never).catch(() => undefined);
    },
    run(task, input, options = {}) {
      return new Promise((resolve, reject) => {
        const id = nextId++;
        const worker = connect();
        pending.set(id, {
          resolve: resolve as (value: unknown) => void,
          reject,
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        });
        const cancel = () => worker.send({ type: 'cancel', id });
        if (options.signal?.aborted) cancel();
        options.signal?.addEventListener('abort', cancel, { once: true });
        worker.send({ type: 'run', id, task, input });
      });
    },
    async close() {
      end?.kill();
      end = null;
    },
  };
  return host;
}

/** The same tasks on the caller's own event loop: for unit tests and tools that want no process. */
export function inProcessHost(): WorkerHost {
  return {
    warm() {},
    async run(task, input, options = {}) {
      const run = workerTasks[task] as (input: unknown, ctx: unknown) => Promise<unknown>;
      return run(input, {
        signal: options.signal ?? new AbortController().signal,
        progress: (p: unknown) => options.onProgress?.(p),
      }) as never;
    },
    async close() {},
  };
}

/** Runs a media import batch through the worker and gives back the importer's own entries. */
export async function importThroughWorker(
  worker: WorkerHost,
  libraryDir: string,
  paths: string[],
  onProgress: (p: { done: number; total: number }) => void,
): Promise<BatchEntry[]> {
  const entries = await worker.run(
    'importMedia',
    { libraryDir, paths },
    { onProgress: (p) => onProgress(p as { done: number; total: number }) },
  );
  return entries.map((entry) =>
    entry.result.status === 'rejected'
      ? {
          sourcePath: entry.sourcePath,
          result: { status: 'rejected', error: deserializeError(entry.result.error) },
        }
      : (entry as BatchEntry),
  );
}
