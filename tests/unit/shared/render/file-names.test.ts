import { describe, expect, it } from 'vitest';
import {
  buildExhibitionView,
  chapterFilesFor,
  renderLanguagePages,
} from '../../../../shared/render';
import { fixtureSnapshot } from './fixture';

const SLUG = '50-jahre-dortmund-leeds';

describe('chapter file names per language', () => {
  it('come from each language’s titles, numbered when nothing ASCII remains, stable', () => {
    const snapshot = fixtureSnapshot();
    const x = snapshot.exhibitions[0]!;
    x.languages = ['de', 'en', 'ar'];
    x.chapters[0]!.title = { de: 'Die Anfänge', en: 'The beginnings', ar: 'البدايات' };
    const de = chapterFilesFor(x, 'de');
    const en = chapterFilesFor(x, 'en');
    const ar = chapterFilesFor(x, 'ar');
    expect(de[0]).toBe('01-die-anfaenge.html');
    expect(en[0]).toBe('01-the-beginnings.html');
    expect(ar[0]).toBe('01.html');
    expect(chapterFilesFor(structuredClone(x), 'en')).toEqual(en);
    for (const files of [de, en, ar]) expect(new Set(files).size).toBe(files.length);
  });

  it('writes hreflang alternates to each language’s file, and only with a base URL', () => {
    const snapshot = fixtureSnapshot();
    const x = snapshot.exhibitions[0]!;
    x.chapters[0]!.title = { de: 'Die Anfänge', en: 'The beginnings' };
    const page = (baseUrl?: string) =>
      renderLanguagePages(
        buildExhibitionView(snapshot, {
          exhibition: SLUG,
          lang: 'en',
          mode: 'web',
          languages: ['de', 'en'],
          ...(baseUrl ? { baseUrl } : {}),
        }),
      ).find((p) => p.path === 'en/01-the-beginnings.html')!.content;
    const absolute = page('https://example.org/x/');
    expect(absolute).toContain(
      '<link rel="alternate" hreflang="de" href="https://example.org/x/de/01-die-anfaenge.html">',
    );
    expect(absolute).toContain(
      '<link rel="alternate" hreflang="en" href="https://example.org/x/en/01-the-beginnings.html">',
    );
    const relative = page();
    expect(relative).not.toContain('rel="alternate"');
    // The language menu still leads to the same chapter in the other language.
    expect(relative).toContain('href="../de/01-die-anfaenge.html" hreflang="de"');
  });
});
