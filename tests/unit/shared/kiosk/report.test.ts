import { describe, expect, it } from 'vitest';
import { buildReport, reportToCsv } from '../../../../shared/kiosk/report';
import { storedEventSchema, type StoredEvent } from '../../../../shared/kiosk/events';

/** A visit on Thursday 2026-05-14 at `hour`, through `chapters`, `seconds` long. */
function visit(hour: number, chapters: number[], seconds: number, lang = 'de'): StoredEvent[] {
  const t = `2026-05-14T${String(hour).padStart(2, '0')}:00:00.000+02:00`;
  return [
    { type: 'session_start', t },
    ...chapters.map((chapter) => ({
      type: 'page_view' as const,
      lang,
      page: `0${chapter}-k.html`,
      chapter,
      dwellMs: 10_000 * chapter,
      t,
    })),
    { type: 'idle_reset', t },
    { type: 'session_end', reason: 'idle' as const, durationMs: seconds * 1000, t },
  ];
}

describe('kiosk report', () => {
  const events = [
    ...visit(10, [1, 2, 3], 200),
    ...visit(10, [1], 20, 'en'),
    ...visit(15, [1, 2], 90),
    { type: 'media_play', kind: 'audio', chapter: 2, t: '2026-05-15T09:00:00.000+02:00' },
    { type: 'language', from: 'de', to: 'en', t: '2026-05-15T09:00:00.000+02:00' },
    { type: 'qr', chapter: 3, t: '2026-05-15T09:00:00.000+02:00' },
  ] as StoredEvent[];
  const report = buildReport(events);

  it('counts sessions per day and per hour of the week (Monday first)', () => {
    expect(report.sessions).toBe(3);
    expect(report.sessionsPerDay).toEqual([{ day: '2026-05-14', sessions: 3 }]);
    // 2026-05-14 is a Thursday: index 3.
    expect(report.sessionsPerHourOfWeek[3]![10]).toBe(2);
    expect(report.sessionsPerHourOfWeek[3]![15]).toBe(1);
    expect(report.sessionsPerHourOfWeek.flat().reduce((a, b) => a + b)).toBe(3);
    expect(report.firstDay).toBe('2026-05-14');
    expect(report.lastDay).toBe('2026-05-15');
  });

  it('gives the median and distribution of session length', () => {
    expect(report.medianSessionMs).toBe(90_000);
    // Buckets: <30 s, <60, <120, <300, <600, <1200, longer.
    expect(report.sessionLengthBuckets).toEqual([1, 0, 1, 1, 0, 0, 0]);
  });

  it('ranks chapters by views and dwell time, with the funnel', () => {
    expect(report.chapters.map((c) => [c.chapter, c.views, c.sessions])).toEqual([
      [1, 3, 3],
      [2, 2, 2],
      [3, 1, 1],
    ]);
    expect(report.chapters[1]).toMatchObject({
      totalDwellMs: 40_000,
      medianDwellMs: 20_000,
      mediaPlays: 1,
    });
    expect(report.chapters[2]!.qr).toBe(1);
  });

  it('counts languages, switches and media', () => {
    expect(report.languages).toEqual([
      { lang: 'de', pageViews: 5, sessions: 2 },
      { lang: 'en', pageViews: 1, sessions: 1 },
    ]);
    expect(report.languageSwitches).toBe(1);
    expect(report.mediaPlays).toEqual({ audio: 1, video: 0 });
    expect(report.idleResets).toBe(3);
  });

  it('is empty, not broken, without events', () => {
    const empty = buildReport([]);
    expect(empty).toMatchObject({
      sessions: 0,
      medianSessionMs: null,
      chapters: [],
      firstDay: null,
    });
  });

  it('exports CSV in German and English, quoting what needs it', () => {
    const de = reportToCsv(report, 'de');
    expect(de).toContain('Sitzungen pro Tag\r\nTag,Sitzungen\r\n2026-05-14,3');
    expect(de).toContain('Kapitel,Seite,Aufrufe');
    expect(reportToCsv(report, 'en')).toContain('Sessions per day\r\nDay,Sessions');
    // A page name that looks like a formula cannot run in a spreadsheet.
    const odd = buildReport([
      {
        type: 'page_view',
        lang: 'de',
        page: 'a.html',
        chapter: 1,
        dwellMs: 1,
        t: '2026-05-14T10:00:00Z',
      },
    ]);
    odd.chapters[0]!.page = '=HYPERLINK("x")';
    expect(reportToCsv(odd, 'en')).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('accepts only the closed vocabulary as stored events', () => {
    const t = '2026-05-14T10:00:00Z';
    expect(storedEventSchema.safeParse({ type: 'qr', chapter: 1, t }).success).toBe(true);
    expect(storedEventSchema.safeParse({ type: 'qr', chapter: 1, t, ip: '1.2.3.4' }).success).toBe(
      false,
    );
    expect(storedEventSchema.safeParse({ type: 'search', query: 'Leeds', t }).success).toBe(false);
    expect(
      storedEventSchema.safeParse({
        type: 'page_view',
        lang: 'de',
        page: 'Hallo Welt',
        chapter: 1,
        dwellMs: 1,
        t,
      }).success,
    ).toBe(false);
  });
});
