import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AppDialogs } from './AppDialogs';
import { AppHeader } from './AppHeader';
import { ErrorBanner } from '../components/ErrorBanner';
import { ErrorBoundary } from './ErrorBoundary';
import { RestoreDialog } from './RestoreDialog';
import { PackageDialog } from './PackageDialog';
import { StartScreen } from './StartScreen';
import { Workspace } from './Workspace';
import { useApp } from '../store';

export function App() {
  const { t } = useTranslation();
  const status = useApp((s) => s.sessionStatus);
  const libraryOpen = useApp((s) => s.library !== null);
  const startError = useApp((s) =>
    s.sessionStatus === 'ready' && s.appInfo === null ? s.sessionError : null,
  );

  useEffect(() => {
    if (!libraryOpen) document.title = t('app.name');
  }, [libraryOpen, t]);

  let body: React.JSX.Element;
  if (status === 'starting') {
    body = (
      <main id="main" className="start" tabIndex={-1} aria-busy="true">
        <h1>{t('app.name')}</h1>
        <p role="status">{t('app.loading')}</p>
      </main>
    );
  } else if (libraryOpen) {
    body = <Workspace />;
  } else {
    body = <StartScreen />;
  }

  return (
    <div
      className="app"
      data-screen={status === 'starting' ? 'loading' : libraryOpen ? 'workspace' : 'start'}
    >
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <AppHeader />
      {startError && !libraryOpen ? (
        <ErrorBanner error={startError} template="errors.startFailed" />
      ) : null}
      <ErrorBoundary area={t('errors.areaApp')} resetKey={libraryOpen}>
        {body}
      </ErrorBoundary>
      <RestoreDialog />
      <AppDialogs />
      <PackageDialog />
    </div>
  );
}
