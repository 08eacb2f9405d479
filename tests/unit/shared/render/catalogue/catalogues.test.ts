import { describe, expect, it } from 'vitest';
import {
  CATALOGUES,
  catalogueLanguage,
  hasUiStrings,
  pluralText,
  uiStrings,
} from '../../../../../shared/render/strings';
import { runExhibitionChecks } from '../../../../../shared/check';
import { fixtureSnapshot } from '../fixture';

const PARTNER_LANGUAGES = [
  'de',
  'en',
  'fr',
  'tr',
  'ru',
  'sr-Latn',
  'sr-Cyrl',
  'ro',
  'ar',
  'he',
  'uk',
  'zh-Hans',
];

/** The scripts each catalogue must be written in (its letters, not borrowed Latin or Cyrillic). */
const SCRIPT: Record<string, RegExp> = {
  ru: /\p{Script=Cyrillic}/u,
  uk: /\p{Script=Cyrillic}/u,
  'sr-Cyrl': /\p{Script=Cyrillic}/u,
  ar: /\p{Script=Arabic}/u,
  he: /\p{Script=Hebrew}/u,
  'zh-Hans': /\p{Script=Han}/u,
};

describe('bundle text catalogues', () => {
  it('has a catalogue for every language of the partnerships and nothing else', () => {
    expect(Object.keys(CATALOGUES).sort()).toEqual([...PARTNER_LANGUAGES].sort());
  });

  it('has every key of the German catalogue, non-empty, in every language', () => {
    const keys = Object.keys(CATALOGUES.de!).sort();
    for (const lang of PARTNER_LANGUAGES) {
      const catalogue = CATALOGUES[lang]!;
      expect(Object.keys(catalogue).sort(), lang).toEqual(keys);
      for (const [key, value] of Object.entries(catalogue)) {
        const texts: string[] = typeof value === 'string' ? [value] : Object.values(value);
        for (const text of texts) expect(text.trim(), `${lang}.${key}`).not.toBe('');
      }
    }
  });

  it('writes each language in its own script and translates the navigation', () => {
    for (const [lang, script] of Object.entries(SCRIPT)) {
      const s = CATALOGUES[lang]!;
      for (const key of ['chapters', 'next', 'credits', 'notFoundTitle', 'imprint'] as const)
        expect(s[key], `${lang}.${key}`).toMatch(script);
    }
    // Serbian is the same wording in both scripts, not Latin text in a Cyrillic file.
    expect(CATALOGUES['sr-Latn']!.next).toBe('Sledeće poglavlje');
    expect(CATALOGUES['sr-Cyrl']!.next).toBe('Следеће поглавље');
    // No catalogue (but English) is a copy of the English one.
    for (const lang of PARTNER_LANGUAGES.filter((l) => l !== 'en'))
      expect(CATALOGUES[lang]!.previous, lang).not.toBe(CATALOGUES.en!.previous);
  });

  it('has a plural form for every category Intl.PluralRules selects in each language', () => {
    for (const lang of PARTNER_LANGUAGES) {
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      const forms = CATALOGUES[lang]!.objects;
      for (const category of categories)
        expect(forms[category], `${lang}: ${category}`).toBeTruthy();
    }
  });

  it('counts through Intl.PluralRules: German, Russian, Ukrainian, Serbian, Arabic', () => {
    const count = (lang: string, n: number) => pluralText(lang, uiStrings(lang).objects, n);
    expect(count('de', 1)).toBe('1 Objekt');
    expect(count('de', 5)).toBe('5 Objekte');
    expect(count('en', 1)).toBe('1 item');
    expect([1, 3, 5, 21, 22, 25, 111].map((n) => count('ru', n))).toEqual([
      '1 экспонат',
      '3 экспоната',
      '5 экспонатов',
      '21 экспонат',
      '22 экспоната',
      '25 экспонатов',
      '111 экспонатов',
    ]);
    expect([1, 2, 5, 21].map((n) => count('uk', n))).toEqual([
      '1 експонат',
      '2 експонати',
      '5 експонатів',
      '21 експонат',
    ]);
    expect([1, 2, 5, 21].map((n) => count('sr-Cyrl', n))).toEqual([
      '1 предмет',
      '2 предмета',
      '5 предмета',
      '21 предмет',
    ]);
    expect(count('sr-Latn', 1)).toBe('1 predmet');
    const ar = [0, 1, 2, 3, 11, 100].map((n) => new Intl.PluralRules('ar').select(n));
    expect(ar).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
    expect(count('ar', 0)).toBe('لا توجد معروضات');
    expect(count('ar', 2)).toBe('معروضان');
    expect(count('ar', 3)).toContain('معروضات');
    expect(count('ar', 11)).toContain('معروضًا');
    expect(count('zh-Hans', 7)).toBe('7 件展品');
    expect(count('fr', 2)).toBe('2 objets');
  });

  it('maps other spellings onto the catalogues and falls back to English otherwise', () => {
    expect(catalogueLanguage('sr')).toBe('sr-Latn');
    expect(catalogueLanguage('sr-cyrl')).toBe('sr-Cyrl');
    expect(catalogueLanguage('zh')).toBe('zh-Hans');
    expect(catalogueLanguage('zh-CN')).toBe('zh-Hans');
    expect(catalogueLanguage('zh-Hant')).toBeNull();
    expect(catalogueLanguage('pt-BR')).toBeNull();
    expect(uiStrings('sr-Cyrl').search).toBe('Претрага');
    expect(uiStrings('he').next).toBe('הפרק הבא');
    expect(uiStrings('pt')).toEqual(CATALOGUES.en);
    expect(uiStrings('pl').touchToStart).toBe('Dotknij, aby rozpocząć');
    expect(uiStrings('de-x-ls').touchToStart).toBe('Leichte Sprache: Hier tippen');
    expect(hasUiStrings('ar')).toBe(true);
    expect(hasUiStrings('it')).toBe(false);
  });

  it('notes in the pre-publication check every language that falls back to English', () => {
    const snapshot = fixtureSnapshot();
    const x = snapshot.exhibitions[0]!;
    x.languages = [...x.languages, 'it', 'sr-Cyrl'];
    const notes = runExhibitionChecks(snapshot, x.id, 'web').filter(
      (p) => p.rule === 'ui-language-fallback',
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]!.severity).toBe('info');
    expect(notes[0]!.message.en).toContain('(it)');
    expect(notes[0]!.message.de).toContain('Englisch');
  });
});
