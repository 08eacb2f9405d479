import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ProblemData } from '../../../shared/api';
import { languageName, textDirection, type Exhibition } from '../../../shared/domain';
import { ErrorBanner } from '../components/ErrorBanner';
import { selectExhibitions, useApp } from '../store';
import type { ExportForm } from '../store/export';
import { PublishPanel } from './publish/PublishPanel';
import { KioskStatsView } from './stats/KioskStatsView';
import './export.css';

/**
 * The export dialog: exhibition, mode, languages, format and mode options; the pre-publication
 * check (errors block, warnings are shown before starting); then destination, progress with a
 * time estimate, cancel and "open folder".
 */
export function ExportSection() {
  const { t } = useTranslation();
  const exhibitions = useApp(selectExhibitions);
  const form = useApp((s) => s.exportForm);
  const changed = useApp((s) => s.exportFormChanged);
  const checkRequested = useApp((s) => s.exportCheckRequested);
  const runStatus = useApp((s) => s.exportRun.status);

  // The first exhibition is preselected; a deleted one is replaced.
  const current = exhibitions.find((x) => x.id === form.exhibitionId) ?? null;
  useEffect(() => {
    if (!current && exhibitions[0]) changed({ exhibitionId: exhibitions[0].id });
  }, [current, exhibitions, changed]);

  // The check runs whenever exhibition or mode change, so warnings are visible before starting.
  useEffect(() => {
    if (form.exhibitionId) void checkRequested();
  }, [form.exhibitionId, form.mode, checkRequested]);

  const busy = runStatus !== 'idle';
  const statsOpen = useApp((s) => s.kioskStats.open);
  if (statsOpen) return <KioskStatsView exhibition={current} />;
  return (
    <section className="section export" aria-labelledby="export-heading">
      <h1 id="export-heading">{t('exportPanel.heading')}</h1>
      <p className="lead">{t('exportPanel.intro')}</p>
      {!current ? (
        <p className="notice">{t('exportPanel.noExhibitions')}</p>
      ) : (
        <div className="export__layout">
          <form
            className="panel export__form"
            aria-labelledby="export-heading"
            onSubmit={(e) => e.preventDefault()}
          >
            <fieldset disabled={busy} className="export__fieldset">
              <ExhibitionChoice exhibitions={exhibitions} form={form} />
              <ModeChoice form={form} />
              <LanguageChoice exhibition={current} form={form} />
              <FormatChoice form={form} />
              <ModeOptions exhibition={current} form={form} />
            </fieldset>
          </form>
          <div className="export__side">
            <CheckResults />
            <RunPanel />
            {form.mode === 'kiosk' ? <StatsEntry /> : null}
          </div>
        </div>
      )}
      {current ? <PublishPanel /> : null}
    </section>
  );
}

function ExhibitionChoice({ exhibitions, form }: { exhibitions: Exhibition[]; form: ExportForm }) {
  const { t, i18n } = useTranslation();
  const changed = useApp((s) => s.exportFormChanged);
  const id = useId();
  return (
    <div className="export__field">
      <label htmlFor={id}>{t('exportPanel.exhibition')}</label>
      <select
        id={id}
        value={form.exhibitionId ?? ''}
        onChange={(e) => changed({ exhibitionId: e.target.value })}
      >
        {exhibitions.map((x) => (
          <option key={x.id} value={x.id}>
            {x.title[i18n.language] || x.title[x.defaultLanguage] || x.slug}
          </option>
        ))}
      </select>
    </div>
  );
}

function ModeChoice({ form }: { form: ExportForm }) {
  const { t } = useTranslation();
  const changed = useApp((s) => s.exportFormChanged);
  const name = useId();
  return (
    <fieldset className="export__group">
      <legend>{t('exportPanel.mode')}</legend>
      {(['web', 'kiosk'] as const).map((mode) => (
        <label key={mode} className="export__option">
          <input
            type="radio"
            name={name}
            value={mode}
            checked={form.mode === mode}
            onChange={() => changed({ mode })}
            aria-describedby={`${name}-${mode}`}
          />
          <span>
            <strong>{t(mode === 'web' ? 'exportPanel.modeWeb' : 'exportPanel.modeKiosk')}</strong>
            <span id={`${name}-${mode}`} className="hint export__option-hint">
              {t(mode === 'web' ? 'exportPanel.modeWebHint' : 'exportPanel.modeKioskHint')}
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function LanguageChoice({ exhibition, form }: { exhibition: Exhibition; form: ExportForm }) {
  const { t } = useTranslation();
  const changed = useApp((s) => s.exportFormChanged);
  const hint = useId();
  const ordered = [
    exhibition.defaultLanguage,
    ...exhibition.languages.filter((l) => l !== exhibition.defaultLanguage),
  ].filter((l) => exhibition.languages.includes(l));
  const chosen = form.languages.length ? form.languages : exhibition.languages;
  const toggle = (lang: string) => {
    const next = chosen.includes(lang) ? chosen.filter((l) => l !== lang) : [...chosen, lang];
    // At least one language stays: a bundle without a language has nothing to show.
    if (next.length) changed({ languages: next });
  };
  return (
    <fieldset className="export__group" aria-describedby={hint}>
      <legend>{t('exportPanel.languages')}</legend>
      <div className="export__checks">
        {ordered.map((lang) => (
          <label key={lang} className="export__check">
            <input type="checkbox" checked={chosen.includes(lang)} onChange={() => toggle(lang)} />
            <span lang={lang} dir={textDirection(lang)}>
              {languageName(lang)}
            </span>
          </label>
        ))}
      </div>
      <p id={hint} className="hint">
        {t('exportPanel.languagesHint')}
      </p>
    </fieldset>
  );
}

function FormatChoice({ form }: { form: ExportForm }) {
  const { t } = useTranslation();
  const changed = useApp((s) => s.exportFormChanged);
  const name = useId();
  return (
    <fieldset className="export__group">
      <legend>{t('exportPanel.format')}</legend>
      <div className="export__checks">
        {([false, true] as const).map((zip) => (
          <label key={String(zip)} className="export__check">
            <input
              type="radio"
              name={name}
              checked={form.zip === zip}
              onChange={() => changed({ zip })}
            />
            <span>{t(zip ? 'exportPanel.zip' : 'exportPanel.folder')}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function ModeOptions({ exhibition, form }: { exhibition: Exhibition; form: ExportForm }) {
  const { t } = useTranslation();
  const changed = useApp((s) => s.exportFormChanged);
  const id = useId();
  if (form.mode === 'web')
    return (
      <div className="export__field">
        <label htmlFor={id}>{t('exportPanel.baseUrl')}</label>
        <input
          id={id}
          type="url"
          inputMode="url"
          spellCheck={false}
          placeholder={exhibition.settings.web.baseUrl ?? 'https://'}
          value={form.baseUrl}
          onChange={(e) => changed({ baseUrl: e.target.value })}
          aria-describedby={`${id}-hint`}
        />
        <p id={`${id}-hint`} className="hint">
          {t('exportPanel.baseUrlHint')}
        </p>
      </div>
    );
  return (
    <div className="export__field">
      <label htmlFor={id}>{t('exportPanel.idleSeconds')}</label>
      <input
        id={id}
        type="number"
        min={10}
        max={3600}
        step={1}
        inputMode="numeric"
        value={form.idleSeconds}
        onChange={(e) => changed({ idleSeconds: e.target.value })}
        aria-describedby={`${id}-hint`}
        className="export__number"
      />
      <p id={`${id}-hint`} className="hint">
        {t('exportPanel.idleSecondsHint', { seconds: exhibition.settings.kiosk.idleSeconds })}
      </p>
    </div>
  );
}

function ProblemList({ problems, kind }: { problems: ProblemData[]; kind: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'de';
  return (
    <ul className={`export__problems export__problems--${kind}`}>
      {problems.map((p, i) => (
        <li key={`${p.rule}-${p.target.collection}-${p.target.id}-${p.target.path}-${i}`}>
          <p className="export__problem-message">{p.message[lang]}</p>
          <p className="hint">
            {t('exportPanel.where')}:{' '}
            <code>
              {p.target.collection === 'library'
                ? 'library'
                : `${p.target.collection}/${p.target.id}${p.target.path ? ` ${p.target.path}` : ''}`}
            </code>
            {' – '}
            {p.hint[lang]}
          </p>
        </li>
      ))}
    </ul>
  );
}

function CheckResults() {
  const { t } = useTranslation();
  const check = useApp((s) => s.exportCheck);
  const headingId = useId();
  if (check.status === 'idle') return null;
  if (check.status === 'checking')
    return (
      <p role="status" className="muted">
        {t('exportPanel.checking')}
      </p>
    );
  if (check.status === 'failed' && check.error)
    return <ErrorBanner error={check.error} template="exportPanel.checkFailed" />;
  const result = check.result;
  if (!result) return null;
  const { errors, warnings, infos } = result;
  return (
    <section className="panel export__check" aria-labelledby={headingId} data-testid="export-check">
      <h2 id={headingId} className="visually-hidden">
        {t('exportPanel.check')}
      </h2>
      {errors.length + warnings.length + infos.length === 0 ? (
        <p role="status">{t('exportPanel.checkClean')}</p>
      ) : null}
      {errors.length ? (
        <div className="export__errors" data-testid="export-errors">
          <h3>{t('exportPanel.errorsHeading', { count: errors.length })}</h3>
          <ProblemList problems={errors} kind="error" />
        </div>
      ) : null}
      {warnings.length ? (
        <details
          className="export__warnings"
          data-testid="export-warnings"
          open={warnings.length <= 5}
        >
          <summary>
            <h3>{t('exportPanel.warningsHeading', { count: warnings.length })}</h3>
          </summary>
          <p className="hint">{t('exportPanel.warningsIntro')}</p>
          <ProblemList problems={warnings} kind="warning" />
        </details>
      ) : null}
      {infos.length ? (
        <details className="export__notes">
          <summary>
            <h3>{t('exportPanel.notesHeading', { count: infos.length })}</h3>
          </summary>
          <ProblemList problems={infos} kind="info" />
        </details>
      ) : null}
    </section>
  );
}

function formatRemaining(t: TFunction, seconds: number): string {
  if (seconds < 60) return t('exportPanel.seconds', { count: seconds });
  return t('exportPanel.minutes', { count: Math.round(seconds / 60) });
}

function RunPanel() {
  const { t } = useTranslation();
  const run = useApp((s) => s.exportRun);
  const check = useApp((s) => s.exportCheck);
  const transport = useApp((s) => s.appInfo?.transport);
  const start = useApp((s) => s.exportStartRequested);
  const confirm = useApp((s) => s.exportReplaceConfirmed);
  const decline = useApp((s) => s.exportReplaceDeclined);
  const cancel = useApp((s) => s.exportCancelRequested);
  const reveal = useApp((s) => s.exportRevealRequested);
  const dismiss = useApp((s) => s.exportRunDismissed);
  const focusRef = useRef<HTMLElement | null>(null);

  // Each new stage of the run takes the focus, so keyboard and screen reader users follow it.
  useEffect(() => {
    if (run.status === 'confirm' || run.status === 'done' || run.status === 'failed')
      focusRef.current?.focus();
  }, [run.status]);

  const blocked = (check.result?.errors.length ?? 0) > 0;
  const checking = check.status === 'checking';

  if (run.status === 'idle' || run.status === 'choosing')
    return (
      <div className="export__run">
        <button
          type="button"
          className="button button--primary export__start"
          disabled={blocked || checking || run.status === 'choosing' || check.status !== 'ready'}
          onClick={() => void start()}
        >
          {run.status === 'choosing' ? t('exportPanel.choosing') : t('exportPanel.start')}
        </button>
        <p className="hint">
          {t(transport === 'web' ? 'exportPanel.startHintNoDialog' : 'exportPanel.startHintDialog')}
        </p>
      </div>
    );

  if (run.status === 'confirm')
    return (
      <section
        className="panel export__confirm"
        role="alertdialog"
        aria-labelledby="export-confirm-heading"
        aria-describedby="export-confirm-text"
        tabIndex={-1}
        ref={focusRef}
      >
        <h2 id="export-confirm-heading">{t('exportPanel.confirmHeading')}</h2>
        <p id="export-confirm-text">
          {t('exportPanel.confirmText', { path: run.target?.displayPath ?? '' })}
        </p>
        <div className="export__actions">
          <button type="button" className="button button--primary" onClick={() => void confirm()}>
            {t('exportPanel.confirmReplace')}
          </button>
          <button type="button" className="button" onClick={decline}>
            {t('exportPanel.confirmCancel')}
          </button>
        </div>
      </section>
    );

  if (run.status === 'running' || run.status === 'cancelling') {
    const percent = run.total > 0 ? Math.floor((run.done / run.total) * 100) : 0;
    return (
      <section className="panel export__progress" aria-labelledby="export-progress-label">
        <h2 id="export-progress-label" className="export__progress-title">
          {t('exportPanel.progressLabel')}
        </h2>
        <progress
          max={run.total || 1}
          value={run.done}
          aria-labelledby="export-progress-label"
          aria-valuetext={t('exportPanel.progressPercent', { percent })}
        />
        <p className="export__step" aria-live="polite" data-testid="export-step">
          <span>{t('exportPanel.progressPercent', { percent })}</span>
          {run.step ? <span> · {run.step}</span> : null}
          <span>
            {' · '}
            {run.remainingSeconds !== null
              ? t('exportPanel.remaining', { time: formatRemaining(t, run.remainingSeconds) })
              : t('exportPanel.remainingUnknown')}
          </span>
        </p>
        <button
          type="button"
          className="button"
          disabled={run.status === 'cancelling'}
          onClick={() => void cancel()}
        >
          {run.status === 'cancelling' ? t('exportPanel.cancelling') : t('exportPanel.cancel')}
        </button>
      </section>
    );
  }

  if (run.status === 'cancelled')
    return (
      <div className="export__run">
        <p role="status" className="notice">
          {t('exportPanel.cancelled')}
        </p>
        <button type="button" className="button" onClick={dismiss}>
          {t('exportPanel.again')}
        </button>
      </div>
    );

  if (run.status === 'failed')
    return (
      <div
        className="export__run"
        tabIndex={-1}
        ref={(el) => {
          focusRef.current = el;
        }}
      >
        {run.error ? (
          <ErrorBanner
            error={run.error}
            template={
              run.error.code === 'EXPORT_BLOCKED' ? 'exportPanel.blocked' : 'exportPanel.failed'
            }
          />
        ) : null}
        <button type="button" className="button" onClick={dismiss}>
          {t('exportPanel.again')}
        </button>
      </div>
    );

  const summary = run.summary;
  return (
    <section
      className="panel export__done"
      aria-labelledby="export-done-heading"
      tabIndex={-1}
      ref={focusRef}
      data-testid="export-done"
    >
      <h2 id="export-done-heading">{t('exportPanel.doneHeading')}</h2>
      {summary ? (
        <>
          <p>
            {t('exportPanel.doneSummary', {
              pages: summary.pages,
              files: summary.files,
              size: (summary.bytes / 1e6).toFixed(1),
              seconds: summary.seconds.toFixed(1),
              languages: summary.languages.map(languageName).join(', '),
            })}
          </p>
          <p className="hint">
            {t('exportPanel.doneDerivatives', {
              made: summary.derivatives.made,
              reused: summary.derivatives.reused,
            })}
          </p>
          {summary.warnings ? (
            <p className="hint">{t('exportPanel.doneWarnings', { count: summary.warnings })}</p>
          ) : null}
          <p>
            {t('exportPanel.savedAt')}{' '}
            <code className="export__path" data-testid="export-path">
              {summary.displayPath}
            </code>
          </p>
        </>
      ) : null}
      {run.revealed ? (
        <p role="status" className="notice">
          {run.revealed.shown ? (
            t('exportPanel.revealedShown')
          ) : (
            <>
              {t('exportPanel.revealedPath')}{' '}
              <code className="export__path">{run.revealed.path}</code>
            </>
          )}
        </p>
      ) : null}
      {run.error ? <ErrorBanner error={run.error} template="exportPanel.failed" /> : null}
      <div className="export__actions">
        <button type="button" className="button button--primary" onClick={() => void reveal()}>
          {t('exportPanel.reveal')}
        </button>
        <button type="button" className="button" onClick={dismiss}>
          {t('exportPanel.again')}
        </button>
      </div>
    </section>
  );
}

/** The kiosk export's visitor statistics, read from a player's data folder (issue 14). */
function StatsEntry() {
  const { t } = useTranslation();
  const opened = useApp((s) => s.kioskStatsOpened);
  return (
    <section className="panel" aria-labelledby="stats-entry-heading">
      <h2 id="stats-entry-heading">{t('kioskStats.entryHeading')}</h2>
      <p>{t('kioskStats.entryText')}</p>
      <button type="button" className="button" onClick={opened}>
        {t('kioskStats.open')}
      </button>
    </section>
  );
}
