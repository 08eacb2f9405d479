import { textDirection, type LocalizedText } from '../../../shared/domain';

export interface ShownText {
  text: string;
  /** The language the text is actually in, which may be a fallback. */
  lang: string;
  dir: 'ltr' | 'rtl';
}

/**
 * The text to show for `lang`, with the language it really is in: a fallback to Arabic must be
 * marked `lang="ar" dir="rtl"`, or screen readers mispronounce it and punctuation lands wrong.
 * Same order as shared `pickText`: wanted language, library default, then any.
 */
export function showText(
  text: LocalizedText | undefined,
  lang: string,
  fallback?: string,
): ShownText | null {
  if (!text) return null;
  const order = [lang, ...(fallback ? [fallback] : []), ...Object.keys(text)];
  for (const candidate of order) {
    const value = text[candidate];
    if (value !== undefined && value.trim() !== '') {
      return { text: value, lang: candidate, dir: textDirection(candidate) };
    }
  }
  return null;
}

/** Country name in the UI language ("GB" → "Vereinigtes Königreich"), the code if unknown. */
export function countryName(code: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function formatTimestamp(iso: string, uiLanguage: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(uiLanguage, { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
}
