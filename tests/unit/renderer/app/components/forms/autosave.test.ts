import { describe, expect, it } from 'vitest';
import {
  createAutosaver,
  flushPendingEdits,
  registerFlush,
} from '../../../../../../renderer/app/components/forms/autosave';

/** Timers the test fires by hand, so no test waits on a clock. */
function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  return {
    timers: {
      set: (fn: () => void) => {
        const id = next++;
        pending.set(id, fn);
        return id as unknown as ReturnType<typeof setTimeout>;
      },
      clear: (id: ReturnType<typeof setTimeout>) => void pending.delete(id as unknown as number),
    },
    fire() {
      const fns = [...pending.values()];
      pending.clear();
      fns.forEach((fn) => fn());
    },
    get count() {
      return pending.size;
    },
  };
}

describe('autosaver', () => {
  it('sends only the last value of a burst, once the timer fires', async () => {
    const saved: string[] = [];
    const clock = manualTimers();
    const saver = createAutosaver<string>(async (v) => void saved.push(v), 500, clock.timers);
    saver.schedule('a');
    saver.schedule('ab');
    saver.schedule('abc');
    expect(clock.count).toBe(1);
    expect(saved).toEqual([]);
    clock.fire();
    await saver.flush();
    expect(saved).toEqual(['abc']);
  });

  it('flushes at once when asked (before an undo) and never sends a value twice', async () => {
    const saved: string[] = [];
    const clock = manualTimers();
    const saver = createAutosaver<string>(async (v) => void saved.push(v), 500, clock.timers);
    const off = registerFlush(saver.flush);
    saver.schedule('x');
    await flushPendingEdits();
    expect(saved).toEqual(['x']);
    clock.fire();
    await saver.flush();
    expect(saved).toEqual(['x']);
    off();
    saver.schedule('y');
    await flushPendingEdits();
    expect(saved).toEqual(['x']);
    saver.cancel();
    clock.fire();
    expect(saved).toEqual(['x']);
  });

  it('keeps saves in order even when one is slow', async () => {
    const saved: string[] = [];
    const clock = manualTimers();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const saver = createAutosaver<string>(
      (v) =>
        v === 'slow' ? gate.then(() => void saved.push(v)) : Promise.resolve(void saved.push(v)),
      500,
      clock.timers,
    );
    saver.schedule('slow');
    const first = saver.flush();
    saver.schedule('fast');
    const second = saver.flush();
    release();
    await Promise.all([first, second]);
    expect(saved).toEqual(['slow', 'fast']);
  });
});
