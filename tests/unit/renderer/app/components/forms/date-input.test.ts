import { describe, expect, it } from 'vitest';
import {
  dateToParts,
  EMPTY_DATE,
  partsToDate,
} from '../../../../../../renderer/app/components/forms/date-input';

describe('date input', () => {
  it('splits stored EDTF into parts and back', () => {
    for (const value of [
      '1974',
      '1974-05',
      '1974-05-12',
      '197X',
      '1974~',
      '1974-05-12~',
      '197X~',
    ]) {
      const parts = dateToParts(value);
      expect(parts, value).not.toBeNull();
      expect(partsToDate(parts!), value).toBe(value);
    }
    expect(dateToParts('1974-05-12')).toEqual({
      precision: 'day',
      year: '1974',
      month: '05',
      day: '12',
      circa: false,
    });
    expect(dateToParts('197X~')).toEqual({
      precision: 'decade',
      year: '1970',
      month: '',
      day: '',
      circa: true,
    });
  });

  it('leaves ranges to the text field and treats no value as no date', () => {
    expect(dateToParts('1974/1980')).toBeNull();
    expect(dateToParts(undefined)).toEqual(EMPTY_DATE);
    expect(partsToDate(EMPTY_DATE)).toBeUndefined();
  });

  it('pads short input and refuses impossible or incomplete dates', () => {
    expect(
      partsToDate({ precision: 'day', year: '1974', month: '5', day: '2', circa: false }),
    ).toBe('1974-05-02');
    expect(
      partsToDate({ precision: 'decade', year: '1975', month: '', day: '', circa: false }),
    ).toBe('197X');
    expect(
      partsToDate({ precision: 'day', year: '1974', month: '04', day: '31', circa: false }),
    ).toBeNull();
    expect(
      partsToDate({ precision: 'month', year: '1974', month: '13', day: '', circa: false }),
    ).toBeNull();
    expect(
      partsToDate({ precision: 'year', year: '19x4', month: '', day: '', circa: false }),
    ).toBeNull();
    expect(
      partsToDate({ precision: 'month', year: '1974', month: '', day: '', circa: true }),
    ).toBeNull();
  });
});
