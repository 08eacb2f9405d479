/**
 * Electron-free decisions of the Electron kiosk window (kiosk-window.ts only wires them to
 * Electron's events), so they are unit-tested here where the Electron binary cannot run.
 */

/**
 * The window: full screen without frame, menu or DevTools, sandboxed like the app's own window,
 * no pinch or zoom (the zoom limits are set after load), no spell checker, and a black
 * background so a reload never flashes white.
 */
export function kioskWindowOptions() {
  return {
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    show: false,
    backgroundColor: '#000000',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      autoplayPolicy: 'no-user-gesture-required' as const,
    },
  };
}

/**
 * Security decision: the kiosk may only ever show its own bundle, served by its player on
 * `http://127.0.0.1:PORT/`. Every other address (another port, `file:`, the web, `javascript:`)
 * is refused, also for redirects, and new windows are never opened.
 */
export function isKioskNavigationAllowed(raw: string, playerOrigin: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.origin === playerOrigin && url.username === '' && url.password === '';
}

export interface KeyInput {
  type: string;
  key: string;
  code: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

export type InputDecision = 'allow' | 'block' | 'exit-chord';

/**
 * Keyboard on a kiosk (a keyboard left plugged in, or a service keyboard): zoom, reload,
 * DevTools, print, save, find, close and quit shortcuts are swallowed; Ctrl+Alt+Shift+E opens
 * the PIN page; everything else (typing into the search field) passes.
 */
export function decideKioskInput(input: KeyInput): InputDecision {
  if (input.type !== 'keyDown') return 'allow';
  const mod = input.control || input.meta;
  if (input.control && input.alt && input.shift && input.code === 'KeyE') return 'exit-chord';
  const key = input.key.toLowerCase();
  if (mod && ['+', '-', '=', '0', 'add', 'subtract'].includes(key)) return 'block';
  if (mod && ['r', 'p', 's', 'f', 'g', 'w', 'q', 'n', 't', 'o', 'u', 'j', 'h'].includes(key))
    return 'block';
  if (mod && input.shift && ['i', 'j', 'c', 'delete'].includes(key)) return 'block';
  if (['f5', 'f11', 'f12', 'browserback', 'browserforward'].includes(key)) return 'block';
  if (input.alt && ['f4', 'arrowleft', 'arrowright', 'home'].includes(key)) return 'block';
  return 'allow';
}

export type CrashAction = 'reload' | 'recreate-window';

/**
 * `render-process-gone` (details.reason: clean-exit, abnormal-exit, killed, crashed, oom,
 * launch-failed, integrity-failure, memory-eviction): whatever the reason, the visitor must see
 * the start page again. A renderer that could not even start needs a new window; every other
 * case reloads the start page in the same window.
 */
export function decideRenderGone(reason: string): CrashAction {
  return reason === 'launch-failed' || reason === 'integrity-failure'
    ? 'recreate-window'
    : 'reload';
}

/**
 * `unresponsive` fires after a few seconds without an answer from the page; the window waits
 * this much longer for `responsive` before it ends the renderer (forcefullyCrashRenderer) and
 * reloads, so the whole recovery stays within the five seconds the player promises.
 */
export const UNRESPONSIVE_GRACE_MS = 1000;
