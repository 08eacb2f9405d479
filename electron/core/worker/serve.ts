import { AppError, toAppError } from '../../../shared/errors';
import { serializeError, type WorkerEnd } from './protocol';
import { workerTasks, type TaskContext } from './tasks';

/**
 * The worker's side: runs tasks from the table as the host asks, several at a time, reporting
 * progress and honouring cancel. Answers every request exactly once (done or failed).
 */
export function serveTasks(end: WorkerEnd, tasks: Record<string, unknown> = workerTasks): void {
  const running = new Map<number, AbortController>();
  end.onMessage((message) => {
    if (message.type === 'cancel') {
      running.get(message.id)?.abort();
      return;
    }
    const { id, task, input } = message;
    const run = tasks[task] as ((input: unknown, ctx: TaskContext) => Promise<unknown>) | undefined;
    if (typeof run !== 'function') {
      end.send({
        type: 'failed',
        id,
        error: serializeError(
          new AppError('INTERNAL', {
            de: `Unbekannte Aufgabe im Hintergrundprozess: ${task}`,
            en: `Unknown task in the worker process: ${task}`,
          }),
        ),
      });
      return;
    }
    const controller = new AbortController();
    running.set(id, controller);
    const ctx: TaskContext = {
      signal: controller.signal,
      progress: (progress) => end.send({ type: 'progress', id, progress }),
    };
    void Promise.resolve()
      .then(() => run(input, ctx))
      .then(
        (result) => end.send({ type: 'done', id, result }),
        (error: unknown) => {
          if (!(error instanceof AppError)) console.error('[vitrine worker]', task, error);
          end.send({ type: 'failed', id, error: serializeError(toAppError(error)) });
        },
      )
      .finally(() => running.delete(id));
  });
}
