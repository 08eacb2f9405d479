import { EventEmitter } from 'node:events';
import { KIOSK_EXIT_PATH } from '../../../shared/kiosk/constants';
import type { KioskEvent } from '../../../shared/kiosk/events';
import { createIncidentLog, type IncidentKind, type IncidentLog } from './incidents';
import { createPinGate } from './pin';
import { startKioskHost, type KioskHost } from './server';
import { readPlayerSettings } from './settings';
import { createStatsWriter, type StatsWriter } from './stats-store';
import type { KioskWindow, WindowLauncher } from './window';

export interface PlayerOptions {
  bundleDir: string;
  /** The player's data folder: settings (PIN hash), statistics, incident log. */
  dataDir: string;
  launcher: WindowLauncher;
  lang?: 'de' | 'en';
  /** Heartbeat period and how long the page may take to answer before it counts as hung. */
  heartbeatMs?: number;
  hangAfterMs?: number;
  /**
   * How long the operator's PIN page may stay untouched (since it last loaded: every PIN typed
   * loads it anew) before the watchdog brings the start page back, so a chord pressed by
   * accident or a walked-away operator never leaves visitors in front of a PIN form.
   */
  exitPageIdleMs?: number;
  /** Wall clock for statistics and logs; monotonic milliseconds for the PIN lock. */
  clock?: () => Date;
  monotonic?: () => number;
}

export type PlayerEvents = {
  /** The attract screen is showing; `ms` since startPlayer was called. */
  ready: [{ ms: number }];
  incident: [{ kind: IncidentKind; detail?: string }];
  /** The start page is back after an incident; `ms` from detection to the attract screen. */
  recovered: [{ cause: IncidentKind; ms: number }];
  /** Stored (or dropped) one event from the page. */
  stat: [KioskEvent];
  exit: [{ reason: 'operator' | 'stopped' }];
};

export interface Player extends EventEmitter<PlayerEvents> {
  readonly host: KioskHost;
  readonly window: KioskWindow;
  readonly incidents: IncidentLog;
  readonly stats: StatsWriter;
  /** Resolves with the milliseconds from start to the attract screen. */
  readonly ready: Promise<number>;
  /** Resolves when the player ends (right PIN, or stop()). */
  readonly done: Promise<'operator' | 'stopped'>;
  stop(): Promise<void>;
}

/** True when the kiosk start page shows its attract screen: the state every recovery returns to. */
export const ATTRACT_VISIBLE =
  "(() => { const a = document.querySelector('[data-attract]'); return !!a && !a.hidden; })()";

/**
 * The kiosk player: serves the bundle, opens it full screen through a window adapter, and keeps it
 * there. The watchdog sends a heartbeat (a tiny evaluation in the page) every `heartbeatMs`; no
 * answer within `hangAfterMs` means the page is hung: its renderer is ended and the start page
 * loaded again. A crashed renderer is reloaded the same way, and a browser that went away is
 * started again. Every incident goes to the rotating log and is counted.
 */
export async function startPlayer(options: PlayerOptions): Promise<Player> {
  const t0 = performance.now();
  const monotonic = options.monotonic ?? (() => performance.now());
  const heartbeatMs = options.heartbeatMs ?? 500;
  const hangAfterMs = options.hangAfterMs ?? 2000;
  const exitPageIdleMs = options.exitPageIdleMs ?? 60_000;
  const settings = await readPlayerSettings(options.dataDir);
  const incidents = createIncidentLog({
    dataDir: options.dataDir,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const stats = createStatsWriter({
    dataDir: options.dataDir,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const gate = createPinGate(settings.pinHash, monotonic);
  const emitter = new EventEmitter<PlayerEvents>();
  let finish!: (reason: 'operator' | 'stopped') => void;
  const done = new Promise<'operator' | 'stopped'>((resolve) => (finish = resolve));
  let stopping = false;

  const incident = (kind: IncidentKind, detail?: string) => {
    void incidents.report({ kind, ...(detail ? { detail } : {}) });
    emitter.emit('incident', { kind, ...(detail ? { detail } : {}) });
  };

  const host = await startKioskHost({
    bundleDir: options.bundleDir,
    lang: options.lang ?? 'de',
    onEvents: async (events) => {
      await stats.record(...events);
      for (const event of events) emitter.emit('stat', event);
    },
    onRejected: (why) => incident('stats-rejected', why),
    onPin: async (pin) => {
      const result = await gate.attempt(pin);
      if (!result.ok) incident(result.reason === 'locked' ? 'pin-locked' : 'pin-wrong');
      return result;
    },
    onExit: () => {
      incident('operator-exit');
      void stop('operator');
    },
  });

  let window: KioskWindow;
  let recovering = false;
  let crashWaiter: (() => void) | null = null;
  let timer: NodeJS.Timeout | undefined;

  async function attractShown(limitMs: number): Promise<boolean> {
    const until = performance.now() + limitMs;
    while (!stopping && performance.now() < until) {
      const shown = await window
        .evaluate<boolean>(ATTRACT_VISIBLE, Math.max(100, hangAfterMs))
        .catch(() => false);
      if (shown) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  }

  async function launch(): Promise<void> {
    window = await options.launcher(host.url);
    window.onCrash((reason) => {
      if (crashWaiter) {
        crashWaiter();
        return;
      }
      if (recovering || stopping) return;
      incident('renderer-crashed', reason);
      void recover('renderer-crashed');
    });
    window.onExit((code) => {
      if (stopping) return;
      incident('browser-exited', `code ${code}`);
      void recover('browser-exited');
    });
  }

  async function recover(cause: IncidentKind): Promise<void> {
    if (recovering || stopping) return;
    recovering = true;
    const started = performance.now();
    try {
      if (cause === 'page-hung') {
        const crashed = new Promise<boolean>((resolve) => {
          crashWaiter = () => resolve(true);
          setTimeout(() => resolve(false), 2000);
        });
        await window.killRenderer();
        const ok = await crashed;
        crashWaiter = null;
        // A renderer that could not be ended takes its browser with it.
        if (!ok) cause = 'browser-exited';
      }
      if (cause === 'browser-exited') {
        await window.close().catch(() => undefined);
        await launch();
      } else {
        await window.navigate(host.url);
      }
      if (await attractShown(10_000)) {
        const ms = performance.now() - started;
        void incidents.report({ kind: 'recovered', detail: `${cause} ${Math.round(ms)} ms` });
        emitter.emit('recovered', { cause, ms });
      }
    } catch (error) {
      incident('browser-exited', String(error));
    } finally {
      crashWaiter = null;
      recovering = false;
    }
  }

  // The exit page's document (its time origin) and when the watchdog first saw it.
  let exitDocument: number | null = null;
  let exitSeenAt = 0;

  async function heartbeat(): Promise<void> {
    if (stopping) return;
    if (!recovering) {
      try {
        const where = await window.evaluate<[string, number]>(
          '[location.pathname, performance.timeOrigin]',
          hangAfterMs,
        );
        if (where[0] !== KIOSK_EXIT_PATH) exitDocument = null;
        else if (exitDocument !== where[1]) {
          exitDocument = where[1];
          exitSeenAt = performance.now();
        } else if (performance.now() - exitSeenAt >= exitPageIdleMs) {
          exitDocument = null;
          incident('exit-page-idle');
          await recover('exit-page-idle');
        }
      } catch (error) {
        // Only silence is a hang; an error (a page between two documents) is an answer.
        if (!recovering && !stopping && /timed out/.test(String(error))) {
          incident('page-hung');
          await recover('page-hung');
        }
      }
    }
    if (!stopping) timer = setTimeout(() => void heartbeat(), heartbeatMs);
  }

  async function stop(reason: 'operator' | 'stopped'): Promise<void> {
    if (stopping) return;
    stopping = true;
    clearTimeout(timer);
    await window?.close().catch(() => undefined);
    await stats.close().catch(() => undefined);
    await host.close();
    emitter.emit('exit', { reason });
    finish(reason);
  }

  try {
    await launch();
  } catch (error) {
    await host.close();
    await stats.close();
    throw error;
  }
  const ready = attractShown(60_000).then((shown) => {
    if (!shown) throw new Error('The attract screen did not appear.');
    const ms = performance.now() - t0;
    emitter.emit('ready', { ms });
    return ms;
  });
  ready.catch(() => undefined);
  timer = setTimeout(() => void heartbeat(), heartbeatMs);

  return Object.assign(emitter, {
    host,
    get window() {
      return window;
    },
    incidents,
    stats,
    ready,
    done,
    stop: () => stop('stopped'),
  }) as Player;
}
