import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { languageName, textDirection, type LocalizedText } from '../../../../shared/domain';
import { missingTranslation, withText } from './localized';

interface TabsProps {
  languages: readonly string[];
  active: string;
  onChange: (lang: string) => void;
  /** Whether a language has everything it needs (marker on the tab). */
  complete: (lang: string) => boolean;
  idBase: string;
}

/** Content-language tabs with a completeness marker each (✓ complete, ○ something missing). */
export function LanguageTabs({ languages, active, onChange, complete, idBase }: TabsProps) {
  const { t } = useTranslation();
  return (
    <div className="lang-tabs" role="tablist" aria-label={t('curation.editor.languages')}>
      {languages.map((lang) => {
        const done = complete(lang);
        return (
          <button
            key={lang}
            type="button"
            role="tab"
            id={`${idBase}-tab-${lang}`}
            aria-selected={lang === active}
            aria-controls={`${idBase}-panel`}
            tabIndex={lang === active ? 0 : -1}
            className="lang-tab"
            onClick={() => onChange(lang)}
            onKeyDown={(event) => {
              const i = languages.indexOf(lang);
              const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
              if (!step) return;
              event.preventDefault();
              const next = languages[(i + step + languages.length) % languages.length]!;
              onChange(next);
              document.getElementById(`${idBase}-tab-${next}`)?.focus();
            }}
          >
            <span lang={lang} dir={textDirection(lang)}>
              {languageName(lang)}
            </span>{' '}
            <span
              className={done ? 'lang-tab__mark is-complete' : 'lang-tab__mark'}
              aria-hidden="true"
            >
              {done ? '✓' : '○'}
            </span>
            <span className="visually-hidden">
              {done ? t('curation.editor.complete') : t('curation.editor.incomplete')}
            </span>
          </button>
        );
      })}
    </div>
  );
}

interface LocalizedFieldProps {
  /** Stable id prefix: each language's input is `${id}-${lang}` (the check panel focuses it). */
  id?: string;
  label: string;
  text: LocalizedText | undefined;
  /** The library's or exhibition's default language, the one translations are made from. */
  reference: string;
  /** One language typed in, with the reference's text beside it while translating. */
  lang?: string;
  /**
   * Several languages as labelled rows under one legend instead (the exhibition editor: the
   * default language and the one being translated, side by side). Wins over `lang`.
   */
  langs?: readonly string[];
  onChange: (text: LocalizedText) => void;
  multiline?: boolean;
  maxLength?: number;
  warning?: string | null;
  testId?: string;
}

/**
 * The one localized text field. Each input carries `lang` and `dir`, so Arabic and Hebrew are
 * typed right to left; blank text removes the language instead of storing "".
 */
export function LocalizedField(props: LocalizedFieldProps) {
  const { label, text, reference, onChange, multiline, warning, testId } = props;
  const { t } = useTranslation();
  const ownId = useId();
  const base = props.id ?? ownId;
  const input = (lang: string, rows: number, describedBy?: string) => {
    const common = {
      id: `${base}-${lang}`,
      lang,
      dir: textDirection(lang),
      value: text?.[lang] ?? '',
      maxLength: props.maxLength ?? 20_000,
      'data-testid': testId,
      'aria-describedby': describedBy,
      onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
        onChange(withText(text ?? {}, lang, event.target.value)),
    };
    return multiline ? <textarea rows={rows} {...common} /> : <input type="text" {...common} />;
  };

  if (props.langs) {
    const langs = props.langs;
    return (
      <fieldset className={`localized-field${langs.length > 1 ? ' localized-field--pair' : ''}`}>
        <legend>{label}</legend>
        {langs.map((lang) => (
          <div key={lang} className="localized-field__lang">
            <label htmlFor={`${base}-${lang}`}>
              {languageName(lang)}
              {missingTranslation(text, lang, reference) ? (
                <span className="missing-mark"> – {t('editor.missing')}</span>
              ) : null}
            </label>
            {input(lang, 3)}
          </div>
        ))}
      </fieldset>
    );
  }

  const lang = props.lang ?? reference;
  const refText = text?.[reference];
  return (
    <div className="field">
      <label htmlFor={`${base}-${lang}`}>
        {label} <span className="muted">({languageName(lang)})</span>
      </label>
      <div className={lang !== reference ? 'field__pair' : undefined}>
        {input(lang, 4, warning ? `${base}-warning` : undefined)}
        {lang !== reference ? (
          <div className="field__reference">
            <span className="field__reference-label">
              {t('curation.editor.reference', { language: languageName(reference) })}
            </span>
            <span lang={reference} dir={textDirection(reference)} className="field__reference-text">
              {refText && refText.trim() !== '' ? refText : t('curation.editor.referenceEmpty')}
            </span>
          </div>
        ) : null}
      </div>
      {warning ? (
        <p id={`${base}-warning`} className="field__warning" role="note">
          {warning}
        </p>
      ) : null}
    </div>
  );
}
