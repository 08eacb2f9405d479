import { describe, expect, it } from 'vitest';
import { storedEventSchema } from '../../../../shared/kiosk/events';
import { parseCommonLine } from '../../../../shared/kiosk/fast-line';

/** What the slow path makes of a line: JSON.parse, then the schema; undefined when refused. */
function slow(line: string): unknown {
  try {
    const parsed = storedEventSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const t = '2026-05-14T10:00:00.120+02:00';
/** Lines exactly as the player writes them (JSON.stringify of a validated event plus `t`). */
const written = [
  { type: 'session_start', t },
  { type: 'idle_reset', t: '2026-05-14T10:00:00Z' },
  { type: 'page_view', lang: 'de', page: '01-a.html', chapter: 1, dwellMs: 5, t },
  { type: 'page_view', lang: 'de-x-ls', page: 'index.html', chapter: 0, dwellMs: 1_800_000, t },
  { type: 'media_play', kind: 'video', chapter: 999, t },
  { type: 'media_play', kind: 'audio', chapter: 3, t: '2026-12-31T23:59:59.5-05:00' },
  { type: 'session_end', reason: 'idle', durationMs: 0, t },
  { type: 'session_end', reason: 'new_session', durationMs: 123456789012345, t },
  { type: 'session_end', reason: 'player_stop', durationMs: 45000, t },
].map((e) => JSON.stringify(e));

/** A small deterministic generator, so a failure names a reproducible case. */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}
const ALPHABET = '{}[]":,.-+0123456789eEtZTabcdefghijklmnopqrstuvwxyzADX \\\u00e9\u0000\n';

describe('fast line parser', () => {
  it('reads the lines the player writes exactly as the schema does', () => {
    for (const line of written) {
      expect(parseCommonLine(line), line).toBeDefined();
      expect(parseCommonLine(line), line).toEqual(slow(line));
    }
  });

  it('never accepts a line the slow path reads differently or refuses (mutated lines)', () => {
    const next = random(14);
    let accepted = 0;
    let refused = 0;
    for (let n = 0; n < 40_000; n++) {
      let line = written[Math.floor(next() * written.length)]!;
      // One to three edits: replace, insert or delete a character anywhere.
      for (let k = 1 + Math.floor(next() * 3); k > 0; k--) {
        const at = Math.floor(next() * (line.length + 1));
        const ch = ALPHABET[Math.floor(next() * ALPHABET.length)]!;
        const op = next();
        line =
          op < 0.4
            ? line.slice(0, at) + ch + line.slice(at + 1)
            : op < 0.7
              ? line.slice(0, at) + ch + line.slice(at)
              : line.slice(0, at) + line.slice(at + 1);
      }
      const fast = parseCommonLine(line);
      if (fast === undefined) {
        refused++;
        continue;
      }
      accepted++;
      expect(fast, line).toEqual(slow(line));
    }
    // Both sides were exercised: some edits keep a valid line (a digit for a digit).
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(1000);
  });

  it('leaves odd but valid lines to the slow path', () => {
    const odd = [
      // Another key order, spaces, an escape, a decimal integer, a rare type, a carriage return.
      `{"t":"${t}","type":"session_start"}`,
      `{"type": "session_start","t":"${t}"}`,
      `{"type":"session_st\\u0061rt","t":"${t}"}`,
      `{"type":"media_play","kind":"audio","chapter":1.0,"t":"${t}"}`,
      `{"type":"qr","chapter":2,"t":"${t}"}`,
      `{"type":"language","from":"de","to":"en","t":"${t}"}`,
      `{"type":"session_start","t":"${t}"}\r`,
    ];
    for (const line of odd) {
      expect(slow(line), line).toBeDefined();
      expect(parseCommonLine(line), line).toBeUndefined();
    }
  });

  it('refuses what the schema refuses at the edges', () => {
    const bad = [
      { type: 'page_view', lang: 'de', page: '01-a.html', chapter: 1000, dwellMs: 5, t },
      { type: 'page_view', lang: 'de', page: '01-a.html', chapter: 1, dwellMs: 1_800_001, t },
      { type: 'page_view', lang: 'D', page: '01-a.html', chapter: 1, dwellMs: 5, t },
      { type: 'page_view', lang: 'de', page: `${'a'.repeat(116)}.html`, chapter: 1, dwellMs: 5, t },
      { type: 'page_view', lang: 'de', page: '-a.html', chapter: 1, dwellMs: 5, t },
      { type: 'session_end', reason: 'idle', durationMs: -1, t },
      { type: 'session_start', t: '2026-05-14T10:00:00.1234Z' },
      { type: 'session_start', t: '2026-05-14T10:00:00' },
      { type: 'session_start', t, extra: 1 },
    ].map((e) => JSON.stringify(e));
    for (const line of bad) {
      expect(slow(line), line).toBeUndefined();
      expect(parseCommonLine(line), line).toBeUndefined();
    }
    // The longest page name the schema takes is still the fast path's.
    const longest = JSON.stringify({
      type: 'page_view',
      lang: 'de',
      page: `${'a'.repeat(115)}.html`,
      chapter: 1,
      dwellMs: 5,
      t,
    });
    expect(parseCommonLine(longest)).toEqual(slow(longest));
  });
});
