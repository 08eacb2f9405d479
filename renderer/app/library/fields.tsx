import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  hasText,
  languageName,
  parseEdtf,
  textDirection,
  type DatePrecision,
  type LocalizedText,
} from '../../../shared/domain';
import { dateToParts, partsToDate, type DateParts } from './date-input';

/** Sets or removes one language of a localized text; blank text removes the language. */
export function withText(text: LocalizedText, lang: string, value: string): LocalizedText {
  const next = { ...text };
  if (value === '') delete next[lang];
  else next[lang] = value;
  return next;
}

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
  label: string;
  text: LocalizedText;
  lang: string;
  /** The library's default language, shown beside while translating. */
  reference: string;
  onChange: (text: LocalizedText) => void;
  multiline?: boolean;
  warning?: string | null;
  testId?: string;
}

/** One field in the language being edited, with the default language's text beside it. */
export function LocalizedField({
  label,
  text,
  lang,
  reference,
  onChange,
  multiline,
  warning,
  testId,
}: LocalizedFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const dir = textDirection(lang);
  const value = text[lang] ?? '';
  const common = {
    id,
    value,
    lang,
    dir,
    'data-testid': testId,
    'aria-describedby': warning ? `${id}-warning` : undefined,
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      onChange(withText(text, lang, event.target.value)),
  };
  const refText = text[reference];
  return (
    <div className="field">
      <label htmlFor={id}>
        {label} <span className="muted">({languageName(lang)})</span>
      </label>
      <div className={lang !== reference ? 'field__pair' : undefined}>
        {multiline ? <textarea rows={4} {...common} /> : <input type="text" {...common} />}
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
        <p id={`${id}-warning`} className="field__warning" role="note">
          {warning}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({
  label,
  value,
  onChange,
  testId,
  hint,
}: {
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  testId?: string;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={value ?? ''}
        data-testid={testId}
        dir="auto"
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
      />
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A comma-separated list (tags, places). Kept as typed text while focused and committed on
 * blur or Enter, so a half-typed "Rat, " does not lose its comma.
 */
export function ListField({
  label,
  values,
  onChange,
  testId,
  hint,
}: {
  label: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  testId?: string;
  hint?: string;
}) {
  const id = useId();
  const joined = values.join(', ');
  const [text, setText] = useState(joined);
  useEffect(() => setText(joined), [joined]);
  const commit = () => {
    const next = [
      ...new Set(
        text
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ];
    if (next.join(', ') !== joined) onChange(next);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={text}
        dir="auto"
        data-testid={testId}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

const PRECISIONS: (DatePrecision | 'none')[] = ['none', 'decade', 'year', 'month', 'day'];

/**
 * Date with precision and "circa", written as EDTF. Ranges and anything the parts cannot
 * express are edited in the EDTF text field below, which always shows the stored value.
 */
export function DateField({
  label,
  value,
  onChange,
  required,
  testId,
}: {
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  required?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [parts, setParts] = useState<DateParts>(
    () => dateToParts(value) ?? dateToParts(undefined)!,
  );
  const [raw, setRaw] = useState(value ?? '');
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    const p = dateToParts(value);
    if (p) setParts(p);
    setRaw(value ?? '');
    setInvalid(false);
  }, [value]);

  const fromParts = (next: DateParts) => {
    setParts(next);
    const built = partsToDate(next);
    if (built === null) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    if (built === undefined && required) return;
    onChange(built);
  };
  const fromRaw = (text: string) => {
    setRaw(text);
    const trimmed = text.trim();
    if (trimmed === '') {
      if (!required) onChange(undefined);
      setInvalid(Boolean(required));
      return;
    }
    const ok = parseEdtf(trimmed) !== null;
    setInvalid(!ok);
    if (ok) onChange(trimmed);
  };
  const part = (key: 'year' | 'month' | 'day', size: number) => (
    <label className="date-field__part">
      <span>{t(`curation.date.${key}`)}</span>
      <input
        type="text"
        inputMode="numeric"
        size={size}
        maxLength={size}
        value={parts[key]}
        disabled={
          parts.precision === 'none' ||
          (key === 'month' && (parts.precision === 'year' || parts.precision === 'decade')) ||
          (key === 'day' && parts.precision !== 'day')
        }
        onChange={(event) => fromParts({ ...parts, [key]: event.target.value })}
      />
    </label>
  );
  return (
    <fieldset className="field date-field" data-testid={testId}>
      <legend>{label}</legend>
      <div className="date-field__row">
        <label className="date-field__part">
          <span>{t('curation.date.precision')}</span>
          <select
            value={parts.precision}
            onChange={(event) =>
              fromParts({ ...parts, precision: event.target.value as DateParts['precision'] })
            }
          >
            {PRECISIONS.filter((p) => !(required && p === 'none')).map((p) => (
              <option key={p} value={p}>
                {t(`curation.date.p.${p}`)}
              </option>
            ))}
          </select>
        </label>
        {part('year', 4)}
        {part('month', 2)}
        {part('day', 2)}
        <label className="date-field__circa">
          <input
            type="checkbox"
            checked={parts.circa}
            disabled={parts.precision === 'none'}
            onChange={(event) => fromParts({ ...parts, circa: event.target.checked })}
          />
          {t('curation.date.circa')}
        </label>
      </div>
      <label htmlFor={id} className="date-field__raw-label">
        {t('curation.date.edtf')}
      </label>
      <input
        id={id}
        type="text"
        className="date-field__raw"
        value={raw}
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-hint`}
        onChange={(event) => fromRaw(event.target.value)}
      />
      <p id={`${id}-hint`} className={invalid ? 'field__warning' : 'hint'}>
        {invalid ? t('curation.date.invalid') : t('curation.date.hint')}
      </p>
    </fieldset>
  );
}

export function completeIn(text: LocalizedText | undefined, lang: string): boolean {
  return hasText(text, lang);
}
