import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HostEnd, WorkerReply } from './protocol';

/**
 * The worker bundle (`dist/electron/worker.cjs`, built by electron/build.mjs): next to the
 * running bundle (dist/electron/main.cjs) or one folder over (dist/cli/main.mjs).
 */
export function findWorkerBundle(from = dirname(fileURLToPath(import.meta.url))): string | null {
  for (const candidate of [join(from, 'worker.cjs'), join(from, '..', 'electron', 'worker.cjs')]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * The worker as a plain Node child process (web host and CLI): `child_process.fork` with the
 * IPC channel in 'advanced' serialization (structured clone, like Electron's postMessage).
 */
export function forkWorker(bundle: string): () => HostEnd {
  return () => {
    const child = fork(bundle, [], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, VITRINE_WORKER: '1' },
    });
    return {
      send: (message) => {
        if (child.connected) child.send(message);
      },
      onMessage: (listener) => child.on('message', (m) => listener(m as WorkerReply)),
      onExit: (listener) => {
        let told = false;
        const tell = (code: number | null) => {
          if (told) return;
          told = true;
          listener(code);
        };
        child.once('exit', (code) => tell(code));
        child.once('error', () => tell(null));
      },
      kill: () => {
        child.kill();
      },
    };
  };
}
