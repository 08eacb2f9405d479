import { useTranslation } from 'react-i18next';
import { isUiLanguage, UI_LANGUAGES } from '../i18n';
import { useApp } from '../store';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const changed = useApp((s) => s.uiLanguageChanged);
  return (
    <div className="language-switch">
      <label htmlFor="ui-language">{t('language.label')}</label>
      <select
        id="ui-language"
        value={language}
        onChange={(event) => {
          if (isUiLanguage(event.target.value)) changed(event.target.value);
        }}
      >
        {UI_LANGUAGES.map((lang) => (
          // Each language is offered in its own name and marked as such.
          <option key={lang} value={lang} lang={lang}>
            {t(`language.${lang}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
