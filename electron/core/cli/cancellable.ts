import type { WorkerHost } from '../worker';
import type { CliContext } from './context';
import { createProgressBar } from './progress';
import { withWorker } from './worker';

/**
 * Runs one task in the worker process with the CLI's progress bar fed from the worker's progress
 * events (`{ done, total }`) and Ctrl+C (SIGINT) turned into the task's cancel: the worker stops
 * and cleans up, the task fails with CANCELLED, and the command exits 2 with that message.
 */
export async function cancellable<T>(
  ctx: CliContext,
  label: string,
  run: (
    worker: WorkerHost,
    signal: AbortSignal,
    onProgress: (progress: unknown) => void,
  ) => Promise<T>,
): Promise<T> {
  const bar = createProgressBar(ctx, label);
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  try {
    return await withWorker(ctx, (worker) =>
      run(worker, controller.signal, (value) => {
        const p = value as { done: number; total: number };
        bar.update(p.done, p.total);
      }),
    );
  } finally {
    bar.done();
    process.removeListener('SIGINT', onSignal);
  }
}
