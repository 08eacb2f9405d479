import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Exhibition } from '../../../../shared/domain';
import { pickText } from '../../../../shared/domain';
import { reportToCsv, type KioskReport } from '../../../../shared/kiosk/report';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useApp } from '../../store';
import { BarChart } from './BarChart';
import { formatDuration, reportCharts, type StatsChart } from './report-view';
import './stats.css';

/**
 * "Statistik" of a kiosk export: the person names a player's data folder (typed, or the desktop
 * dialog), main reads and aggregates it, and each figure is shown as a chart with its table.
 */
export function KioskStatsView({ exhibition }: { exhibition: Exhibition | null }) {
  const { t, i18n } = useTranslation();
  const stats = useApp((s) => s.kioskStats);
  const closed = useApp((s) => s.kioskStatsClosed);
  const title = exhibition
    ? pickText(exhibition.title, i18n.language, exhibition.defaultLanguage) || exhibition.slug
    : '';
  return (
    <section className="section stats" aria-labelledby="stats-heading">
      <button type="button" className="button button--quiet stats__back" onClick={closed}>
        {t('kioskStats.back')}
      </button>
      <h1 id="stats-heading">{t('kioskStats.heading', { title })}</h1>
      <p className="lead">{t('kioskStats.intro')}</p>
      <FolderForm />
      {stats.error ? <ErrorBanner error={stats.error} template="kioskStats.failed" /> : null}
      {stats.result ? (
        <Results result={stats.result} exhibition={exhibition} slug={exhibition?.slug ?? 'kiosk'} />
      ) : null}
    </section>
  );
}

function FolderForm() {
  const { t } = useTranslation();
  const stats = useApp((s) => s.kioskStats);
  const typed = useApp((s) => s.kioskStatsFolderTyped);
  const load = useApp((s) => s.kioskStatsLoadRequested);
  const choose = useApp((s) => s.kioskStatsDialogRequested);
  const dialogs = useApp((s) => s.appInfo?.transport === 'electron');
  const id = useId();
  const busy = stats.status === 'loading';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (stats.folder.trim() !== '') void load();
  };
  return (
    <form className="panel stats__form" onSubmit={submit}>
      <label htmlFor={id}>{t('kioskStats.folderLabel')}</label>
      <div className="stats__folder">
        <input
          id={id}
          type="text"
          value={stats.folder}
          maxLength={4096}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-hint`}
          onChange={(e) => typed(e.target.value)}
        />
        <button type="submit" className="button" disabled={busy || stats.folder.trim() === ''}>
          {busy ? t('kioskStats.loading') : t('kioskStats.load')}
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={busy || !dialogs}
          onClick={() => void choose()}
        >
          {t('kioskStats.choose')}
        </button>
      </div>
      <p className="hint" id={`${id}-hint`}>
        {t('kioskStats.folderHint')} {dialogs ? null : t('kioskStats.chooseUnavailable')}
      </p>
      <p className="visually-hidden" role="status">
        {busy ? t('kioskStats.loading') : ''}
      </p>
    </form>
  );
}

function Results({
  result,
  exhibition,
  slug,
}: {
  result: { folder: string; files: number; lines: number; corrupt: number; report: KioskReport };
  exhibition: Exhibition | null;
  slug: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { report } = result;
  const charts = useMemo(
    () => reportCharts(report, exhibition, t, lang),
    [report, exhibition, t, lang],
  );
  const num = new Intl.NumberFormat(lang);
  return (
    <div className="stats__results" data-testid="stats-results">
      <p className="muted">
        {t('kioskStats.source', {
          folder: result.folder,
          files: num.format(result.files),
          lines: num.format(result.lines),
        })}
      </p>
      {result.corrupt > 0 ? (
        <p className="notice" data-testid="stats-corrupt">
          {t('kioskStats.corrupt', { count: result.corrupt })}
        </p>
      ) : null}
      {report.events === 0 ? (
        <p className="notice">{t('kioskStats.empty')}</p>
      ) : (
        <>
          <dl className="stats__summary" aria-label={t('kioskStats.summaryLabel')}>
            <div>
              <dt>{t('kioskStats.sessions')}</dt>
              <dd data-testid="stats-sessions">{num.format(report.sessions)}</dd>
            </div>
            <div>
              <dt>{t('kioskStats.medianSession')}</dt>
              <dd data-testid="stats-median">
                {report.medianSessionMs === null
                  ? t('kioskStats.none')
                  : formatDuration(report.medianSessionMs)}
              </dd>
            </div>
            <div>
              <dt>{t('kioskStats.period')}</dt>
              <dd>
                {report.firstDay === report.lastDay
                  ? report.firstDay
                  : `${report.firstDay} – ${report.lastDay}`}
              </dd>
            </div>
            <div>
              <dt>{t('kioskStats.events')}</dt>
              <dd>{num.format(report.events)}</dd>
            </div>
          </dl>
          <CsvLink report={report} slug={slug} />
          <div className="stats__grid">
            {charts.map((chart) => (
              <StatsFigure key={chart.id} chart={chart} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}

function CsvLink({ report, slug }: { report: KioskReport; slug: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'de';
  // Made and revoked by one effect, so a revoked URL is never rendered (StrictMode runs effects
  // twice). A byte-order mark, so spreadsheet programs read the file as UTF-8.
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const made = URL.createObjectURL(
      new Blob([`\ufeff${reportToCsv(report, lang)}`], { type: 'text/csv;charset=utf-8' }),
    );
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [report, lang]);
  if (!url) return null;
  return (
    <p>
      <a className="button" href={url} download={`statistik-${slug}.csv`}>
        {t('kioskStats.csv')}
      </a>
    </p>
  );
}

/**
 * A chart and its table. The table is always in the page for screen readers (visually hidden
 * while the chart shows); a button shows it to everyone instead of the chart.
 */
function StatsFigure({ chart }: { chart: StatsChart }) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const id = useId();
  // Time lines get the whole width; the others share it two by two.
  const wide = chart.id === 'hourOfWeek' || chart.id === 'perDay';
  return (
    <figure
      className={`panel stats__figure${wide ? ' stats__figure--wide' : ''}`}
      aria-labelledby={`${id}-title`}
      data-chart={chart.id}
    >
      <div className="stats__figure-head">
        <figcaption id={`${id}-title`}>{chart.title}</figcaption>
        <button
          type="button"
          className="button button--quiet"
          aria-pressed={asTable}
          onClick={() => setAsTable(!asTable)}
        >
          {asTable ? t('kioskStats.showChart') : t('kioskStats.showTable')}
        </button>
      </div>
      {asTable ? null : <BarChart labels={chart.bars.labels} values={chart.bars.values} />}
      <div className={asTable ? 'stats__table' : 'visually-hidden'}>
        <table aria-labelledby={`${id}-title`}>
          <thead>
            <tr>
              {chart.columns.map((c, i) => (
                <th key={i} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {chart.rows.map((row, r) => (
              <tr key={r}>
                <th scope="row">{row.label}</th>
                {row.cells.map((cell, c) => (
                  <td key={c}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
