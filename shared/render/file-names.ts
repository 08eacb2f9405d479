import anyAscii from 'any-ascii';
import type { Exhibition } from '../domain/exhibition';
import { slugify } from '../domain/ids';

/** German letters keep their customary spelling (ä → ae), as slugs always had. */
const GERMAN: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  Ä: 'Ae',
  Ö: 'Oe',
  Ü: 'Ue',
  ß: 'ss',
};

/**
 * Runs of letters in a script other than Latin (Cyrillic, Arabic, Hebrew, Han …). Only these go
 * through any-ascii: Latin titles keep the slugs they always had (slugify's own accent rules), so
 * no file name of an earlier export changes.
 */
const NON_LATIN = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]+/gu;

/**
 * The ASCII slug of a title: Latin letters lose their accents (ä → ae); other scripts are
 * transliterated with any-ascii (Почетак → pochetak, 西安 → xian), a fixed table, so a re-export
 * gives the same name. Empty when nothing remains (the caller numbers the file).
 */
export function asciiSlug(title: string, maxLength = 50): string {
  const ascii = title
    .replace(/[äöüÄÖÜß]/g, (c) => GERMAN[c] ?? c)
    // A space after each run keeps Chinese syllables apart from following Latin words.
    .replace(NON_LATIN, (run) => ` ${anyAscii(run)} `);
  if (!/[a-z0-9]/i.test(ascii)) return '';
  const slug = slugify(ascii, maxLength);
  return slug === 'untitled' && !/untitled/i.test(ascii) ? '' : slug;
}

/**
 * File names of the chapter pages in one language: number plus the slug of that language's
 * title (the default language's when the chapter has none), or the number alone when nothing
 * remains. Derived from the titles only, so a re-export gives the same names; unique per language.
 */
export function chapterFilesFor(exhibition: Exhibition, lang: string): string[] {
  const seen = new Set<string>();
  return exhibition.chapters.map((chapter, index) => {
    const title =
      chapter.title[lang]?.trim() ||
      chapter.title[exhibition.defaultLanguage] ||
      Object.values(chapter.title)[0] ||
      '';
    const number = String(index + 1).padStart(2, '0');
    const slug = asciiSlug(title);
    let name = slug ? `${number}-${slug}` : number;
    if (seen.has(name)) name = `${name}-${chapter.id}`;
    seen.add(name);
    return `${name}.html`;
  });
}
