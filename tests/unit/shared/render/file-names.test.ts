import { describe, expect, it } from 'vitest';
import {
  buildExhibitionView,
  chapterFilesFor,
  renderLanguagePages,
} from '../../../../shared/render';
import { fixtureSnapshot } from './fixture';

const SLUG = '50-jahre-dortmund-leeds';

describe('chapter file names per language', () => {
  it('come from each language’s titles, transliterated to ASCII, numbered when nothing remains, stable', () => {
    const snapshot = fixtureSnapshot();
    const x = snapshot.exhibitions[0]!;
    const langs = ['de', 'en', 'ar', 'sr-Cyrl', 'he', 'zh-Hans', 'fr'];
    x.languages = langs;
    x.chapters[0]!.title = {
      de: 'Die Anfänge',
      en: 'The beginnings',
      ar: 'البدايات',
      'sr-Cyrl': 'Почетак партнерства',
      he: 'התחלות',
      'zh-Hans': '开端 西安 2024',
      fr: 'Début d’été',
    };
    x.chapters[1]!.title = { de: 'Damals', en: '…', ar: '؟' };
    const files = Object.fromEntries(langs.map((l) => [l, chapterFilesFor(x, l)]));
    expect(langs.map((l) => files[l]![0])).toEqual([
      '01-die-anfaenge.html',
      '01-the-beginnings.html',
      '01-lbdyt.html',
      '01-pochetak-partnerstva.html',
      '01-hthlvt.html',
      '01-kaiduan-xian-2024.html',
      // Latin titles keep the slugs earlier exports gave them.
      '01-debut-d-ete.html',
    ]);
    // Nothing transliterable left: the number alone.
    expect(files.en![1]).toBe('02.html');
    expect(files.ar![1]).toBe('02.html');
    // A re-export (a fresh copy of the library) gives the same names.
    for (const l of langs) expect(chapterFilesFor(structuredClone(x), l)).toEqual(files[l]);
    for (const l of langs) expect(new Set(files[l]).size).toBe(files[l]!.length);
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
