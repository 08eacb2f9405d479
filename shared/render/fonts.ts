// The bundle's own typeface: Source Serif 4 (SIL Open Font License 1.1), the variable weight
// axis, from the pinned @fontsource-variable/source-serif-4 package. A serif made for reading on
// screens (optical sizes, generous x-height) suits exhibition texts and captions, and its Latin
// Extended set covers Turkish (ş ğ ı), Romanian (ș ț ă) and Serbian Latin (č ć đ ž). Only the
// Latin and Latin Extended subsets ship; `unicode-range` makes a browser fetch a subset only
// when a page uses its characters, and every other script (Arabic, Cyrillic, Hebrew, Chinese)
// falls back to the system fonts named in vitrine.css. No italic files: pages set little in
// italics, and one more subset pair would break the 120 KB a page may spend on fonts.

export interface BundleFont {
  /** File name, as in the package's `files/` folder and the bundle's `assets/fonts/`. */
  file: string;
  unicodeRange: string;
}

/** The family name vitrine.css asks for (kept apart from a locally installed Source Serif 4). */
export const BUNDLE_FONT_FAMILY = 'Vitrine Serif';

/** Subsets, in fontsource's order; the ranges are the package's own (wght.css). */
export const BUNDLE_FONTS: readonly BundleFont[] = [
  {
    file: 'source-serif-4-latin-ext-wght-normal.woff2',
    unicodeRange:
      'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C4,U+2113,U+2C60-2C7F,U+A720-A7FF',
  },
  {
    file: 'source-serif-4-latin-wght-normal.woff2',
    unicodeRange:
      'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  },
];

/** The Latin subset, which every Latin-script page needs: the one worth preloading. */
export const PRELOAD_FONT = BUNDLE_FONTS[1]!;

/** Bundle-relative path of a font file. */
export const fontPath = (file: string) => `assets/fonts/${file}`;

/**
 * The `@font-face` rules, written at the top of the bundle's `assets/vitrine.css` (URLs relative
 * to it, so they hold from file:// and under any base path). `font-display: swap` shows text at
 * once in the fallback; the fallback serifs in vitrine.css are close in width. (No preload:
 * from file:// Chromium refuses the CORS request a font preload needs.)
 */
export function fontFaceCss(): string {
  return BUNDLE_FONTS.map(
    (f) =>
      `@font-face{font-family:'${BUNDLE_FONT_FAMILY}';font-style:normal;font-display:swap;font-weight:200 900;src:url(fonts/${f.file}) format('woff2');unicode-range:${f.unicodeRange}}`,
  ).join('\n');
}

/**
 * Whether a page in `lang` is set mostly in Latin script, so the Latin subset is certain to be
 * used and worth a preload; pages in other scripts would waste it (and the browser warns).
 */
export function usesLatinScript(lang: string): boolean {
  const [language, ...rest] = lang.toLowerCase().split('-');
  if (
    rest.includes('cyrl') ||
    rest.includes('arab') ||
    rest.includes('hans') ||
    rest.includes('hant')
  )
    return false;
  if (rest.includes('latn')) return true;
  return !NON_LATIN.has(language!);
}

/** Languages written in another script by default (`sr` alone is Latin here, as in the endonym list). */
const NON_LATIN = new Set([
  'ar',
  'fa',
  'ur',
  'he',
  'yi',
  'ru',
  'uk',
  'be',
  'bg',
  'mk',
  'kk',
  'ky',
  'mn',
  'el',
  'zh',
  'ja',
  'ko',
  'th',
  'hi',
  'bn',
  'ka',
  'hy',
  'am',
  'ta',
  'te',
]);
