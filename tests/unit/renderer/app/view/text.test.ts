import { describe, expect, it } from 'vitest';
import { countryName, showText } from '../../../../../renderer/app/view/text';

describe('showText', () => {
  it('prefers the UI language, then the library default, then any language', () => {
    const text = { de: 'Rathaus', en: 'Town hall', ar: 'دار البلدية' };
    expect(showText(text, 'en', 'de')).toEqual({ text: 'Town hall', lang: 'en', dir: 'ltr' });
    expect(showText({ de: 'Rathaus', ar: 'دار البلدية' }, 'en', 'de')).toEqual({
      text: 'Rathaus',
      lang: 'de',
      dir: 'ltr',
    });
  });

  it('marks an Arabic fallback as right to left with its real language', () => {
    expect(showText({ ar: 'دورا', en: '   ' }, 'de', 'de')).toEqual({
      text: 'دورا',
      lang: 'ar',
      dir: 'rtl',
    });
  });

  it('answers null when no language has text', () => {
    expect(showText(undefined, 'de')).toBeNull();
    expect(showText({ de: ' ', en: '' }, 'de', 'en')).toBeNull();
  });
});

describe('countryName', () => {
  it('names countries in the UI language and keeps unknown codes', () => {
    expect(countryName('GB', 'de')).toBe('Vereinigtes Königreich');
    expect(countryName('GB', 'en')).toBe('United Kingdom');
    expect(countryName('QQ', 'de')).toBe('QQ');
  });
});
