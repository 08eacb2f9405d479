/**
 * How long every editor waits after the last keystroke before it saves: one figure for the item,
 * partnership, award and exhibition editors, so typing feels the same everywhere.
 */
export const AUTOSAVE_MS = 400;

/**
 * Editors save after a pause in typing. Undo must first send what is still waiting, or it would
 * revert the edit before the one the person sees. Open editors register their flush here.
 */
const flushers = new Set<() => Promise<void>>();

export function registerFlush(flush: () => Promise<void>): () => void {
  flushers.add(flush);
  return () => void flushers.delete(flush);
}

export async function flushPendingEdits(): Promise<void> {
  await Promise.all([...flushers].map((flush) => flush()));
}

/** Debounced saving of one entity's draft with an explicit flush. */
export interface Autosaver<T> {
  schedule(value: T): void;
  flush(): Promise<void>;
  cancel(): void;
}

export function createAutosaver<T>(
  save: (value: T) => Promise<void>,
  delayMs: number,
  // Arrow functions: browsers refuse `setTimeout` called as a method of another object.
  timers: {
    set: (fn: () => void, ms: number) => ReturnType<typeof setTimeout>;
    clear: (timer: ReturnType<typeof setTimeout>) => void;
  } = {
    set: (fn, ms) => setTimeout(fn, ms),
    clear: (timer) => clearTimeout(timer),
  },
): Autosaver<T> {
  let waiting: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> = Promise.resolve();

  function flush(): Promise<void> {
    if (timer !== null) timers.clear(timer);
    timer = null;
    const next = waiting;
    waiting = null;
    if (next) running = running.then(() => save(next.value));
    return running;
  }

  return {
    schedule(value) {
      waiting = { value };
      if (timer !== null) timers.clear(timer);
      timer = timers.set(() => void flush(), delayMs);
    },
    flush,
    cancel() {
      if (timer !== null) timers.clear(timer);
      timer = null;
      waiting = null;
    },
  };
}
