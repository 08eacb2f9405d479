import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import de from './de.json';
import en from './en.json';
import exportDe from './export.de.json';
import exportEn from './export.en.json';
import editorDe from './editor.de.json';
import editorEn from './editor.en.json';
import curationDe from './curation.de.json';
import curationEn from './curation.en.json';
import restoreDe from './restore.de.json';
import restoreEn from './restore.en.json';
import desktopDe from './desktop.de.json';
import desktopEn from './desktop.en.json';
import legalDe from './legal.de.json';
import legalEn from './legal.en.json';
import tablesDe from './tables.de.json';
import tablesEn from './tables.en.json';
import publishDe from './publish.de.json';
import publishEn from './publish.en.json';
import kioskStatsDe from './kiosk-stats.de.json';
import kioskStatsEn from './kiosk-stats.en.json';
import workspaceDe from './workspace.de.json';
import workspaceEn from './workspace.en.json';
import formsDe from './forms.de.json';
import formsEn from './forms.en.json';

export const UI_LANGUAGES = ['de', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
/** German first: the international office works in German, English is the second language. */
export const DEFAULT_UI_LANGUAGE: UiLanguage = 'de';

/** The exhibition editor keeps its texts in catalogues of its own, merged under `editor`. */
export const catalogues = {
  de: {
    ...de,
    ...exportDe,
    editor: editorDe,
    curation: curationDe,
    desktop: desktopDe,
    restore: restoreDe,
    legal: legalDe,
    ...tablesDe,
    publish: publishDe,
    kioskStats: kioskStatsDe,
    workspace: workspaceDe,
    forms: formsDe,
  },
  en: {
    ...en,
    ...exportEn,
    editor: editorEn,
    curation: curationEn,
    desktop: desktopEn,
    restore: restoreEn,
    legal: legalEn,
    ...tablesEn,
    publish: publishEn,
    kioskStats: kioskStatsEn,
    workspace: workspaceEn,
    forms: formsEn,
  },
} as const;

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/**
 * One i18next instance per app (and per test), initialised synchronously from the bundled
 * catalogues so the first paint is already translated and nothing is fetched.
 */
export function createI18n(language: UiLanguage = DEFAULT_UI_LANGUAGE): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { de: { translation: catalogues.de }, en: { translation: catalogues.en } },
    lng: language,
    fallbackLng: DEFAULT_UI_LANGUAGE,
    supportedLngs: [...UI_LANGUAGES],
    initAsync: false,
    // React escapes text itself; escaping twice would show `&amp;` to people.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
