/**
 * What the player needs from a full-screen window, whichever program draws it: the system
 * Chromium (chromium-window.ts) or Electron (electron/main/kiosk-window.ts). The watchdog and the
 * player only talk to this interface.
 */
export interface KioskWindow {
  /** Loads `url` in the window's page (the start page after a crash or hang). */
  navigate(url: string): Promise<void>;
  /** Runs a small expression in the page; rejects with a time-out when the page does not answer. */
  evaluate<T>(expression: string, timeoutMs: number): Promise<T>;
  /** Ends a hung renderer so it can be reloaded (a crash is then reported through onCrash). */
  killRenderer(): Promise<void>;
  onCrash(listener: (reason: string) => void): void;
  /** The window's program went away without close() being called. */
  onExit(listener: (code: number | null) => void): void;
  close(): Promise<void>;
  /** For tests and diagnostics: the program's process id and its DevTools endpoint, if any. */
  readonly pid: number | undefined;
  readonly debugEndpoint: string | undefined;
}

export type WindowLauncher = (url: string) => Promise<KioskWindow>;
