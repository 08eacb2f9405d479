import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { CLI_BIN, REPO_ROOT } from './paths';

export interface WebHost {
  /** The URL the host printed, token included. */
  url: string;
  /** Origin only (`http://127.0.0.1:PORT`). */
  origin: string;
  token: string;
  /** The host's process id (the bench signals it to read its event-loop delay). */
  pid: number;
  /** Everything the host wrote to stdout and stderr so far: the app log. */
  log(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Library folder to open; omit for the start screen. */
  libraryDir?: string;
  /** Per-test app data (recent list, sample copies, settings). */
  appDataDir: string;
  /** How long to wait for `VITRINE_READY` before giving up with the log. */
  readyTimeoutMs?: number;
  /** Extra environment for the host (e.g. XDG_CONFIG_HOME, so trusted host keys stay per test). */
  env?: Record<string, string>;
  /** Node options for the host process (the bench preloads its event-loop monitor). */
  execArgv?: string[];
  /** Called with each stdout line after the ready line. */
  onLine?: (line: string) => void;
}

const READY = /^VITRINE_READY (\S+)/;

/**
 * Starts `vitrine web` exactly as a person would (the bundled CLI, port 0, no browser opened) and
 * resolves when it prints its ready line, never after a fixed sleep. If the process exits or
 * the timeout passes first, the error carries the full log.
 */
export function startWebHost(options: StartOptions): Promise<WebHost> {
  const args = [CLI_BIN, 'web'];
  if (options.libraryDir) args.push(options.libraryDir);
  args.push('--port', '0', '--no-open', '--app-data', options.appDataDir);
  const child: ChildProcess = spawn(process.execPath, [...(options.execArgv ?? []), ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', ...options.env },
  });
  const lines: string[] = [];
  const append = (stream: string) => (line: string) => lines.push(`[${stream}] ${line}`);
  createInterface({ input: child.stderr! }).on('line', append('stderr'));
  const stdout = createInterface({ input: child.stdout! });
  const log = () => lines.join('\n');

  let exited = false;
  const exitedPromise = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );

  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exitedPromise;
    clearTimeout(timer);
  };

  return new Promise<WebHost>((resolve, reject) => {
    const timeout = setTimeout(() => {
      void stop();
      reject(new Error(`vitrine web did not print VITRINE_READY in time. Log:\n${log()}`));
    }, options.readyTimeoutMs ?? 60_000);

    stdout.on('line', (line) => {
      lines.push(`[stdout] ${line}`);
      const match = READY.exec(line);
      if (!match) {
        options.onLine?.(line);
        return;
      }
      clearTimeout(timeout);
      const url = new URL(match[1]!);
      resolve({
        url: url.href,
        origin: url.origin,
        token: url.searchParams.get('token') ?? '',
        pid: child.pid!,
        log,
        stop,
      });
    });
    child.once('error', (error) => {
      clearTimeout(timeout);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timeout);
      reject(
        new Error(`vitrine web exited (${code ?? signal}) before it was ready. Log:\n${log()}`),
      );
    });
  });
}
