import { useTranslation } from 'react-i18next';
import { selectLibraryName, useApp } from '../store';
import { LanguageSwitch } from './LanguageSwitch';
import { SaveIndicator } from './SaveIndicator';

export function AppHeader() {
  const { t } = useTranslation();
  const libraryOpen = useApp((s) => s.library !== null);
  const name = useApp(selectLibraryName);
  return (
    <header className="app-header">
      <p className="app-header__brand">{t('app.name')}</p>
      {libraryOpen ? (
        <div className="app-header__library">
          <p className="app-header__name" data-testid="library-name">
            <span className="visually-hidden">{t('nav.currentLibrary')}: </span>
            {name}
          </p>
          <SaveIndicator />
        </div>
      ) : null}
      <LanguageSwitch />
    </header>
  );
}
