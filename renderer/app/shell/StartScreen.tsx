import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { ErrorBanner } from '../components/ErrorBanner';
import { useApp } from '../store';
import { formatTimestamp } from '../view/text';

export function StartScreen() {
  const { t, i18n } = useTranslation();
  const { recent, status, error, transport } = useApp(
    useShallow((s) => ({
      recent: s.recent,
      status: s.sessionStatus,
      error: s.sessionError,
      transport: s.appInfo?.transport,
    })),
  );
  const actions = useApp(
    useShallow((s) => ({
      sample: s.sampleRequested,
      recent: s.recentRequested,
      open: s.openDialogRequested,
      create: s.createDialogRequested,
      dismiss: s.sessionErrorDismissed,
      restore: s.restoreDialogOpened,
    })),
  );
  const [name, setName] = useState('');
  const nameId = useId();
  const busy = status !== 'ready';
  // A damaged library that has backups: main names it in the error (backups.* take the id).
  const details = error?.details as { libraryId?: unknown } | undefined;
  const damagedId = typeof details?.libraryId === 'string' ? details.libraryId : null;
  // Folder dialogs belong to main; the web host has none, so say so instead of failing later.
  const dialogs = transport !== 'web';

  const submitCreate = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() !== '') void actions.create(name.trim());
  };

  return (
    <main id="main" className="start" tabIndex={-1} aria-busy={busy}>
      <div className="start__intro">
        <h1>{t('start.heading')}</h1>
        <p className="lead">{t('app.tagline')}</p>
        <p>{t('start.intro')}</p>
      </div>

      {error ? (
        <ErrorBanner error={error} template="errors.openFailed" onDismiss={actions.dismiss} />
      ) : null}
      {damagedId ? (
        <p className="start__restore">
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void actions.restore(damagedId, { newestValid: true })}
          >
            {t('restore.offerNewest')}
          </button>
        </p>
      ) : null}
      {status === 'opening' ? (
        <p className="start__status" role="status">
          {t('start.opening')}
        </p>
      ) : null}

      <section className="start__actions" aria-labelledby="start-actions-heading">
        <h2 id="start-actions-heading" className="visually-hidden">
          {t('start.actionsLabel')}
        </h2>
        <div className="card">
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void actions.sample()}
          >
            {t('start.sample')}
          </button>
          <p className="hint">{t('start.sampleHint')}</p>
        </div>
        <div className="card">
          <button
            type="button"
            className="button"
            disabled={busy || !dialogs}
            aria-describedby="open-hint"
            onClick={() => void actions.open()}
          >
            {t('start.open')}
          </button>
          <p className="hint" id="open-hint">
            {dialogs ? t('start.openHint') : t('start.dialogUnavailable')}
          </p>
        </div>
        <form className="card" onSubmit={submitCreate}>
          <label htmlFor={nameId}>{t('start.nameLabel')}</label>
          <input
            id={nameId}
            type="text"
            value={name}
            maxLength={200}
            autoComplete="off"
            disabled={busy || !dialogs}
            onChange={(event) => setName(event.target.value)}
          />
          <button
            type="submit"
            className="button"
            disabled={busy || !dialogs || name.trim() === ''}
            aria-describedby="create-hint"
          >
            {t('start.create')}
          </button>
          <p className="hint" id="create-hint">
            {dialogs ? t('start.createHint') : t('start.dialogUnavailable')}
          </p>
        </form>
      </section>

      <section className="start__recent" aria-labelledby="recent-heading">
        <h2 id="recent-heading">{t('start.recentHeading')}</h2>
        {recent.length === 0 ? (
          <p className="muted">{t('start.recentEmpty')}</p>
        ) : (
          <ul className="recent-list">
            {recent.map((entry) => (
              <li key={entry.id}>
                <button
                  type="button"
                  className="recent-list__open"
                  disabled={busy}
                  onClick={() => void actions.recent(entry.id)}
                >
                  <span className="recent-list__name">{entry.name}</span>
                  <span className="recent-list__path">{entry.displayPath}</span>
                  <span className="recent-list__date">
                    {t('start.lastOpened', {
                      date: formatTimestamp(entry.lastOpened, i18n.language),
                    })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
