import type { LocalizedText } from '../../../../shared/domain';

/** Sets or removes one language of a localized text; blank text removes the language. */
export function withText(text: LocalizedText, lang: string, value: string): LocalizedText {
  const next = { ...text };
  if (value === '') delete next[lang];
  else next[lang] = value;
  return next;
}

/**
 * Whether a translation's row is flagged as missing: the reference language has text and
 * this one has none yet.
 */
export function missingTranslation(
  text: LocalizedText | undefined,
  lang: string,
  reference: string,
): boolean {
  const has = (l: string) => (text?.[l] ?? '').trim() !== '';
  return lang !== reference && !has(lang) && has(reference);
}

/** "Rat,  Rathaus, Rat" → ["Rat", "Rathaus"]: trimmed, blanks and repeats dropped, order kept. */
export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
}
