import { describe, expect, it } from 'vitest';
import { storedEventSchema, type StoredEvent } from '../../../../shared/kiosk/events';
import { parseCommonLine } from '../../../../shared/kiosk/fast-line';
import {
  createScannedLine,
  dayString,
  scanCommonLine,
  SCAN_IDLE_RESET,
  SCAN_MEDIA_PLAY,
  SCAN_PAGE_VIEW,
  SCAN_SESSION_END,
  SCAN_SESSION_START,
} from '../../../../shared/kiosk/fast-bytes';

/** What the slow path makes of a line: JSON.parse, then the schema; undefined when refused. */
function slow(line: string): StoredEvent | undefined {
  try {
    const parsed = storedEventSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const TYPES: Record<number, StoredEvent['type']> = {
  [SCAN_SESSION_START]: 'session_start',
  [SCAN_SESSION_END]: 'session_end',
  [SCAN_PAGE_VIEW]: 'page_view',
  [SCAN_MEDIA_PLAY]: 'media_play',
  [SCAN_IDLE_RESET]: 'idle_reset',
};

/** The figures the report takes from an event, from either path. */
function figures(e: StoredEvent) {
  return {
    type: e.type,
    day: e.t.slice(0, 10),
    hour: Number(e.t.slice(11, 13)),
    ...(e.type === 'page_view'
      ? { lang: e.lang, page: e.page, chapter: e.chapter, value: e.dwellMs }
      : e.type === 'session_end'
        ? { reason: e.reason, value: e.durationMs }
        : e.type === 'media_play'
          ? { kind: e.kind, chapter: e.chapter }
          : {}),
  };
}

/** Scans `line` placed inside a larger buffer (as in a file chunk); undefined when refused. */
function scan(line: string) {
  // Neighbouring bytes that would complete a cut line: the scanner must stop at the line's end.
  const bytes = Buffer.from(`x"}\n${line}\n"}99`, 'latin1');
  const start = 4;
  const out = createScannedLine();
  if (!scanCommonLine(bytes, start, start + Buffer.byteLength(line, 'latin1'), out))
    return undefined;
  const type = TYPES[out.type]!;
  return {
    type,
    day: dayString(out.day),
    hour: out.hour,
    ...(type === 'page_view'
      ? { lang: out.lang, page: out.page, chapter: out.chapter, value: out.value }
      : type === 'session_end'
        ? { reason: out.reason, value: out.value }
        : type === 'media_play'
          ? { kind: out.kind, chapter: out.chapter }
          : {}),
  };
}

const t = '2026-05-14T10:00:00.120+02:00';
const written = [
  { type: 'session_start', t },
  { type: 'idle_reset', t: '2026-05-14T23:00:00Z' },
  { type: 'page_view', lang: 'de', page: '01-a.html', chapter: 1, dwellMs: 5, t },
  { type: 'page_view', lang: 'de-x-ls', page: 'index.html', chapter: 0, dwellMs: 1_800_000, t },
  { type: 'media_play', kind: 'video', chapter: 999, t },
  { type: 'media_play', kind: 'audio', chapter: 3, t: '0999-12-31T07:59:59.5-05:00' },
  { type: 'session_end', reason: 'idle', durationMs: 0, t },
  { type: 'session_end', reason: 'new_session', durationMs: 123456789012345, t },
  { type: 'session_end', reason: 'player_stop', durationMs: 45000, t },
].map((e) => JSON.stringify(e));

function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}
const ALPHABET = '{}[]":,.-+0123456789eEtZTabcdefghijklmnopqrstuvwxyzADX \\\u00e9\u0000\n';

describe('byte scanner of stored lines', () => {
  it('reads the lines the player writes with the figures the schema gives', () => {
    for (const line of written) expect(scan(line), line).toEqual(figures(slow(line)!));
  });

  it('accepts exactly what the string parser accepts and never differs from the schema', () => {
    const next = random(14);
    let accepted = 0;
    for (let n = 0; n < 12_000; n++) {
      let line = written[Math.floor(next() * written.length)]!;
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
      // As the reader hands lines over: UTF-8 bytes, no newline inside.
      if (line.includes('\n')) continue;
      const latin1 = Buffer.from(line, 'utf8').toString('latin1');
      const fast = scan(latin1);
      expect(fast === undefined, line).toBe(parseCommonLine(latin1) === undefined);
      if (fast === undefined) continue;
      accepted++;
      expect(fast, line).toEqual(figures(slow(line)!));
    }
    expect(accepted).toBeGreaterThan(30);
  });

  it('refuses odd but valid lines and what the schema refuses at the edges', () => {
    const refused = [
      `{"t":"${t}","type":"session_start"}`,
      `{"type": "session_start","t":"${t}"}`,
      `{"type":"qr","chapter":2,"t":"${t}"}`,
      `{"type":"session_start","t":"${t}"}\r`,
      `{"type":"session_start","t":"${t}"`,
      ...[
        { type: 'page_view', lang: 'de', page: '01-a.html', chapter: 1000, dwellMs: 5, t },
        { type: 'page_view', lang: 'de', page: '01-a.html', chapter: 1, dwellMs: 1_800_001, t },
        { type: 'page_view', lang: 'D', page: '01-a.html', chapter: 1, dwellMs: 5, t },
        {
          type: 'page_view',
          lang: 'de',
          page: `${'a'.repeat(116)}.html`,
          chapter: 1,
          dwellMs: 5,
          t,
        },
        { type: 'session_start', t: '2026-05-14T10:00:00.1234Z' },
        { type: 'session_start', t: '2026-05-14T10:00:00' },
      ].map((e) => JSON.stringify(e)),
    ];
    for (const line of refused) expect(scan(line), line).toBeUndefined();
    const longest = JSON.stringify({
      type: 'page_view',
      lang: 'de',
      page: `${'a'.repeat(115)}.html`,
      chapter: 1,
      dwellMs: 5,
      t,
    });
    expect(scan(longest)).toEqual(figures(slow(longest)!));
  });
});
