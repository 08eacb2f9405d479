import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readKioskReport } from '../../../../../electron/core/kiosk/report';
import { storedEventSchema, type StoredEvent } from '../../../../../shared/kiosk/events';
import { buildReport } from '../../../../../shared/kiosk/report';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vitrine-kiosk-report-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

/**
 * Day files mixing the player's own lines (the byte scanner's path) with odd but valid lines
 * (other key order, spaces, escapes, rare types: the JSON.parse/zod path), damage (torn, free
 * text, bad JSON, overlong), blank lines and CRLF, including days without a session and an
 * unclosed session across a day.
 */
function mixedDay(day: string, next: () => number): string[] {
  const lines: string[] = [];
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  for (let visit = 0; visit < 40; visit++) {
    const t = `${day}T${String(8 + Math.floor(next() * 12)).padStart(2, '0')}:0${visit % 10}:00.${visit % 10}${next() < 0.5 ? 'Z' : '+01:00'}`;
    const events: object[] = [];
    if (next() < 0.9) events.push({ type: 'session_start', t });
    for (let k = Math.floor(next() * 6); k > 0; k--) {
      const chapter = Math.floor(next() * 5);
      events.push({
        type: 'page_view',
        lang: pick(['de', 'en', 'tr', 'de-x-ls']),
        page: chapter ? `0${chapter}-kapitel.html` : 'index.html',
        chapter,
        dwellMs: Math.floor(next() * 100_000),
        t,
      });
      if (next() < 0.3)
        events.push({ type: 'media_play', kind: pick(['audio', 'video']), chapter, t });
      if (next() < 0.1) events.push({ type: 'lightbox', chapter, t });
      if (next() < 0.1) events.push({ type: 'qr', chapter, t });
      if (next() < 0.1) events.push({ type: 'language', from: 'de', to: 'en', t });
    }
    if (next() < 0.7) events.push({ type: 'idle_reset', t });
    if (next() < 0.8)
      events.push({
        type: 'session_end',
        reason: pick(['idle', 'new_session', 'player_stop']),
        durationMs: Math.floor(next() * 1_500_000),
        t,
      });
    for (const e of events) {
      const r = next();
      const json = JSON.stringify(e);
      if (r < 0.75) lines.push(json);
      // Valid for the schema, but not the player's own shape.
      else if (r < 0.8) lines.push(JSON.stringify(e, null, 1).replace(/\n/g, ''));
      else if (r < 0.84) lines.push(`${json}\r`);
      else if (r < 0.87) lines.push(json.replace('"type":"', '"type":"\\u00') + 'X');
      else if (r < 0.9) lines.push(JSON.stringify(Object.fromEntries(Object.entries(e).reverse())));
      // Damage.
      else if (r < 0.92) lines.push(json.slice(0, Math.floor(next() * json.length)));
      else if (r < 0.94) lines.push(json.replace(/"de"|"index.html"|"idle"/, '"Max Mustermann"'));
      else if (r < 0.95) lines.push(`${json.slice(0, -1)},"pad":"${'x'.repeat(5000)}"}`);
      else if (r < 0.96) lines.push('');
      else if (r < 0.97) lines.push(json.replace('"t":"', '"t":"ä'));
      else lines.push(json);
    }
  }
  return lines;
}

describe('kiosk report over a data folder', () => {
  it('gives the same report and damage count as the schema path on a mixed file', async () => {
    const next = random(14);
    const all: string[] = [];
    await mkdir(path.join(dir, 'stats'));
    for (const day of ['2026-03-01', '2026-03-02', '2026-03-29', '2026-10-25']) {
      const lines = mixedDay(day, next);
      all.push(...lines);
      await writeFile(path.join(dir, 'stats', `${day}.ndjson`), `${lines.join('\n')}\n`);
    }
    // The schema path: every non-blank line through JSON.parse and zod.
    const valid: StoredEvent[] = [];
    let corrupt = 0;
    let counted = 0;
    for (const line of all) {
      if (line === '' || line === '\r') continue;
      counted++;
      let parsed: ReturnType<typeof storedEventSchema.safeParse> | undefined;
      try {
        parsed = storedEventSchema.safeParse(JSON.parse(line));
      } catch {
        parsed = undefined;
      }
      if (parsed?.success && Buffer.byteLength(line) <= 4096) valid.push(parsed.data);
      else corrupt++;
    }
    const { report, read } = await readKioskReport(dir);
    expect(read).toEqual({ files: 4, lines: counted, corrupt });
    expect(report).toEqual(buildReport(valid));
    // Both kinds of line were there, and the report is not empty.
    expect(corrupt).toBeGreaterThan(20);
    expect(valid.length).toBeGreaterThan(300);
    expect(report.sessions).toBeGreaterThan(100);
    expect(report.chapters.length).toBe(4);
  });
});
