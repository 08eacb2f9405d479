import type { UiLanguage } from '../../../shared/errors';

const FORMATS = {
  de: new Intl.NumberFormat('de-DE'),
  en: new Intl.NumberFormat('en-GB'),
};

/**
 * A number as the message's language writes it: 10.000 in German, 10,000 in English (a bare
 * "10000" reads as a code, and "10,000" would be ten in German). Every count in a message
 * goes through here, once per language.
 */
export function formatCount(lang: UiLanguage, n: number): string {
  return FORMATS[lang].format(n);
}

/** The same number for both message languages. */
export function counts(n: number): { de: string; en: string } {
  return { de: formatCount('de', n), en: formatCount('en', n) };
}
