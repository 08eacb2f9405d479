import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseEdtf, type DatePrecision } from '../../../../shared/domain';
import { dateToParts, partsToDate, type DateParts } from './date-input';

const PRECISIONS: (DatePrecision | 'none')[] = ['none', 'decade', 'year', 'month', 'day'];

/**
 * Date with precision and "circa", written as EDTF. Ranges and anything the parts cannot
 * express are edited in the EDTF text field below, which always shows the stored value.
 */
export function DateInput({
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
