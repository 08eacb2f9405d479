import { parseEdtf, type DatePrecision } from '../../../../shared/domain';

/** What the date input shows: parts, a precision and "circa", instead of raw EDTF. */
export interface DateParts {
  precision: DatePrecision | 'none';
  year: string;
  month: string;
  day: string;
  circa: boolean;
}

export const EMPTY_DATE: DateParts = {
  precision: 'none',
  year: '',
  month: '',
  day: '',
  circa: false,
};

/**
 * Splits a stored single EDTF date into its parts. Ranges are not decomposed (the form edits them
 * as text); null tells the caller to fall back to the raw field.
 */
export function dateToParts(value: string | undefined): DateParts | null {
  if (!value) return EMPTY_DATE;
  const parsed = parseEdtf(value);
  if (!parsed || parsed.range) return null;
  const y = parsed.start.slice(0, 4);
  return {
    precision: parsed.precision,
    year: parsed.precision === 'decade' ? y.slice(0, 3) + '0' : y,
    month:
      parsed.precision === 'day' || parsed.precision === 'month' ? parsed.start.slice(5, 7) : '',
    day: parsed.precision === 'day' ? parsed.start.slice(8, 10) : '',
    circa: parsed.circa,
  };
}

const pad = (value: string, width: number) => value.trim().padStart(width, '0');

/**
 * Builds EDTF from the parts; `undefined` for "no date", `null` when the parts are incomplete
 * or impossible (31 April), so the form can say so instead of storing garbage.
 */
export function partsToDate(parts: DateParts): string | undefined | null {
  if (parts.precision === 'none') return undefined;
  const year = parts.year.trim();
  if (!/^\d{1,4}$/.test(year)) return null;
  let value: string;
  switch (parts.precision) {
    case 'decade':
      value = `${pad(year, 4).slice(0, 3)}X`;
      break;
    case 'year':
      value = pad(year, 4);
      break;
    case 'month':
      if (!/^\d{1,2}$/.test(parts.month.trim())) return null;
      value = `${pad(year, 4)}-${pad(parts.month, 2)}`;
      break;
    case 'day':
      if (!/^\d{1,2}$/.test(parts.month.trim()) || !/^\d{1,2}$/.test(parts.day.trim())) return null;
      value = `${pad(year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;
      break;
  }
  if (parts.circa) value += '~';
  return parseEdtf(value) ? value : null;
}
