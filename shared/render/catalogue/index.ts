import { ar } from './ar';
import { de } from './de';
import { en } from './en';
import { fr } from './fr';
import { he } from './he';
import { ro } from './ro';
import { ru } from './ru';
import { srCyrl } from './sr-cyrl';
import { srLatn } from './sr-latn';
import { tr } from './tr';
import type { PluralForms, UiStrings } from './types';
import { uk } from './uk';
import { zhHans } from './zh-hans';

export type { PluralForms, UiStrings } from './types';

/**
 * The languages of the partnerships, each with a complete catalogue of the bundle's fixed text.
 * Keys are the tags the catalogue is for; `catalogueLanguage` maps other spellings onto them.
 */
export const CATALOGUES: Readonly<Record<string, UiStrings>> = {
  de,
  en,
  fr,
  tr,
  ru,
  'sr-Latn': srLatn,
  'sr-Cyrl': srCyrl,
  ro,
  ar,
  he,
  uk,
  'zh-Hans': zhHans,
};

/**
 * The catalogue tag for a page language, or null when there is none (then English is shown and
 * the export says so). Plain `sr` is the Latin script, as the sample library writes Serbian;
 * `zh`, `zh-CN` and `zh-SG` are Simplified Chinese, while Traditional (`zh-Hant`, `zh-TW`) is not.
 */
export function catalogueLanguage(lang: string): string | null {
  const parts = lang.toLowerCase().split('-');
  const primary = parts[0] ?? '';
  if (parts.includes('x')) parts.splice(parts.indexOf('x'));
  if (primary === 'sr') return parts.includes('cyrl') ? 'sr-Cyrl' : 'sr-Latn';
  if (primary === 'zh') {
    const traditional = parts.some((p) => ['hant', 'tw', 'hk', 'mo'].includes(p));
    return traditional ? null : 'zh-Hans';
  }
  return primary in CATALOGUES ? primary : null;
}

/** "5 Objekte": the form `Intl.PluralRules` picks for `n` in `lang`, with `n` formatted for it. */
export function pluralText(lang: string, forms: PluralForms, n: number): string {
  const form = forms[new Intl.PluralRules(lang).select(n)] ?? forms.other;
  return form.replace('{n}', new Intl.NumberFormat(lang).format(n));
}
