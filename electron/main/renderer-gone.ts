import type { UiLanguage } from '../../shared/errors';

/**
 * What the app window does when its page's process is gone (`webContents` 'render-process-gone',
 * details.reason: clean-exit, abnormal-exit, killed, crashed, oom, launch-failed,
 * integrity-failure, memory-eviction; docs/api/web-contents.md). Without a handler the window
 * stays blank: a dead end. Saved work is safe (main owns the library), so the page is reloaded —
 * "reload() … will force the reload to occur in a new process" (docs, forcefullyCrashRenderer) —
 * unless it keeps dying, then the user is told once and the window stays as it is, instead of a
 * reload loop that eats the machine. A clean exit is a normal end (closing), not a crash.
 */
export const RELOADS_PER_WINDOW = 3;
export const RELOAD_WINDOW_MS = 60_000;

export type RendererGoneAction = 'ignore' | 'reload' | 'give-up';

export interface RendererGoneTracker {
  decide(reason: string): RendererGoneAction;
}

export function rendererGoneTracker(clock: () => number = Date.now): RendererGoneTracker {
  let recent: number[] = [];
  return {
    decide(reason) {
      if (reason === 'clean-exit') return 'ignore';
      const now = clock();
      recent = recent.filter((t) => now - t < RELOAD_WINDOW_MS);
      if (recent.length >= RELOADS_PER_WINDOW) return 'give-up';
      recent.push(now);
      return 'reload';
    },
  };
}

export function rendererGoneMessage(reason: string, lang: UiLanguage): string {
  return lang === 'de'
    ? `Die Oberfläche von Vitrine ist mehrmals kurz hintereinander abgestürzt (${reason}). Gespeicherte Arbeit ist sicher in der Bibliothek. Bitte Vitrine neu starten; wenn es wieder geschieht, den Rechner neu starten oder die IT informieren.`
    : `Vitrine's window crashed several times in a row (${reason}). Saved work is safe in the library. Please restart Vitrine; if it happens again, restart the computer or tell your IT staff.`;
}
