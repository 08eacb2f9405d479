import { describe, expect, it } from 'vitest';
import {
  missingTranslation,
  splitList,
  withText,
} from '../../../../../../renderer/app/components/forms/localized';
import { withHolder, withStatement } from '../../../../../../renderer/app/components/forms/rights';

describe('localized text helpers', () => {
  it('withText sets a language verbatim and removes it when cleared', () => {
    expect(withText({ de: 'a' }, 'he', ' שלום ')).toEqual({ de: 'a', he: ' שלום ' });
    expect(withText({ de: 'a', en: 'b' }, 'en', '')).toEqual({ de: 'a' });
  });

  it('flags a translation as missing only when the reference has text and it has none', () => {
    expect(missingTranslation({ de: 'Rathaus' }, 'en', 'de')).toBe(true);
    expect(missingTranslation({ de: 'Rathaus', en: '  ' }, 'en', 'de')).toBe(true);
    expect(missingTranslation({ de: 'Rathaus', en: 'Town hall' }, 'en', 'de')).toBe(false);
    expect(missingTranslation({}, 'en', 'de')).toBe(false);
    expect(missingTranslation(undefined, 'en', 'de')).toBe(false);
    expect(missingTranslation({ de: '' }, 'de', 'de')).toBe(false);
  });

  it('splitList trims, drops blanks and repeats, and keeps the order typed', () => {
    expect(splitList('Rat,  Rathaus, , Rat')).toEqual(['Rat', 'Rathaus']);
    expect(splitList('')).toEqual([]);
  });
});

describe('rights input helpers', () => {
  it('a blank statement removes the record; another keeps holder and credit line', () => {
    expect(withStatement({ statement: 'cc-by-4.0', creditLine: {} } as never, '')).toBeUndefined();
    expect(withStatement(undefined, 'cc0-1.0')).toEqual({ statement: 'cc0-1.0', creditLine: {} });
    expect(
      withStatement(
        { statement: 'cc-by-4.0', holder: 'Stadtarchiv', creditLine: { de: 'Foto' } } as never,
        'cc0-1.0',
      ),
    ).toEqual({ statement: 'cc0-1.0', holder: 'Stadtarchiv', creditLine: { de: 'Foto' } });
  });

  it('withHolder sets the holder and removes it when cleared', () => {
    const rights = { statement: 'cc0-1.0', creditLine: {} } as never;
    expect(withHolder(rights, 'Stadtarchiv')).toMatchObject({ holder: 'Stadtarchiv' });
    expect(withHolder({ ...(rights as object), holder: 'x' } as never, '')).not.toHaveProperty(
      'holder',
    );
  });
});
