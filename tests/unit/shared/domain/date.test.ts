import { describe, expect, it } from 'vitest';
import {
  EdtfDate,
  dateSortKey,
  decadeOf,
  formatEdtf,
  parseEdtf,
} from '../../../../shared/domain/date';

describe('EDTF subset', () => {
  it.each([
    [
      '1974',
      { start: '1974-01-01', end: '1974-12-31', precision: 'year', circa: false, range: false },
    ],
    [
      '1974-02',
      { start: '1974-02-01', end: '1974-02-28', precision: 'month', circa: false, range: false },
    ],
    [
      '1976-02',
      { start: '1976-02-01', end: '1976-02-29', precision: 'month', circa: false, range: false },
    ],
    [
      '1974-05-12',
      { start: '1974-05-12', end: '1974-05-12', precision: 'day', circa: false, range: false },
    ],
    [
      '197X',
      { start: '1970-01-01', end: '1979-12-31', precision: 'decade', circa: false, range: false },
    ],
    [
      '1975~',
      { start: '1975-01-01', end: '1975-12-31', precision: 'year', circa: true, range: false },
    ],
    [
      '1974/1980',
      { start: '1974-01-01', end: '1980-12-31', precision: 'year', circa: false, range: true },
    ],
    [
      '1974-05/1974-09~',
      { start: '1974-05-01', end: '1974-09-30', precision: 'month', circa: true, range: true },
    ],
  ])('parses %s', (text, expected) => {
    expect(parseEdtf(text)).toEqual(expected);
  });

  it.each([
    '',
    '74',
    '1974-13',
    '1974-02-30',
    '1974-5-1',
    '1980/1974',
    'um 1975',
    '1974/1975/1976',
    '19XX',
  ])('rejects %j', (text) => {
    expect(parseEdtf(text)).toBeNull();
    expect(EdtfDate.safeParse(text).success).toBe(false);
  });

  it('formats for people in German and English', () => {
    expect(formatEdtf('1974-05-12', 'de')).toBe('12. Mai 1974');
    expect(formatEdtf('1974-05-12', 'en')).toBe('12 May 1974');
    expect(formatEdtf('1975~', 'de')).toBe('um 1975');
    expect(formatEdtf('1975~', 'en')).toBe('c. 1975');
    expect(formatEdtf('197X', 'de')).toBe('1970er-Jahre');
    expect(formatEdtf('197X', 'en')).toBe('1970s');
    expect(formatEdtf('1974/1980', 'en')).toBe('1974 – 1980');
    expect(formatEdtf(undefined, 'de')).toBe('');
  });

  it('sorts by first day and puts undated last; finds the decade', () => {
    const dates = ['1980', undefined, '197X', '1974-05-12'];
    expect([...dates].sort((a, b) => dateSortKey(a).localeCompare(dateSortKey(b)))).toEqual([
      '197X',
      '1974-05-12',
      '1980',
      undefined,
    ]);
    expect(decadeOf('1979-12-31')).toBe(1970);
    expect(decadeOf('2021')).toBe(2020);
    expect(decadeOf('bad')).toBeNull();
  });
});
