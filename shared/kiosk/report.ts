import type { StoredEvent } from './events';
import {
  dayString,
  SCAN_IDLE_RESET,
  SCAN_MEDIA_PLAY,
  SCAN_PAGE_VIEW,
  SCAN_SESSION_END,
  SCAN_SESSION_START,
  type ScannedLine,
} from './fast-bytes';

/**
 * The statistics report of a kiosk player, computed in one pass over the stored events (a
 * million events fit in well under a second and a few megabytes: only per-session numbers and
 * per-page dwell times are kept). Pure: the player, the CLI and the app's "Statistik" view share it.
 */

/** Upper bounds (seconds, exclusive) of the session-length buckets; the last bucket is open. */
export const SESSION_BUCKETS_S = [30, 60, 120, 300, 600, 1200] as const;

export interface ChapterFigures {
  chapter: number;
  /** A page file of the chapter (its slug), so a table can name it without the library. */
  page: string;
  views: number;
  /** Sessions that saw this chapter at least once: the funnel. */
  sessions: number;
  totalDwellMs: number;
  medianDwellMs: number;
  mediaPlays: number;
  lightbox: number;
  qr: number;
}

export interface KioskReport {
  events: number;
  sessions: number;
  /** Sessions whose end was recorded, the base of the length figures. */
  endedSessions: number;
  firstDay: string | null;
  lastDay: string | null;
  /** `YYYY-MM-DD` → sessions started that day, days in order. */
  sessionsPerDay: Array<{ day: string; sessions: number }>;
  /** [weekday 0 = Monday][hour 0–23] → sessions started. */
  sessionsPerHourOfWeek: number[][];
  medianSessionMs: number | null;
  /** Counts per bucket of SESSION_BUCKETS_S, plus one for everything longer. */
  sessionLengthBuckets: number[];
  chapters: ChapterFigures[];
  /** Page views per language, and sessions by the language of their first page. */
  languages: Array<{ lang: string; pageViews: number; sessions: number }>;
  languageSwitches: number;
  mediaPlays: { audio: number; video: number };
  lightbox: number;
  qr: number;
  idleResets: number;
}

function median(values: Float64Array): number | null {
  if (values.length === 0) return null;
  const sorted = values.slice().sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** Monday-based weekday of a calendar date, computed without time zones. */
function weekday(day: string): number {
  const d = new Date(Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)));
  return (d.getUTCDay() + 6) % 7;
}

interface ChapterAcc {
  page: string;
  views: number;
  sessions: number;
  dwell: Numbers;
  total: number;
  media: number;
  lightbox: number;
  qr: number;
}

export interface ReportBuilder {
  add(event: StoredEvent): void;
  /** The same as `add` for a line the byte scanner read (shared/kiosk/fast-bytes.ts). */
  addScanned(line: ScannedLine): void;
  finish(): KioskReport;
}

/** A growable list of numbers in one typed array: a million dwell times without a million boxes. */
class Numbers {
  values = new Float64Array(64);
  length = 0;
  push(n: number) {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = n;
  }
  median(): number | null {
    return median(this.values.subarray(0, this.length));
  }
}

/** Feed events in stored order (days ascending, lines in file order). */
export function createReportBuilder(): ReportBuilder {
  let events = 0;
  let sessions = 0;
  const days = new Map<string, number>();
  const hourOfWeek = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const durations = new Numbers();
  const buckets = new Array<number>(SESSION_BUCKETS_S.length + 1).fill(0);
  // Indexed by chapter number (0–999, the schema's range).
  const chapters: Array<ChapterAcc | undefined> = [];
  const langs = new Map<string, { pageViews: number; sessions: number }>();
  const media = { audio: 0, video: 0 };
  let switches = 0;
  let lightbox = 0;
  let qr = 0;
  let idle = 0;
  let firstDay: string | null = null;
  let lastDay: string | null = null;
  // The open session: chapters seen (by session number, so nothing is allocated per session)
  // and whether its language is known yet.
  let open = false;
  const seenIn = new Int32Array(1000);
  let langKnown = false;
  // Lines come day by day: the current day's string, number (YYYYMMDD) and weekday are worked
  // out once per day.
  let currentDay = '';
  let currentDayNumber = -1;
  let currentWeekday = 0;
  // The last language's figures: a kiosk's page views mostly stay in one language.
  let lastLang = '';
  let lastLangAcc = { pageViews: 0, sessions: 0 };

  const chapterAcc = (n: number, page = ''): ChapterAcc => {
    let acc = chapters[n];
    if (!acc) {
      acc = {
        page,
        views: 0,
        sessions: 0,
        dwell: new Numbers(),
        total: 0,
        media: 0,
        lightbox: 0,
        qr: 0,
      };
      chapters[n] = acc;
    }
    if (!acc.page && page) acc.page = page;
    return acc;
  };
  const langAcc = (lang: string) => {
    if (lang === lastLang) return lastLangAcc;
    let acc = langs.get(lang);
    if (!acc) langs.set(lang, (acc = { pageViews: 0, sessions: 0 }));
    lastLang = lang;
    lastLangAcc = acc;
    return acc;
  };
  const setDay = (day: string, dayNumber: number) => {
    currentDay = day;
    currentDayNumber = dayNumber;
    currentWeekday = weekday(day);
    if (firstDay === null || day < firstDay) firstDay = day;
    if (lastDay === null || day > lastDay) lastDay = day;
  };
  const startSession = (hour: number) => {
    sessions++;
    open = true;
    langKnown = false;
    days.set(currentDay, (days.get(currentDay) ?? 0) + 1);
    hourOfWeek[currentWeekday]![hour]!++;
  };
  const endSession = (durationMs: number) => {
    if (!open) return;
    open = false;
    durations.push(durationMs);
    const s = durationMs / 1000;
    let i = 0;
    while (i < SESSION_BUCKETS_S.length && !(s < SESSION_BUCKETS_S[i]!)) i++;
    buckets[i]!++;
  };
  const pageView = (lang: string, page: string, chapter: number, dwellMs: number) => {
    const l = langAcc(lang);
    l.pageViews++;
    if (open && !langKnown) {
      l.sessions++;
      langKnown = true;
    }
    if (chapter > 0) {
      const acc = chapterAcc(chapter, page);
      acc.views++;
      acc.dwell.push(dwellMs);
      acc.total += dwellMs;
      if (open && seenIn[chapter] !== sessions) {
        seenIn[chapter] = sessions;
        acc.sessions++;
      }
    }
  };
  const mediaPlay = (kind: 'audio' | 'video', chapter: number) => {
    media[kind]++;
    if (chapter > 0) chapterAcc(chapter).media++;
  };

  return {
    add(e) {
      events++;
      if (!e.t.startsWith(currentDay) || currentDay === '') {
        const day = e.t.slice(0, 10);
        setDay(day, +(day.slice(0, 4) + day.slice(5, 7) + day.slice(8, 10)));
      }
      switch (e.type) {
        case 'session_start':
          startSession((e.t.charCodeAt(11) - 48) * 10 + (e.t.charCodeAt(12) - 48));
          break;
        case 'session_end':
          endSession(e.durationMs);
          break;
        case 'page_view':
          pageView(e.lang, e.page, e.chapter, e.dwellMs);
          break;
        case 'language':
          switches++;
          break;
        case 'media_play':
          mediaPlay(e.kind, e.chapter);
          break;
        case 'lightbox':
          lightbox++;
          if (e.chapter > 0) chapterAcc(e.chapter).lightbox++;
          break;
        case 'qr':
          qr++;
          if (e.chapter > 0) chapterAcc(e.chapter).qr++;
          break;
        case 'idle_reset':
          idle++;
          break;
      }
    },
    addScanned(line) {
      events++;
      if (line.day !== currentDayNumber) setDay(dayString(line.day), line.day);
      switch (line.type) {
        case SCAN_SESSION_START:
          startSession(line.hour);
          break;
        case SCAN_SESSION_END:
          endSession(line.value);
          break;
        case SCAN_PAGE_VIEW:
          pageView(line.lang, line.page, line.chapter, line.value);
          break;
        case SCAN_MEDIA_PLAY:
          mediaPlay(line.kind, line.chapter);
          break;
        case SCAN_IDLE_RESET:
          idle++;
          break;
      }
    },
    finish() {
      return {
        events,
        sessions,
        endedSessions: durations.length,
        firstDay,
        lastDay,
        sessionsPerDay: [...days]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([day, n]) => ({ day, sessions: n })),
        sessionsPerHourOfWeek: hourOfWeek,
        medianSessionMs: durations.median(),
        sessionLengthBuckets: buckets,
        chapters: chapters.flatMap((acc, chapter) =>
          acc === undefined
            ? []
            : {
                chapter,
                page: acc.page,
                views: acc.views,
                sessions: acc.sessions,
                totalDwellMs: acc.total,
                medianDwellMs: acc.dwell.median() ?? 0,
                mediaPlays: acc.media,
                lightbox: acc.lightbox,
                qr: acc.qr,
              },
        ),
        languages: [...langs]
          .map(([lang, v]) => ({ lang, ...v }))
          .sort((a, b) => b.pageViews - a.pageViews || (a.lang < b.lang ? -1 : 1)),
        languageSwitches: switches,
        mediaPlays: media,
        lightbox,
        qr,
        idleResets: idle,
      };
    },
  };
}

export function buildReport(events: Iterable<StoredEvent>): KioskReport {
  const builder = createReportBuilder();
  for (const e of events) builder.add(e);
  return builder.finish();
}

const WEEKDAYS = {
  de: ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

function csvCell(value: string | number): string {
  const text = String(value);
  // A leading = + - @ would be a formula in spreadsheets (CSV injection): quote and prefix.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n\r;]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The report as CSV: one table after another, each with a title row, separated by a blank line. */
export function reportToCsv(report: KioskReport, lang: 'de' | 'en'): string {
  const de = lang === 'de';
  const tables: Array<[string, Array<Array<string | number>>]> = [
    [
      de ? 'Sitzungen pro Tag' : 'Sessions per day',
      [
        [de ? 'Tag' : 'Day', de ? 'Sitzungen' : 'Sessions'],
        ...report.sessionsPerDay.map((d) => [d.day, d.sessions]),
      ],
    ],
    [
      de ? 'Sitzungen nach Wochentag und Stunde' : 'Sessions by weekday and hour',
      [
        [de ? 'Wochentag' : 'Weekday', ...Array.from({ length: 24 }, (_, h) => `${h}`)],
        ...report.sessionsPerHourOfWeek.map((row, i) => [WEEKDAYS[lang][i]!, ...row]),
      ],
    ],
    [
      de ? 'Sitzungsdauer' : 'Session length',
      [
        [de ? 'bis Sekunden' : 'up to seconds', de ? 'Sitzungen' : 'Sessions'],
        ...report.sessionLengthBuckets.map((n, i) => [
          i < SESSION_BUCKETS_S.length ? SESSION_BUCKETS_S[i]! : `>${SESSION_BUCKETS_S.at(-1)}`,
          n,
        ]),
        [de ? 'Median (ms)' : 'Median (ms)', report.medianSessionMs ?? ''],
      ],
    ],
    [
      de ? 'Kapitel' : 'Chapters',
      [
        de
          ? [
              'Kapitel',
              'Seite',
              'Aufrufe',
              'Sitzungen',
              'Verweildauer gesamt (ms)',
              'Median (ms)',
              'Medien',
              'Lightbox',
              'QR',
            ]
          : [
              'Chapter',
              'Page',
              'Views',
              'Sessions',
              'Total dwell (ms)',
              'Median (ms)',
              'Media',
              'Lightbox',
              'QR',
            ],
        ...report.chapters.map((c) => [
          c.chapter,
          c.page,
          c.views,
          c.sessions,
          c.totalDwellMs,
          c.medianDwellMs,
          c.mediaPlays,
          c.lightbox,
          c.qr,
        ]),
      ],
    ],
    [
      de ? 'Sprachen' : 'Languages',
      [
        [
          de ? 'Sprache' : 'Language',
          de ? 'Seitenaufrufe' : 'Page views',
          de ? 'Sitzungen' : 'Sessions',
        ],
        ...report.languages.map((l) => [l.lang, l.pageViews, l.sessions]),
      ],
    ],
    [
      de ? 'Medien' : 'Media',
      [
        [de ? 'Art' : 'Kind', de ? 'Wiedergaben' : 'Plays'],
        ['audio', report.mediaPlays.audio],
        ['video', report.mediaPlays.video],
      ],
    ],
  ];
  return tables
    .map(([title, rows]) =>
      [csvCell(title), ...rows.map((r) => r.map(csvCell).join(','))].join('\r\n'),
    )
    .join('\r\n\r\n')
    .concat('\r\n');
}
