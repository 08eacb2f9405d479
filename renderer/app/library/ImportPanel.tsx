import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../store';

/**
 * Import by the file chooser: in the browser (web host) the page's own chooser uploads the
 * bytes; in Electron main shows its dialog. Either way one progress bar for the batch and one
 * line per file; the rest of the app stays usable meanwhile.
 */
export function ImportButton() {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const transport = useApp((s) => s.appInfo?.transport ?? 'web');
  const running = useApp((s) => s.importState.status === 'running');
  const dropped = useApp((s) => s.importFilesDropped);
  const dialog = useApp((s) => s.importDialogRequested);
  const readOnly = useApp((s) => s.library?.readOnly ?? false);
  return (
    <>
      <button
        type="button"
        className="button button--primary"
        disabled={running || readOnly}
        onClick={() => (transport === 'electron' ? void dialog() : input.current?.click())}
      >
        {t('curation.import.button')}
      </button>
      {transport === 'web' ? (
        <input
          ref={input}
          type="file"
          multiple
          hidden
          data-testid="import-input"
          accept="image/*,audio/*,video/*,application/pdf"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            void dropped(files);
          }}
        />
      ) : null}
    </>
  );
}

export function ImportPanel() {
  const { t } = useTranslation();
  const state = useApp((s) => s.importState);
  const dismiss = useApp((s) => s.importDismissed);
  const select = useApp((s) => s.itemsSelected);
  if (state.status === 'idle') return null;
  const percent = state.total > 0 ? Math.round((state.done / state.total) * 100) : 0;
  const counts = {
    imported: state.results.filter((r) => r.status === 'imported').length,
    duplicate: state.results.filter((r) => r.status === 'duplicate').length,
    rejected: state.results.filter((r) => r.status === 'rejected').length,
  };
  return (
    <section
      className="import-panel"
      aria-label={t('curation.import.heading')}
      data-testid="import-panel"
    >
      <div className="import-panel__head">
        <h2>{t('curation.import.heading')}</h2>
        {state.status !== 'running' ? (
          <button type="button" className="button button--quiet" onClick={dismiss}>
            {t('curation.close')}
          </button>
        ) : null}
      </div>
      {state.status === 'running' ? (
        <>
          <progress
            max={Math.max(state.total, 1)}
            value={state.done}
            aria-label={t('curation.import.progress')}
            data-testid="import-progress"
          />
          <p role="status" className="hint">
            {t('curation.import.running', { percent })}
          </p>
        </>
      ) : null}
      {state.status === 'failed' && state.error ? (
        <p role="alert" className="field__warning">
          {state.error.message}
        </p>
      ) : null}
      {state.status === 'done' ? (
        <>
          <p role="status" data-testid="import-summary">
            {t('curation.import.summary', counts)}
          </p>
          <ul className="import-results" data-testid="import-results">
            {state.results.map((r, i) => (
              <li
                key={`${r.name}-${i}`}
                className={`import-result import-result--${r.status}`}
                data-status={r.status}
              >
                <span className="import-result__name" dir="auto">
                  {r.name}
                </span>{' '}
                <span className="import-result__status">
                  {t(`curation.import.status.${r.status}`)}
                </span>
                {r.message ? (
                  <span className="import-result__message" dir="auto">
                    {' '}
                    – {r.message}
                  </span>
                ) : null}
                {r.itemId ? (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => select([r.itemId!], r.itemId!)}
                    >
                      {t('curation.import.show')}
                    </button>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
