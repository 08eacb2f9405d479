import { BrowserWindow, powerSaveBlocker, type Input } from 'electron';
import type { KioskWindow, WindowLauncher } from '../core/kiosk/window';
import {
  decideKioskInput,
  decideRenderGone,
  isKioskNavigationAllowed,
  kioskWindowOptions,
  UNRESPONSIVE_GRACE_MS,
} from './kiosk-policy';

/**
 * Thin adapter: the kiosk player's window in Electron. Decisions live in kiosk-policy.ts.
 * The player (electron/core/kiosk/player.ts) drives it through the same interface as the
 * system Chromium, so its watchdog, statistics and PIN exit are the same code.
 */
export function electronKioskLauncher(): WindowLauncher {
  return async (url) => {
    const origin = new URL(url).origin;
    const options = kioskWindowOptions();
    const win = new BrowserWindow({
      ...options,
      webPreferences: {
        ...options.webPreferences,
        // Security decision: written out at the call site (as in main.ts), so a review and
        // electronegativity see them; middle-click cannot open a window either.
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    win.removeMenu();
    const contents = win.webContents;
    const crashListeners: Array<(reason: string) => void> = [];
    const exitListeners: Array<(code: number | null) => void> = [];
    let closing = false;
    // Keep the screen on while the kiosk shows; released when the window goes.
    const blocker = powerSaveBlocker.start('prevent-display-sleep');

    contents.on('will-navigate', (event, target) => {
      if (!isKioskNavigationAllowed(target, origin)) event.preventDefault();
    });
    contents.on('will-redirect', (event, target) => {
      if (!isKioskNavigationAllowed(target, origin)) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.session.setPermissionRequestHandler((_c, _p, callback) => callback(false));
    contents.on('before-input-event', (event, input: Input) => {
      const decision = decideKioskInput(input);
      if (decision === 'allow') return;
      event.preventDefault();
      if (decision === 'exit-chord') void contents.loadURL(`${origin}/__vitrine/exit`);
    });
    contents.on('did-finish-load', () => {
      void contents.setVisualZoomLevelLimits(1, 1);
      contents.setZoomFactor(1);
    });
    contents.on('render-process-gone', (_event, details) => {
      if (decideRenderGone(details.reason) === 'recreate-window') {
        closing = true;
        win.destroy();
        for (const l of exitListeners) l(null);
        return;
      }
      for (const l of crashListeners) l(details.reason);
    });
    let hangTimer: NodeJS.Timeout | undefined;
    win.on('unresponsive', () => {
      clearTimeout(hangTimer);
      hangTimer = setTimeout(() => contents.forcefullyCrashRenderer(), UNRESPONSIVE_GRACE_MS);
    });
    win.on('responsive', () => clearTimeout(hangTimer));
    win.on('closed', () => {
      clearTimeout(hangTimer);
      if (powerSaveBlocker.isStarted(blocker)) powerSaveBlocker.stop(blocker);
      if (!closing) for (const l of exitListeners) l(null);
    });
    // Nothing on the touch screen closes the window; only the player's close() does.
    win.on('close', (event) => {
      if (!closing) event.preventDefault();
    });

    await win.loadURL(url);
    win.show();

    const window: KioskWindow = {
      pid: contents.getOSProcessId(),
      debugEndpoint: undefined,
      async navigate(target) {
        await contents.loadURL(target);
      },
      async evaluate<T>(expression: string, timeoutMs: number): Promise<T> {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('evaluate timed out')), timeoutMs);
        });
        try {
          return (await Promise.race([contents.executeJavaScript(expression), timeout])) as T;
        } finally {
          clearTimeout(timer);
        }
      },
      async killRenderer() {
        contents.forcefullyCrashRenderer();
      },
      onCrash(listener) {
        crashListeners.push(listener);
      },
      onExit(listener) {
        exitListeners.push(listener);
      },
      async close() {
        closing = true;
        if (!win.isDestroyed()) win.destroy();
      },
    };
    return window;
  };
}
