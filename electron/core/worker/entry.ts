// First: the worker lowers its priority before anything else runs (see priority.ts).
import './entry-priority';
import type { WorkerEnd, WorkerReply, WorkerRequest } from './protocol';
import { serveTasks } from './serve';

/**
 * Entry of the worker process, bundled to dist/electron/worker.cjs. Electron's utilityProcess
 * gives the child `process.parentPort` (messages arrive as `{ data }`, docs/api/utility-process.md
 * and docs/api/parent-port.md); Node's `child_process.fork` gives `process.send` and
 * `process.on('message')`.
 */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;

function connect(): WorkerEnd {
  if (parentPort) {
    return {
      send: (message: WorkerReply) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on('message', (e) => listener(e.data as WorkerRequest)),
    };
  }
  if (process.send) {
    return {
      send: (message: WorkerReply) => process.send?.(message),
      onMessage: (listener) => process.on('message', (m) => listener(m as WorkerRequest)),
    };
  }
  throw new Error('vitrine worker: started without a parent to talk to');
}

serveTasks(connect());
// A forked child whose parent has gone exits instead of lingering.
process.on('disconnect', () => process.exit(0));
