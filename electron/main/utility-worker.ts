import { utilityProcess } from 'electron';
import type { HostEnd, WorkerReply } from '../core/worker';

/**
 * The worker in the desktop app: Electron's utilityProcess, "the equivalent of child_process.fork
 * … but using Chromium's Services API" (docs/api/utility-process.md). It may only be forked after
 * `app` is ready. Messages go with `child.postMessage` and come back as the `message` event; the
 * worker's end is `process.parentPort` (see electron/core/worker/entry.ts). sharp is loaded there,
 * lazily — never in main — so a crash of libvips (electron/electron#46323, lovell/sharp#4525 even
 * inside a utilityProcess) takes down the worker and its task, not the window; the host starts a
 * new worker for the next task.
 */
export function utilityWorker(bundle: string): () => HostEnd {
  return () => {
    const child = utilityProcess.fork(bundle, [], {
      serviceName: 'Vitrine Bildverarbeitung',
      stdio: 'inherit',
    });
    let alive = true;
    return {
      // After `exit` the host has failed the pending tasks already; late messages are dropped.
      send: (message) => {
        if (alive) child.postMessage(message);
      },
      onMessage: (listener) => child.on('message', (m: unknown) => listener(m as WorkerReply)),
      onExit: (listener) =>
        child.once('exit', (code: number) => {
          alive = false;
          listener(code);
        }),
      kill: () => {
        child.kill();
      },
    };
  };
}
