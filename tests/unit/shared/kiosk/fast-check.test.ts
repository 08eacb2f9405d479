import { describe, expect, it } from 'vitest';
import { storedEventSchema } from '../../../../shared/kiosk/events';
import { isCommonStoredEvent } from '../../../../shared/kiosk/fast-check';

const t = '2026-05-14T10:00:00.000+02:00';
const valid: Array<Record<string, unknown>> = [
  { type: 'session_start', t },
  { type: 'idle_reset', t },
  { type: 'page_view', lang: 'de', page: '01-a.html', chapter: 1, dwellMs: 5, t },
  { type: 'page_view', lang: 'de-x-ls', page: 'index.html', chapter: 0, dwellMs: 0, t },
  { type: 'media_play', kind: 'video', chapter: 3, t },
  { type: 'session_end', reason: 'idle', durationMs: 0, t },
  { type: 'qr', chapter: 2, t },
  { type: 'language', from: 'de', to: 'en', t },
];

/** Every way a field can go wrong, applied to every valid event. */
const broken: unknown[] = [
  '',
  'x',
  -1,
  1.5,
  1e9,
  null,
  true,
  [],
  {},
  'Max Mustermann',
  '2026-05-14',
];

describe('fast event check', () => {
  it('never accepts what the schema refuses', () => {
    let checked = 0;
    for (const event of valid) {
      const variants: unknown[] = [event, { ...event, extra: 1 }];
      for (const key of Object.keys(event)) {
        const { [key]: _, ...without } = event;
        variants.push(without);
        for (const b of broken) variants.push({ ...event, [key]: b });
      }
      for (const v of variants) {
        checked++;
        if (isCommonStoredEvent(v)) expect(storedEventSchema.safeParse(v).success).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(300);
    for (const v of [null, 1, 'x', [], [valid[0]]]) expect(isCommonStoredEvent(v)).toBe(false);
  });

  it('takes the common events itself', () => {
    expect(valid.slice(0, 6).every((e) => isCommonStoredEvent(e))).toBe(true);
  });
});
