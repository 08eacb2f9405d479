import { CATALOGUES, catalogueLanguage, type UiStrings } from './catalogue';
import { EASY_GERMAN_STRINGS } from './strings-easy';

/**
 * Fixed texts of exported pages, from the catalogues in `catalogue/` (one file per language of
 * the partnerships). Other languages fall back to English, and the export notes that.
 */
export type { PluralForms, UiStrings } from './catalogue';
export { CATALOGUES, catalogueLanguage, pluralText } from './catalogue';

const de = CATALOGUES.de!;
const en = CATALOGUES.en!;

/** Without a catalogue, a kiosk visitor still gets the one prompt that matters in their language. */
const TOUCH: Record<string, string> = {
  nl: 'Tik om te beginnen',
  pl: 'Dotknij, aby rozpocząć',
};

export function uiStrings(lang: string): UiStrings {
  if (lang.toLowerCase() === 'de-x-ls') return { ...de, ...EASY_GERMAN_STRINGS };
  const tag = catalogueLanguage(lang);
  const found = tag ? CATALOGUES[tag] : undefined;
  if (found) return found;
  const touch = TOUCH[lang.split('-')[0]!.toLowerCase()];
  return touch ? { ...en, touchToStart: touch } : en;
}

/** Whether `uiStrings(lang)` is really in `lang` (otherwise pages mark those strings as English). */
export function hasUiStrings(lang: string): boolean {
  return catalogueLanguage(lang) !== null;
}
