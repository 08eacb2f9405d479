import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { connectCdp, type CdpClient } from './cdp';
import type { KioskWindow, WindowLauncher } from './window';

export const DEFAULT_CHROMIUM = '/usr/lib/chromium/chromium';

export interface ChromiumOptions {
  executablePath?: string;
  /** Headless (tests, benchmarks): no window, otherwise the same flags and the same page. */
  headless?: boolean;
  /** Extra flags, after ours. */
  args?: string[];
}

/**
 * The flags of a kiosk Chromium: full screen without browser UI (`--kiosk --app=URL`), a
 * throw-away profile (a fresh `--user-data-dir` per start: no history, cookies or cache survive a
 * restart, which is also what the privacy notice promises), nothing that phones home or pops up,
 * and the DevTools protocol on a random loopback port for the watchdog.
 */
export function chromiumArgs(url: string, userDataDir: string, options: ChromiumOptions): string[] {
  return [
    `--user-data-dir=${userDataDir}`,
    '--remote-debugging-address=127.0.0.1',
    '--remote-debugging-port=0',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-translate',
    '--disable-features=Translate,MediaRouter,OptimizationHints',
    '--disable-session-crashed-bubble',
    '--noerrdialogs',
    '--password-store=basic',
    '--overscroll-history-navigation=0',
    '--disable-pinch',
    '--autoplay-policy=no-user-gesture-required',
    ...(options.headless ? ['--headless', '--disable-gpu', '--disable-dev-shm-usage'] : []),
    // Chromium refuses to start as root with its sandbox (CI containers run as root).
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ...(options.args ?? []),
    '--kiosk',
    `--app=${url}`,
  ];
}

function waitForEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(buffer);
      if (match) {
        child.stderr!.off('data', onData);
        // Keep draining stderr so Chromium never blocks on a full pipe.
        child.stderr!.resume();
        resolve(match[1]!);
      } else if (buffer.length > 65536) buffer = buffer.slice(-4096);
    };
    child.stderr!.on('data', onData);
    child.once('exit', (code) =>
      reject(
        new Error(`Chromium exited (${code}) before DevTools was ready: ${buffer.slice(-500)}`),
      ),
    );
    child.once('error', reject);
  });
}

async function attachToPage(cdp: CdpClient): Promise<string> {
  const created = new Promise<string>((resolve) =>
    cdp.on((method, params) => {
      const info = params.targetInfo as { type?: string; targetId?: string } | undefined;
      if (method === 'Target.targetCreated' && info?.type === 'page') resolve(info.targetId!);
    }),
  );
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  const { targetInfos } = await cdp.send<{
    targetInfos: Array<{ type: string; targetId: string }>;
  }>('Target.getTargets');
  const targetId = targetInfos.find((t) => t.type === 'page')?.targetId ?? (await created);
  const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', {
    targetId,
    flatten: true,
  });
  await cdp.send('Inspector.enable', {}, sessionId);
  return sessionId;
}

/** Starts Debian's (or any) Chromium as the kiosk window. */
export function chromiumLauncher(options: ChromiumOptions = {}): WindowLauncher {
  return async (url) => {
    const executable = options.executablePath ?? DEFAULT_CHROMIUM;
    const profile = await mkdtemp(path.join(tmpdir(), 'vitrine-kiosk-profile-'));
    const child = spawn(executable, chromiumArgs(url, profile, options), {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let closing = false;
    const exitListeners: Array<(code: number | null) => void> = [];
    const crashListeners: Array<(reason: string) => void> = [];
    const exited = new Promise<void>((resolve) =>
      child.once('exit', (code) => {
        resolve();
        void rm(profile, { recursive: true, force: true, maxRetries: 3 });
        if (!closing) for (const l of exitListeners) l(code);
      }),
    );
    let endpoint: string;
    let cdp: CdpClient;
    let sessionId: string;
    try {
      endpoint = await waitForEndpoint(child);
      cdp = await connectCdp(endpoint);
      sessionId = await attachToPage(cdp);
    } catch (error) {
      child.kill('SIGKILL');
      await exited;
      throw new AppError(
        'INTERNAL',
        {
          de: `Chromium (${executable}) konnte nicht gestartet werden.`,
          en: `Chromium (${executable}) could not be started.`,
        },
        { cause: error },
      );
    }
    cdp.on((method, _params, from) => {
      if (method === 'Inspector.targetCrashed' && from === sessionId)
        for (const l of crashListeners) l('crashed');
    });

    const window: KioskWindow = {
      pid: child.pid,
      debugEndpoint: endpoint,
      async navigate(target) {
        await cdp.send('Page.navigate', { url: target }, sessionId, 10_000);
      },
      async evaluate<T>(expression: string, timeoutMs: number): Promise<T> {
        const result = await cdp.send<{
          result: { value?: unknown };
          exceptionDetails?: { text: string };
        }>('Runtime.evaluate', { expression, returnByValue: true }, sessionId, timeoutMs);
        if (result.exceptionDetails) throw new Error(result.exceptionDetails.text);
        return result.result.value as T;
      },
      async killRenderer() {
        // Page.crash is handled on the renderer's IO thread, so it works while the page's main
        // thread spins in an endless loop; no answer comes back from a crashed renderer.
        await cdp.send('Page.crash', {}, sessionId, 1000).catch(() => undefined);
      },
      onCrash(listener) {
        crashListeners.push(listener);
      },
      onExit(listener) {
        exitListeners.push(listener);
      },
      async close() {
        closing = true;
        if (child.exitCode === null && child.signalCode === null) {
          await cdp.send('Browser.close', {}, undefined, 3000).catch(() => undefined);
          const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(timer);
        }
        cdp.close();
      },
    };
    return window;
  };
}
