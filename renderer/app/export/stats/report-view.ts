import type { TFunction } from 'i18next';
import { SESSION_BUCKETS_S, type KioskReport } from '../../../../shared/kiosk/report';
import { languageName, pickText, type Exhibition } from '../../../../shared/domain';

/**
 * The "Statistik" view's charts, each as one table: the chart draws a column of it, and the same
 * rows are the table alternative, so what a screen reader hears is what the chart shows.
 */
export interface StatsChart {
  id: 'perDay' | 'hourOfWeek' | 'length' | 'chapters' | 'funnel' | 'languages' | 'media';
  title: string;
  /** Column headings; the first column names the rows. */
  columns: string[];
  rows: Array<{ label: string; cells: string[] }>;
  /** What the chart draws: one bar per point, labelled on the x axis. */
  bars: { labels: string[]; values: number[] };
}

/** 45 s, 2:05 min, 1:10 h: short and the same in both UI languages. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  const rest = String(s % 60).padStart(2, '0');
  return m < 60 ? `${m}:${rest} min` : `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')} h`;
}

function bucketLabel(t: TFunction, i: number): string {
  const limit = (s: number) => formatDuration(s * 1000);
  return i < SESSION_BUCKETS_S.length
    ? t('kioskStats.bucketUpTo', { limit: limit(SESSION_BUCKETS_S[i]!) })
    : t('kioskStats.bucketOver', { limit: limit(SESSION_BUCKETS_S.at(-1)!) });
}

/** A chapter as people know it: its title in the UI language when the exhibition has it. */
function chapterName(exhibition: Exhibition | null, n: number, page: string, lang: string): string {
  const chapter = exhibition?.chapters[n - 1];
  const title = chapter ? pickText(chapter.title, lang, exhibition!.defaultLanguage) : '';
  return `${n}. ${title || page}`;
}

export function reportCharts(
  report: KioskReport,
  exhibition: Exhibition | null,
  t: TFunction,
  lang: string,
): StatsChart[] {
  const num = new Intl.NumberFormat(lang);
  const pct = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
  const n = (v: number) => num.format(v);
  const weekdays = t('kioskStats.weekdays', { returnObjects: true }) as string[];
  const weekdaysShort = t('kioskStats.weekdaysShort', { returnObjects: true }) as string[];
  const chapters = report.chapters.map((c) => ({
    ...c,
    name: chapterName(exhibition, c.chapter, c.page, lang),
  }));
  const buckets = report.sessionLengthBuckets.map((count, i) => ({
    label: bucketLabel(t, i),
    count,
  }));
  return [
    {
      id: 'perDay',
      title: t('kioskStats.chart.perDay'),
      columns: [t('kioskStats.col.day'), t('kioskStats.col.sessions')],
      rows: report.sessionsPerDay.map((d) => ({ label: d.day, cells: [n(d.sessions)] })),
      bars: {
        labels: report.sessionsPerDay.map((d) => d.day.slice(5)),
        values: report.sessionsPerDay.map((d) => d.sessions),
      },
    },
    {
      id: 'hourOfWeek',
      title: t('kioskStats.chart.hourOfWeek'),
      columns: [t('kioskStats.col.weekday'), ...Array.from({ length: 24 }, (_, h) => `${h}`)],
      rows: report.sessionsPerHourOfWeek.map((hours, d) => ({
        label: weekdays[d] ?? String(d),
        cells: hours.map(n),
      })),
      bars: {
        labels: report.sessionsPerHourOfWeek.flatMap((hours, d) =>
          hours.map((_, h) => `${weekdaysShort[d] ?? d} ${h}`),
        ),
        values: report.sessionsPerHourOfWeek.flat(),
      },
    },
    {
      id: 'length',
      title: t('kioskStats.chart.length'),
      columns: [t('kioskStats.col.length'), t('kioskStats.col.sessions')],
      rows: buckets.map((b) => ({ label: b.label, cells: [n(b.count)] })),
      bars: { labels: buckets.map((b) => b.label), values: buckets.map((b) => b.count) },
    },
    {
      id: 'chapters',
      title: t('kioskStats.chart.chapters'),
      columns: [
        t('kioskStats.col.chapter'),
        t('kioskStats.col.views'),
        t('kioskStats.col.dwellTotal'),
        t('kioskStats.col.dwellMedian'),
      ],
      rows: chapters.map((c) => ({
        label: c.name,
        cells: [n(c.views), formatDuration(c.totalDwellMs), formatDuration(c.medianDwellMs)],
      })),
      bars: {
        labels: chapters.map((c) => String(c.chapter)),
        values: chapters.map((c) => c.views),
      },
    },
    {
      id: 'funnel',
      title: t('kioskStats.chart.funnel'),
      columns: [
        t('kioskStats.col.chapter'),
        t('kioskStats.col.reached'),
        t('kioskStats.col.share'),
      ],
      rows: chapters.map((c) => ({
        label: c.name,
        cells: [n(c.sessions), report.sessions ? pct.format(c.sessions / report.sessions) : '–'],
      })),
      bars: {
        labels: chapters.map((c) => String(c.chapter)),
        values: chapters.map((c) => c.sessions),
      },
    },
    {
      id: 'languages',
      title: t('kioskStats.chart.languages'),
      columns: [
        t('kioskStats.col.language'),
        t('kioskStats.col.pageViews'),
        t('kioskStats.col.firstLanguage'),
      ],
      rows: report.languages.map((l) => ({
        label: `${languageName(l.lang)} (${l.lang})`,
        cells: [n(l.pageViews), n(l.sessions)],
      })),
      bars: {
        labels: report.languages.map((l) => l.lang),
        values: report.languages.map((l) => l.pageViews),
      },
    },
    {
      id: 'media',
      title: t('kioskStats.chart.media'),
      columns: [t('kioskStats.col.kind'), t('kioskStats.col.plays')],
      rows: [
        { label: t('kioskStats.audio'), cells: [n(report.mediaPlays.audio)] },
        { label: t('kioskStats.video'), cells: [n(report.mediaPlays.video)] },
      ],
      bars: {
        labels: [t('kioskStats.audio'), t('kioskStats.video')],
        values: [report.mediaPlays.audio, report.mediaPlays.video],
      },
    },
  ];
}
