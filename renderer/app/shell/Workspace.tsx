import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../components/ErrorBanner';
import { ErrorBoundary } from './ErrorBoundary';
import { CurationGlobal } from './CurationGlobal';
import { SECTIONS, selectLibraryName, useApp, type Section } from '../store';
import { ExhibitionsSection } from '../exhibitions/ExhibitionsSection';
import { ExportSection } from '../export/ExportSection';
import { LibrarySection } from '../library/LibrarySection';
import { PartnershipsSection } from '../partnerships/PartnershipsSection';

const VIEWS: Record<Section, () => React.JSX.Element> = {
  library: LibrarySection,
  partnerships: PartnershipsSection,
  exhibitions: ExhibitionsSection,
  export: ExportSection,
};

export function Workspace() {
  const { t } = useTranslation();
  const section = useApp((s) => s.section);
  const selected = useApp((s) => s.sectionSelected);
  const close = useApp((s) => s.libraryCloseRequested);
  const libraryId = useApp((s) => s.library?.id ?? null);
  const restore = useApp((s) => s.restoreDialogOpened);
  const snapshotLoaded = useApp((s) => s.snapshot !== null);
  const snapshotError = useApp((s) => s.snapshotError);
  const sessionError = useApp((s) => s.sessionError);
  const dismiss = useApp((s) => s.sessionErrorDismissed);
  const name = useApp(selectLibraryName);
  const View = VIEWS[section];

  useEffect(() => {
    document.title = `${t(`nav.${section}`)} – ${name ?? ''} – ${t('app.name')}`;
  }, [t, section, name]);

  return (
    <div className="workspace">
      <CurationGlobal />
      <nav className="workspace__nav" aria-label={t('nav.label')}>
        <ul>
          {SECTIONS.map((id) => (
            <li key={id}>
              <button
                type="button"
                className="nav-button"
                aria-current={id === section ? 'page' : undefined}
                onClick={() => selected(id)}
              >
                {t(`nav.${id}`)}
              </button>
            </li>
          ))}
        </ul>
        {/* File ▸ Restore from backup … in Electron; here for the web host, which has no menu. */}
        <button
          type="button"
          className="button button--quiet workspace__close"
          disabled={libraryId === null}
          onClick={() => libraryId && void restore(libraryId)}
        >
          {t('restore.menu')}
        </button>
        <button
          type="button"
          className="button button--quiet workspace__close"
          onClick={() => void close()}
        >
          {t('nav.close')}
        </button>
      </nav>
      <main id="main" className="workspace__main" tabIndex={-1}>
        {sessionError ? (
          <ErrorBanner error={sessionError} template="errors.openFailed" onDismiss={dismiss} />
        ) : null}
        {snapshotError ? <ErrorBanner error={snapshotError} template="errors.loadFailed" /> : null}
        <ErrorBoundary area={t(`nav.${section}`)} resetKey={section}>
          {snapshotLoaded ? (
            <View />
          ) : snapshotError ? null : (
            <p role="status" className="muted">
              {t('app.loading')}
            </p>
          )}
        </ErrorBoundary>
      </main>
    </div>
  );
}
