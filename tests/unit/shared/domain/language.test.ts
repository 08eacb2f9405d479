import { describe, expect, it } from 'vitest';
import { LanguageCode, hasText, pickText, textDirection } from '../../../../shared/domain/language';
import { Slug, slugify } from '../../../../shared/domain/ids';

describe('languages and localized text', () => {
  it('knows right-to-left scripts', () => {
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('ar-PS')).toBe('rtl');
    expect(textDirection('de')).toBe('ltr');
    expect(textDirection('sr-Latn')).toBe('ltr');
  });

  it('accepts BCP-47 codes the model needs and rejects others', () => {
    for (const code of ['de', 'en', 'fr', 'tr', 'sr', 'ru', 'ro', 'ar', 'sr-Latn', 'pt-BR'])
      expect(LanguageCode.safeParse(code).success).toBe(true);
    for (const code of ['DE', 'german', 'e', '', 'de_DE'])
      expect(LanguageCode.safeParse(code).success).toBe(false);
  });

  it('falls back to the default language, then to any text', () => {
    const text = { de: 'Partnerstadt', en: '  ' };
    expect(pickText(text, 'en', 'de')).toBe('Partnerstadt');
    expect(pickText({ fr: 'Jumelage' }, 'en', 'de')).toBe('Jumelage');
    expect(pickText(undefined, 'de')).toBe('');
    expect(hasText(text, 'en')).toBe(false);
    expect(hasText(text, 'de')).toBe(true);
  });
});

describe('slugs', () => {
  it('turns German titles into safe slugs', () => {
    expect(slugify('50 Jahre Dortmund Leeds. Was uns verbindet')).toBe(
      '50-jahre-dortmund-leeds-was-uns-verbindet',
    );
    expect(slugify('Grüße aus Köln – Straße')).toBe('gruesse-aus-koeln-strasse');
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
    expect(slugify('دورا')).toBe('untitled');
  });

  it('validates slugs so they stay a single path segment', () => {
    for (const ok of ['50-jahre-dortmund-leeds', 'a', 'dura-2024'])
      expect(Slug.safeParse(ok).success).toBe(true);
    for (const bad of ['', '../x', 'a/b', 'A', 'a--b', '-a', 'a-', 'a b', 'x'.repeat(81)])
      expect(Slug.safeParse(bad).success).toBe(false);
  });
});
