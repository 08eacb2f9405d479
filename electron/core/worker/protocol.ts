import { AppError, type ErrorCode, type ErrorLocation } from '../../../shared/errors';

/**
 * Messages between the process that owns the window or serves HTTP (the host) and the worker
 * process that does the heavy work. The same messages travel over Electron's `utilityProcess`
 * (`child.postMessage` / `process.parentPort`) and Node's `child_process.fork` IPC channel, both
 * structured-clone based; nothing in them is a function or a class instance.
 */
export type WorkerRequest =
  { type: 'run'; id: number; task: string; input: unknown } | { type: 'cancel'; id: number };

export type WorkerReply =
  | { type: 'progress'; id: number; progress: unknown }
  | { type: 'done'; id: number; result: unknown }
  | { type: 'failed'; id: number; error: SerializedError };

/** An AppError as plain data, both languages kept (the host picks the user's language later). */
export interface SerializedError {
  code: ErrorCode;
  messages: { de: string; en: string };
  location?: ErrorLocation;
  details?: unknown;
}

export function serializeError(error: AppError): SerializedError {
  const data: SerializedError = { code: error.code, messages: { ...error.messages } };
  if (error.location) data.location = error.location;
  if (error.details !== undefined) data.details = error.details;
  return data;
}

export function deserializeError(data: SerializedError): AppError {
  return new AppError(data.code, data.messages, {
    ...(data.location ? { location: data.location } : {}),
    ...(data.details !== undefined ? { details: data.details } : {}),
  });
}

/** The two ends the host and the worker talk through, whatever carries the messages. */
export interface HostEnd {
  send(message: WorkerRequest): void;
  onMessage(listener: (message: WorkerReply) => void): void;
  /** Called once when the worker process has gone (crashed, killed, exited). */
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export interface WorkerEnd {
  send(message: WorkerReply): void;
  onMessage(listener: (message: WorkerRequest) => void): void;
}
