export {
  createWorkerHost,
  importThroughWorker,
  inProcessHost,
  type RunOptions,
  type WorkerHost,
} from './host';
export { findWorkerBundle, forkWorker } from './fork';
export type { HostEnd, WorkerEnd, WorkerReply, WorkerRequest } from './protocol';
export type { ExportTaskInput, TaskInput, TaskResult, WorkerTaskName } from './tasks';
