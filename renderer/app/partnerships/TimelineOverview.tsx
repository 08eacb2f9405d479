import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  dateSortKey,
  formatEdtf,
  pickText,
  type Award,
  type LibrarySnapshot,
  type Partnership,
} from '../../../shared/domain';
import { countryName } from '../view/text';

const ROW = 30;
const LABEL_WIDTH = 170;
const AWARD_ROW = 64;

export interface OverviewRow {
  partnership: Partnership;
  start: number;
  /** Last year drawn: the current year while active, else the last event's year. */
  end: number;
}

/** Years of each partnership (since → today, or → last event when ended) and the axis range. */
export function overviewRows(
  partnerships: readonly Partnership[],
  awards: readonly Award[],
  currentYear: number,
): { rows: OverviewRow[]; from: number; to: number } {
  const rows = partnerships
    .filter((p) => p.since)
    .map((p) => {
      const start = Number(dateSortKey(p.since).slice(0, 4));
      const lastEvent = Math.max(
        start,
        ...p.history.map((e) => Number(dateSortKey(e.date).slice(0, 4))).filter((y) => y < 9999),
      );
      const end = p.status === 'ended' ? lastEvent : currentYear;
      return { partnership: p, start, end };
    })
    .sort((a, b) => a.start - b.start || a.partnership.id.localeCompare(b.partnership.id));
  const years = [
    ...rows.map((r) => r.start),
    ...awards.map((a) => Number(dateSortKey(a.date).slice(0, 4))),
  ].filter((y) => y < 9999);
  const from = Math.floor((years.length ? Math.min(...years) : currentYear - 10) / 10) * 10;
  const to = Math.max(currentYear, ...years) + 1;
  return { rows, from, to };
}

/**
 * All partnerships and awards on one screen: one bar per partnership from its founding year,
 * the awards as marked points above. A list below says the same in words for screen readers
 * and for reading exact dates.
 */
export function TimelineOverview({ snapshot }: { snapshot: LibrarySnapshot }) {
  const { t, i18n } = useTranslation();
  const ui = i18n.language;
  const lang = snapshot.manifest.defaultLanguage;
  const id = useId();
  const { rows, from, to } = overviewRows(
    snapshot.partnerships,
    snapshot.awards,
    new Date().getFullYear(),
  );
  const width = 1000;
  const plot = width - LABEL_WIDTH - 20;
  const x = (year: number) => LABEL_WIDTH + ((year - from) / (to - from)) * plot;
  const height = AWARD_ROW + rows.length * ROW + 30;
  const ticks: number[] = [];
  for (let y = from; y <= to; y += 10) ticks.push(y);
  const awards = [...snapshot.awards].sort((a, b) =>
    dateSortKey(a.date).localeCompare(dateSortKey(b.date)),
  );

  return (
    <section
      className="overview"
      aria-labelledby={`${id}-h`}
      data-testid="timeline-overview"
      // Scrolls on narrow windows; focusable so keyboard users can scroll it too.
      tabIndex={0}
    >
      <h2 id={`${id}-h`}>{t('curation.overview.heading')}</h2>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-list`}
      >
        <title id={`${id}-title`}>{t('curation.overview.svgTitle')}</title>
        {ticks.map((year) => (
          <g key={year}>
            <line
              className="overview__grid"
              x1={x(year)}
              x2={x(year)}
              y1={AWARD_ROW - 10}
              y2={height - 24}
            />
            <text className="overview__axis" x={x(year)} y={height - 8} textAnchor="middle">
              {year}
            </text>
          </g>
        ))}
        {awards.map((award, i) => {
          const year = Number(dateSortKey(award.date).slice(0, 4));
          const cx = x(year);
          const cy = 18 + (i % 2) * 22;
          return (
            <g key={award.id} data-award={award.id}>
              <path
                className="overview__award"
                d={`M${cx} ${cy - 8} L${cx + 8} ${cy} L${cx} ${cy + 8} L${cx - 8} ${cy} Z`}
              />
              <text className="overview__label" x={cx + 12} y={cy + 4}>
                {pickText(award.name, ui, lang)} {year}
              </text>
            </g>
          );
        })}
        {rows.map((row, i) => {
          const y = AWARD_ROW + i * ROW;
          return (
            <g key={row.partnership.id} data-partnership={row.partnership.id}>
              <text className="overview__label" x={LABEL_WIDTH - 8} y={y + 15} textAnchor="end">
                {pickText(row.partnership.city, ui, lang)}
              </text>
              <rect
                className={`overview__bar overview__bar--${row.partnership.kind}`}
                x={x(row.start)}
                y={y + 4}
                width={Math.max(4, x(row.end + 1) - x(row.start))}
                height={ROW - 10}
                rx={4}
                opacity={row.partnership.status === 'active' ? 1 : 0.5}
              />
              {row.partnership.history.map((event) => {
                const ey = Number(dateSortKey(event.date).slice(0, 4));
                if (ey >= 9999) return null;
                return <circle key={event.id} cx={x(ey) + 2} cy={y + 15} r={3} fill="#fff" />;
              })}
            </g>
          );
        })}
      </svg>
      <div id={`${id}-list`}>
        <h3>{t('partnerships.awards')}</h3>
        <ul className="plain-list" data-testid="overview-awards">
          {awards.map((a) => (
            <li key={a.id}>
              <strong>{formatEdtf(a.date, ui)}</strong> ·{' '}
              <span dir="auto">{pickText(a.name, ui, lang)}</span>
            </li>
          ))}
        </ul>
        <h3>{t('partnerships.heading')}</h3>
        <ul className="plain-list" data-testid="overview-partnerships">
          {rows.map((row) => (
            <li key={row.partnership.id}>
              <strong>{formatEdtf(row.partnership.since, ui)}</strong> ·{' '}
              <span dir="auto">{pickText(row.partnership.city, ui, lang)}</span> (
              {countryName(row.partnership.country, ui)},{' '}
              {t(`partnerships.kind.${row.partnership.kind}`)},{' '}
              {t(`partnerships.status.${row.partnership.status}`)})
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
