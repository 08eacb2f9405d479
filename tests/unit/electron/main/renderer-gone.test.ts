import { describe, expect, it } from 'vitest';
import {
  RELOAD_WINDOW_MS,
  rendererGoneMessage,
  rendererGoneTracker,
} from '../../../../electron/main/renderer-gone';

describe('app window when its page process is gone', () => {
  it('reloads after a crash, kill or out-of-memory, and ignores a clean exit', () => {
    let now = 0;
    const tracker = rendererGoneTracker(() => now);
    expect(tracker.decide('clean-exit')).toBe('ignore');
    for (const reason of ['crashed', 'oom', 'killed']) {
      now += RELOAD_WINDOW_MS;
      expect(tracker.decide(reason)).toBe('reload');
    }
  });

  it('gives up after three crashes within a minute instead of looping, and recovers later', () => {
    let now = 0;
    const tracker = rendererGoneTracker(() => now);
    expect(['crashed', 'crashed', 'crashed'].map((r) => tracker.decide(r))).toEqual([
      'reload',
      'reload',
      'reload',
    ]);
    now += 1000;
    expect(tracker.decide('crashed')).toBe('give-up');
    now += RELOAD_WINDOW_MS;
    expect(tracker.decide('crashed')).toBe('reload');
  });

  it('says in both languages that saved work is safe', () => {
    expect(rendererGoneMessage('oom', 'de')).toMatch(/Gespeicherte Arbeit ist sicher.*/);
    expect(rendererGoneMessage('oom', 'en')).toMatch(/Saved work is safe/);
  });
});
