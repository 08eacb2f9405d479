import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EASY_GERMAN, type Exhibition } from '../../../../shared/domain';

interface Props {
  exhibition: Exhibition;
  onChange(next: Exhibition): void;
}

/**
 * Leichte Sprache settings, shown once the exhibition has the language: who of the target group
 * checked the texts and when (DIN SPEC 33429; unchecked is a check warning), and how the check
 * suggests splitting long words.
 */
export function EasyLanguageSettings({ exhibition: x, onChange }: Props) {
  const { t } = useTranslation();
  const settings = x.easyLanguage ?? { compoundSeparator: 'hyphen' as const };
  // Typed values stay local until both parts are there, so a half-filled review is kept on screen.
  const [date, setDate] = useState(settings.review?.date ?? '');
  const [by, setBy] = useState(settings.review?.by ?? '');
  if (!x.languages.includes(EASY_GERMAN)) return null;
  function setReview(date: string, by: string) {
    setDate(date);
    setBy(by);
    const { review: _drop, ...rest } = settings;
    // Both parts or none: a half-filled review is no review, and the schema would refuse it.
    onChange({
      ...x,
      easyLanguage: date && by.trim() ? { ...rest, review: { date, by } } : rest,
    });
  }
  return (
    <fieldset className="field">
      <legend>{t('editor.easyLanguage.legend')}</legend>
      <p className="field__help">{t('editor.easyLanguage.help')}</p>
      <label htmlFor="settings-easyReviewDate">{t('editor.easyLanguage.date')}</label>
      <input
        id="settings-easyReviewDate"
        type="date"
        value={date}
        onChange={(e) => setReview(e.target.value, by)}
      />
      <label htmlFor="settings-easyReviewBy">{t('editor.easyLanguage.by')}</label>
      <input
        id="settings-easyReviewBy"
        type="text"
        value={by}
        onChange={(e) => setReview(date, e.target.value)}
      />
      <label htmlFor="settings-easySeparator">{t('editor.easyLanguage.separator')}</label>
      <select
        id="settings-easySeparator"
        value={settings.compoundSeparator}
        onChange={(e) =>
          onChange({
            ...x,
            easyLanguage: {
              ...settings,
              compoundSeparator: e.target.value === 'mediopunkt' ? 'mediopunkt' : 'hyphen',
            },
          })
        }
      >
        <option value="hyphen">{t('editor.easyLanguage.hyphen')}</option>
        <option value="mediopunkt">{t('editor.easyLanguage.mediopunkt')}</option>
      </select>
    </fieldset>
  );
}
