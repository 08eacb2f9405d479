import { describe, expect, it } from 'vitest';
import type { TableRowReport } from '../../../../../shared/api';
import {
  nextReportSort,
  reasonText,
  sortReportRows,
} from '../../../../../renderer/app/library/table-report';

const row = (
  n: number,
  action: TableRowReport['action'],
  title?: string,
  reason?: string,
): TableRowReport => ({
  row: n,
  line: n + 1,
  action,
  ...(title !== undefined ? { title } : {}),
  reasons: reason ? [{ code: 'x', message: reason }] : [],
  warnings: [],
});

const rows = [
  row(1, 'skipped', 'Übersee', 'Datei nicht gefunden'),
  row(2, 'create', 'Amiens'),
  row(3, 'update', 'Zwickau'),
  row(4, 'create', 'Ärger'),
  row(5, 'skipped', undefined, 'Titel fehlt'),
];

describe('dry-run report sorting', () => {
  it('sorts by outcome in reading order, ties by row number, and flips direction', () => {
    const asc = sortReportRows(rows, { key: 'action', direction: 'ascending' }, 'de');
    expect(asc.map((r) => r.row)).toEqual([2, 4, 3, 1, 5]);
    const desc = sortReportRows(rows, { key: 'action', direction: 'descending' }, 'de');
    expect(desc.map((r) => r.row)).toEqual([1, 5, 3, 2, 4]);
  });

  it('sorts titles and reasons as German text (Ä with A, Ü with U), missing first', () => {
    const byTitle = sortReportRows(rows, { key: 'title', direction: 'ascending' }, 'de');
    expect(byTitle.map((r) => r.title ?? '')).toEqual([
      '',
      'Amiens',
      'Ärger',
      'Übersee',
      'Zwickau',
    ]);
    const byReason = sortReportRows(rows, { key: 'reason', direction: 'ascending' }, 'de');
    expect(byReason.map((r) => reasonText(r))).toEqual([
      '',
      '',
      '',
      'Datei nicht gefunden',
      'Titel fehlt',
    ]);
    // The input is left as it was.
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5]);
  });

  it('a header click flips the same column and starts another ascending', () => {
    const s = nextReportSort({ key: 'row', direction: 'ascending' }, 'row');
    expect(s).toEqual({ key: 'row', direction: 'descending' });
    expect(nextReportSort(s, 'title')).toEqual({ key: 'title', direction: 'ascending' });
  });
});
