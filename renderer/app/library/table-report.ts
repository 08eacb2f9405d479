import type { TableRowReport } from '../../../shared/api';

/** Columns of the dry-run report a person can sort by. */
export const REPORT_SORT_KEYS = ['row', 'action', 'title', 'reason'] as const;
export type ReportSortKey = (typeof REPORT_SORT_KEYS)[number];
export interface ReportSort {
  key: ReportSortKey;
  direction: 'ascending' | 'descending';
}

/** The order an office reads outcomes in: what is new, what changes, what stays, what failed. */
const ACTION_ORDER: Record<TableRowReport['action'], number> = {
  create: 0,
  update: 1,
  unchanged: 2,
  skipped: 3,
};

/** The text the reason column shows: every reason, then every warning, in the API's order. */
export function reasonText(row: TableRowReport): string {
  return [...row.reasons, ...row.warnings].map((r) => r.message).join(' · ');
}

/**
 * The report's rows sorted by one column; ties keep table order (the row number), so the same
 * sort always gives the same list. Text compares in the UI language, numbers as numbers.
 */
export function sortReportRows(
  rows: readonly TableRowReport[],
  sort: ReportSort,
  lang: string,
): TableRowReport[] {
  const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
  const compare = (a: TableRowReport, b: TableRowReport): number => {
    switch (sort.key) {
      case 'row':
        return a.row - b.row;
      case 'action':
        return ACTION_ORDER[a.action] - ACTION_ORDER[b.action];
      case 'title':
        return collator.compare(a.title ?? '', b.title ?? '');
      case 'reason':
        return collator.compare(reasonText(a), reasonText(b));
    }
  };
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => sign * compare(a, b) || a.row - b.row);
}

/** A click on a column header: the same column flips direction, another starts ascending. */
export function nextReportSort(current: ReportSort, key: ReportSortKey): ReportSort {
  if (current.key !== key) return { key, direction: 'ascending' };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}
