import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createWorkerHost,
  findWorkerBundle,
  forkWorker,
  inProcessHost,
  type WorkerHost,
} from '../worker';
import type { CliContext } from './context';

/**
 * Runs a heavy command's work (export, the sample library) through the same worker module the
 * web host forks and Electron runs in a utilityProcess: one architecture for every transport,
 * and the image backend loads in the child, never in the CLI process. Without a built bundle
 * (sources run directly) the tasks run in this process instead. The worker is closed afterwards,
 * also on failure, so the CLI exits.
 */
export async function withWorker<T>(
  ctx: CliContext,
  run: (worker: WorkerHost) => Promise<T>,
): Promise<T> {
  const bundle = ctx.workerBundle ?? findWorkerBundle(dirname(fileURLToPath(import.meta.url)));
  const worker = bundle ? createWorkerHost(forkWorker(bundle)) : inProcessHost();
  try {
    return await run(worker);
  } finally {
    await worker.close();
  }
}
