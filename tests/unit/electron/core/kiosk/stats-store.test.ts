import { mkdtemp, readdir, rm, writeFile, mkdir, appendFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createStatsWriter,
  localIso,
  readStats,
} from '../../../../../electron/core/kiosk/stats-store';
import type { StoredEvent } from '../../../../../shared/kiosk/events';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vitrine-stats-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A clock the test moves by hand. */
function fakeClock(start: string) {
  let now = new Date(start);
  return {
    clock: () => new Date(now),
    advance: (ms: number) => (now = new Date(now.getTime() + ms)),
  };
}

async function readAll(folder: string) {
  const events: StoredEvent[] = [];
  const result = await readStats(folder, (e) => events.push(e));
  return { events, ...result };
}

const view = (chapter: number, dwellMs = 1000) => ({
  type: 'page_view' as const,
  lang: 'de',
  page: chapter ? `0${chapter}-kapitel.html` : 'index.html',
  chapter,
  dwellMs,
});

describe('stats writer', () => {
  it('appends events as NDJSON per local day and closes sessions itself', async () => {
    const c = fakeClock('2026-05-14T10:00:00');
    const w = createStatsWriter({ dataDir: dir, clock: c.clock });
    await w.record({ type: 'session_start' });
    c.advance(30_000);
    await w.record(view(1, 30_000));
    c.advance(10_000);
    await w.record(view(2, 10_000), { type: 'idle_reset' });
    await w.close();
    const files = await readdir(path.join(dir, 'stats'));
    expect(files).toEqual([`${localIso(c.clock()).slice(0, 10)}.ndjson`]);
    const { events, corrupt, lines } = await readAll(dir);
    expect(corrupt).toBe(0);
    expect(lines).toBe(5);
    expect(events.map((e) => e.type)).toEqual([
      'session_start',
      'page_view',
      'page_view',
      'idle_reset',
      'session_end',
    ]);
    expect(events.at(-1)).toMatchObject({
      type: 'session_end',
      reason: 'idle',
      durationMs: 40_000,
    });
  });

  it('ends an open session on a new first touch and on shutdown', async () => {
    const c = fakeClock('2026-05-14T10:00:00');
    const w = createStatsWriter({ dataDir: dir, clock: c.clock });
    await w.record({ type: 'session_start' });
    c.advance(5000);
    await w.record({ type: 'session_start' });
    c.advance(7000);
    await w.close();
    const { events } = await readAll(dir);
    expect(events.filter((e) => e.type === 'session_end')).toMatchObject([
      { reason: 'new_session', durationMs: 5000 },
      { reason: 'player_stop', durationMs: 7000 },
    ]);
  });

  it('starts a new file at midnight', async () => {
    const c = fakeClock('2026-05-14T23:59:59');
    const w = createStatsWriter({ dataDir: dir, clock: c.clock });
    await w.record(view(1));
    c.advance(2000);
    await w.record(view(2));
    await w.close();
    expect((await readdir(path.join(dir, 'stats'))).sort()).toEqual([
      '2026-05-14.ndjson',
      '2026-05-15.ndjson',
    ]);
  });

  it('stops a day file at its size bound and counts what it dropped', async () => {
    const c = fakeClock('2026-05-14T10:00:00');
    const w = createStatsWriter({ dataDir: dir, clock: c.clock, maxDayBytes: 1000 });
    for (let i = 0; i < 20; i++) await w.record(view(1));
    await w.close();
    const size = (await stat(path.join(dir, 'stats', '2026-05-14.ndjson'))).size;
    expect(size).toBeLessThanOrEqual(1000);
    expect(w.counts.written + w.counts.dropped).toBe(20);
    expect(w.counts.dropped).toBeGreaterThan(0);
  });

  it('removes the oldest days when all files together exceed the bound', async () => {
    await mkdir(path.join(dir, 'stats'));
    for (const day of ['2026-01-01', '2026-01-02'])
      await writeFile(path.join(dir, 'stats', `${day}.ndjson`), 'x'.repeat(600) + '\n');
    const c = fakeClock('2026-05-14T10:00:00');
    const w = createStatsWriter({ dataDir: dir, clock: c.clock, maxTotalBytes: 1000 });
    await w.record(view(1));
    await w.close();
    expect((await readdir(path.join(dir, 'stats'))).sort()).toEqual([
      '2026-01-02.ndjson',
      '2026-05-14.ndjson',
    ]);
  });

  it('starts on a fresh line after a torn last line', async () => {
    await mkdir(path.join(dir, 'stats'));
    const file = path.join(dir, 'stats', '2026-05-14.ndjson');
    await writeFile(file, '{"type":"page_view","lang":"de","pa');
    const c = fakeClock('2026-05-14T10:00:00');
    const w = createStatsWriter({ dataDir: dir, clock: c.clock });
    await w.record(view(1));
    await w.close();
    const { events, corrupt } = await readAll(dir);
    expect(corrupt).toBe(1);
    expect(events).toHaveLength(1);
  });
});

describe('reading statistics', () => {
  it('skips and counts corrupt lines: bad JSON, wrong shapes, free text, overlong lines', async () => {
    await mkdir(path.join(dir, 'stats'));
    const good = JSON.stringify({ ...view(1), t: '2026-05-14T10:00:00.000+02:00' });
    const lines = [
      good,
      'not json',
      JSON.stringify({ type: 'page_view', t: '2026-05-14T10:00:00.000+02:00' }),
      // Free text in a field the schema closes: never accepted.
      JSON.stringify({ ...view(1), page: 'Max Mustermann.html', t: '2026-05-14T10:00:00Z' }),
      JSON.stringify({ ...view(1), visitor: 'abc', t: '2026-05-14T10:00:00Z' }),
      `{"type":"qr","chapter":1,"t":"2026-05-14T10:00:00Z","pad":"${'x'.repeat(10_000)}"}`,
      '',
      good,
    ];
    await writeFile(path.join(dir, 'stats', '2026-05-14.ndjson'), lines.join('\n') + '\n');
    await writeFile(path.join(dir, 'stats', 'notes.txt'), 'ignored');
    const { events, corrupt, lines: counted } = await readAll(dir);
    expect(events).toHaveLength(2);
    expect(corrupt).toBe(5);
    expect(counted).toBe(7);
  });

  it('reads a huge file without newlines in flat memory, as one corrupt line', async () => {
    await mkdir(path.join(dir, 'stats'));
    const file = path.join(dir, 'stats', '2026-05-14.ndjson');
    const chunk = 'x'.repeat(2 ** 20);
    for (let i = 0; i < 64; i++) await appendFile(file, chunk);
    await appendFile(file, `\n${JSON.stringify({ ...view(2), t: '2026-05-14T10:00:00Z' })}\n`);
    const { events, corrupt } = await readAll(dir);
    expect(corrupt).toBe(1);
    expect(events).toHaveLength(1);
  });

  it('accepts a data folder or its stats folder, and reports nothing for a missing one', async () => {
    const c = fakeClock('2026-05-14T10:00:00');
    const w = createStatsWriter({ dataDir: dir, clock: c.clock });
    await w.record(view(1));
    await w.close();
    expect((await readAll(dir)).events).toHaveLength(1);
    expect((await readAll(path.join(dir, 'stats'))).events).toHaveLength(1);
    expect(await readAll(path.join(dir, 'missing'))).toMatchObject({ files: 0, lines: 0 });
  });

  it('stores local time with its offset', async () => {
    const iso = localIso(new Date(2026, 4, 14, 9, 5, 7, 12));
    expect(iso).toMatch(/^2026-05-14T09:05:07\.012[+-]\d{2}:\d{2}$/);
  });
});
