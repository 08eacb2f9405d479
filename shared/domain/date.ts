import { z } from 'zod';

/**
 * Dates follow a subset of the Library of Congress Extended Date/Time Format (EDTF level 0/1):
 *   `1974`, `1974-05`, `1974-05-12`   year, month, day precision
 *   `197X`                            a decade
 *   `1974~`, `1974-05~`               circa (approximate)
 *   `1974/1980`, `1974-05/1974-09`    closed ranges of any of the above
 * Archival dates are rarely exact; storing the precision keeps "um 1975" from turning into
 * "1 January 1975" on export.
 */
export type DatePrecision = 'day' | 'month' | 'year' | 'decade';

export interface ParsedDate {
  /** First day covered, ISO `YYYY-MM-DD`. */
  start: string;
  /** Last day covered, ISO `YYYY-MM-DD`. */
  end: string;
  precision: DatePrecision;
  circa: boolean;
  range: boolean;
}

const SINGLE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(~)?$/;
const DECADE = /^(\d{3})X(~)?$/;

interface Point {
  start: string;
  end: string;
  precision: DatePrecision;
  circa: boolean;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function parsePoint(text: string): Point | null {
  const decade = DECADE.exec(text);
  if (decade) {
    const base = Number(decade[1]) * 10;
    return {
      start: `${pad(base, 4)}-01-01`,
      end: `${pad(base + 9, 4)}-12-31`,
      precision: 'decade',
      circa: decade[2] === '~',
    };
  }
  const m = SINGLE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const circa = m[4] === '~';
  if (m[2] === undefined) {
    return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31`, precision: 'year', circa };
  }
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  const dim = daysInMonth(year, month);
  if (m[3] === undefined) {
    return {
      start: `${m[1]}-${m[2]}-01`,
      end: `${m[1]}-${m[2]}-${pad(dim)}`,
      precision: 'month',
      circa,
    };
  }
  const day = Number(m[3]);
  if (day < 1 || day > dim) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  return { start: iso, end: iso, precision: 'day', circa };
}

export function parseEdtf(value: string): ParsedDate | null {
  const parts = value.split('/');
  if (parts.length === 1) {
    const p = parsePoint(value);
    return p ? { ...p, range: false } : null;
  }
  if (parts.length !== 2) return null;
  const a = parsePoint(parts[0] ?? '');
  const b = parsePoint(parts[1] ?? '');
  if (!a || !b || a.start > b.end) return null;
  const order: DatePrecision[] = ['day', 'month', 'year', 'decade'];
  const precision = order[Math.max(order.indexOf(a.precision), order.indexOf(b.precision))]!;
  return { start: a.start, end: b.end, precision, circa: a.circa || b.circa, range: true };
}

export const EdtfDate = z.string().refine((v) => parseEdtf(v) !== null, {
  message: 'Date in EDTF form: 1974, 1974-05, 1974-05-12, 197X, 1974~ or 1974/1980',
});
export type EdtfDate = z.infer<typeof EdtfDate>;

/** Sort key: the first day covered, so undated material can sort last with a sentinel. */
export function dateSortKey(value: string | undefined): string {
  if (!value) return '9999-12-31';
  return parseEdtf(value)?.start ?? '9999-12-31';
}

export function decadeOf(value: string | undefined): number | null {
  if (!value) return null;
  const parsed = parseEdtf(value);
  if (!parsed) return null;
  return Math.floor(Number(parsed.start.slice(0, 4)) / 10) * 10;
}

const MONTHS: Record<string, string[]> = {
  de: [
    'Januar',
    'Februar',
    'März',
    'April',
    'Mai',
    'Juni',
    'Juli',
    'August',
    'September',
    'Oktober',
    'November',
    'Dezember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

const CIRCA: Record<string, string> = { de: 'um', en: 'c.', fr: 'vers' };

function formatPoint(text: string, lang: string): string {
  const p = parsePoint(text);
  if (!p) return text;
  const year = p.start.slice(0, 4);
  let out: string;
  const months = MONTHS[lang] ?? MONTHS.en!;
  const monthName = months[Number(p.start.slice(5, 7)) - 1] ?? '';
  switch (p.precision) {
    case 'decade':
      out = lang === 'de' ? `${year}er-Jahre` : `${year}s`;
      break;
    case 'year':
      out = year;
      break;
    case 'month':
      out = `${monthName} ${year}`;
      break;
    case 'day': {
      const day = Number(p.start.slice(8, 10));
      out = lang === 'de' ? `${day}. ${monthName} ${year}` : `${day} ${monthName} ${year}`;
      break;
    }
  }
  return p.circa ? `${CIRCA[lang] ?? 'c.'} ${out}` : out;
}

/** Human form of an EDTF date in German or English ("um 1975", "12. Mai 1974", "1970s"). */
export function formatEdtf(value: string | undefined, lang: string): string {
  if (!value) return '';
  const parts = value.split('/');
  if (parts.length === 2)
    return `${formatPoint(parts[0]!, lang)} – ${formatPoint(parts[1]!, lang)}`;
  return formatPoint(value, lang);
}
