import type { UiLanguage } from '../../../shared/errors';

/** What the dry run and the real run say about one row of the table. */
export type RowAction = 'create' | 'update' | 'unchanged' | 'skipped';

export type ReasonCode =
  | 'missing-title'
  | 'unknown-partnership'
  | 'file-not-found'
  | 'file-outside'
  | 'date-not-understood'
  | 'duplicate-key'
  | 'exists'
  | 'invalid'
  | 'media-rejected'
  | 'rights-not-understood'
  | 'kind-not-understood'
  | 'remote-media'
  | 'formula'
  | 'rights-without-statement';

export interface Reason {
  code: ReasonCode;
  /** The column the reason is about, when there is one. */
  column?: string;
  /** The cell text as it was (a date not understood stays visible here). */
  value?: string;
  de: string;
  en: string;
}

export interface RowReport {
  /** 1-based data row (the first row under the header is 1). */
  row: number;
  /** Line (CSV) or row (sheet) in the file. */
  line: number;
  action: RowAction;
  itemId?: string;
  title?: string;
  /** Why the row is skipped (empty unless `skipped`). */
  reasons: Reason[];
  /** What was imported with a caveat. */
  warnings: Reason[];
}

export interface ImportCounts {
  create: number;
  update: number;
  unchanged: number;
  skipped: number;
}

export function countRows(rows: readonly RowReport[]): ImportCounts {
  const counts: ImportCounts = { create: 0, update: 0, unchanged: 0, skipped: 0 };
  for (const r of rows) counts[r.action]++;
  return counts;
}

const ACTION_WORDS: Record<RowAction, { de: string; en: string }> = {
  create: { de: 'neu', en: 'create' },
  update: { de: 'ändern', en: 'update' },
  unchanged: { de: 'unverändert', en: 'unchanged' },
  skipped: { de: 'übersprungen', en: 'skipped' },
};

function actionWord(action: RowAction, lang: UiLanguage): string {
  return ACTION_WORDS[action][lang];
}

function csvCell(value: string): string {
  // The report is opened in Excel too: neutralise formulas (OWASP) and quote every cell.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** The per-row report as CSV (UTF-8 with BOM, so Excel shows umlauts), for `--report FILE`. */
export function reportCsv(rows: readonly RowReport[], lang: UiLanguage): string {
  const header =
    lang === 'de'
      ? ['Zeile', 'Dateizeile', 'Aktion', 'Objekt', 'Titel', 'Gründe', 'Hinweise']
      : ['row', 'line', 'action', 'item', 'title', 'reasons', 'warnings'];
  const lines = [header.map(csvCell).join(',')];
  for (const r of rows)
    lines.push(
      [
        String(r.row),
        String(r.line),
        actionWord(r.action, lang),
        r.itemId ?? '',
        r.title ?? '',
        r.reasons.map((x) => x[lang]).join(' | '),
        r.warnings.map((x) => x[lang]).join(' | '),
      ]
        .map(csvCell)
        .join(','),
    );
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
