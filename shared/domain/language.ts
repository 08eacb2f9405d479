import { z } from 'zod';

/**
 * BCP-47 language tag, kept to the common subset: `de`, `en`, `sr-Latn`, `pt-BR`, plus a trailing
 * private-use part (`-x-` and subtags of 1–8 characters) for `de-x-ls`, Leichte Sprache.
 */
export const LanguageCode = z
  .string()
  .regex(
    /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*(-x(-[A-Za-z0-9]{1,8})+)?$/,
    'BCP-47 language code such as "de", "sr-Latn" or "de-x-ls"',
  );
export type LanguageCode = z.infer<typeof LanguageCode>;

/** Scripts written right to left; Arabic matters for the Dura partnership. */
const RTL_PRIMARY = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb']);

export function textDirection(lang: string): 'ltr' | 'rtl' {
  const primary = lang.split('-')[0] ?? lang;
  return RTL_PRIMARY.has(primary.toLowerCase()) ? 'rtl' : 'ltr';
}

/** Endonyms, so a language is always offered in its own name. */
export const LANGUAGE_NAMES: Record<string, string> = {
  de: 'Deutsch',
  en: 'English',
  fr: 'Français',
  tr: 'Türkçe',
  sr: 'Srpski',
  ru: 'Русский',
  ro: 'Română',
  ar: 'العربية',
  'de-x-ls': 'Leichte Sprache',
  'sr-Latn': 'Srpski (latinica)',
  'sr-Cyrl': 'Српски (ћирилица)',
  he: 'עברית',
  uk: 'Українська',
  'zh-Hans': '简体中文',
};

/**
 * Leichte Sprache (easy-to-read German). A private-use tag, because it is a variant of German
 * without a region: `de-LS` would mean German as spoken in Lesotho. Pages carry `lang="de-x-ls"`,
 * so screen readers still pick a German voice.
 */
export const EASY_GERMAN = 'de-x-ls';

export function isEasyGerman(lang: string): boolean {
  return lang.toLowerCase() === EASY_GERMAN;
}

export function languageName(lang: string): string {
  return LANGUAGE_NAMES[lang] ?? lang;
}

/** Strings per language. Missing languages are simply absent, never empty placeholders. */
export const LocalizedText = z.record(LanguageCode, z.string().max(200_000));
export type LocalizedText = z.infer<typeof LocalizedText>;

/**
 * The text to show in `lang`, falling back to the default language and then to any language,
 * so a half-translated library still shows something meaningful.
 */
export function pickText(text: LocalizedText | undefined, lang: string, fallback?: string): string {
  if (!text) return '';
  const direct = text[lang];
  if (direct && direct.trim() !== '') return direct;
  if (fallback) {
    const fb = text[fallback];
    if (fb && fb.trim() !== '') return fb;
  }
  for (const value of Object.values(text)) if (value.trim() !== '') return value;
  return '';
}

/** Whether `lang` has its own (non-blank) text, i.e. no fallback would be needed. */
export function hasText(text: LocalizedText | undefined, lang: string): boolean {
  const value = text?.[lang];
  return value !== undefined && value.trim() !== '';
}
