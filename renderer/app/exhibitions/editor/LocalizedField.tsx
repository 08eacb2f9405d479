import { useTranslation } from 'react-i18next';
import {
  hasText,
  languageName,
  textDirection,
  type LocalizedText,
} from '../../../../shared/domain';
import { useEditor } from './state';

interface Props {
  /** Stable id prefix; each language gets `${id}-${lang}` (the check panel focuses it). */
  id: string;
  label: string;
  value: LocalizedText | undefined;
  defaultLang: string;
  multiline?: boolean;
  maxLength?: number;
  onChange(next: LocalizedText): void;
}

/**
 * One text of the model in the default language, with the language being translated beside it.
 * Each input carries `lang` and `dir`, so Arabic is typed right to left.
 */
export function LocalizedField({
  id,
  label,
  value,
  defaultLang,
  multiline,
  maxLength,
  onChange,
}: Props) {
  const { t } = useTranslation();
  const translate = useEditor((s) => s.translateLang);
  const langs = translate && translate !== defaultLang ? [defaultLang, translate] : [defaultLang];
  const set = (lang: string, text: string) => {
    const next = { ...(value ?? {}) };
    if (text === '') delete next[lang];
    else next[lang] = text;
    onChange(next);
  };
  return (
    <fieldset className={`localized-field${langs.length > 1 ? ' localized-field--pair' : ''}`}>
      <legend>{label}</legend>
      {langs.map((lang) => {
        const inputId = `${id}-${lang}`;
        const props = {
          id: inputId,
          lang,
          dir: textDirection(lang),
          value: value?.[lang] ?? '',
          maxLength: maxLength ?? 20_000,
          onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
            set(lang, e.target.value),
        };
        return (
          <div key={lang} className="localized-field__lang">
            <label htmlFor={inputId}>
              {languageName(lang)}
              {lang !== defaultLang && !hasText(value, lang) && hasText(value, defaultLang) ? (
                <span className="missing-mark"> – {t('editor.missing')}</span>
              ) : null}
            </label>
            {multiline ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}
          </div>
        );
      })}
    </fieldset>
  );
}
