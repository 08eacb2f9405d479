import { EASY_GERMAN_STRINGS } from './strings-easy';

/**
 * Fixed texts of exported pages. German, Leichte Sprache (strings-easy.ts) and English are
 * complete; other languages fall back to English except for the few words a kiosk visitor must
 * understand ("touch to start").
 */
export interface UiStrings {
  skip: string;
  start: string;
  chapters: string;
  pager: string;
  languages: string;
  search: string;
  searchLabel: string;
  searchButton: string;
  searchNoScript: string;
  searchNone: string;
  searchResults: string;
  credits: string;
  creditsIntro: string;
  creator: string;
  rights: string;
  source: string;
  archiveRef: string;
  holder: string;
  licences: string;
  previous: string;
  next: string;
  begin: string;
  notFoundTitle: string;
  notFoundText: string;
  backToStart: string;
  chooseLanguage: string;
  open: string;
  transcript: string;
  download: string;
  then: string;
  now: string;
  map: string;
  mapPlaces: string;
  since: string;
  home: string;
  timeline: string;
  award: string;
  close: string;
  enlarge: string;
  qrHint: string;
  touchToStart: string;
  idleTitle: string;
  idleText: string;
  stay: string;
  imprint: string;
  noRights: string;
  footer: string;
  /** Footer link to `data/index.html` (web bundles, issue 15). */
  openData: string;
  /** Deep zoom on items with a IIIF image service (web bundles, issue 15). */
  zoom: string;
  zoomIn: string;
  zoomOut: string;
}

const de: UiStrings = {
  skip: 'Zum Inhalt springen',
  start: 'Start',
  chapters: 'Kapitel',
  pager: 'Weiterblättern',
  languages: 'Sprache',
  search: 'Suche',
  searchLabel: 'Suchbegriff',
  searchButton: 'Suchen',
  searchNoScript:
    'Die Suche braucht JavaScript. Alle Inhalte sind auch über die Kapitel erreichbar.',
  searchNone: 'Keine Treffer.',
  searchResults: 'Treffer',
  credits: 'Bildnachweise und Rechte',
  creditsIntro:
    'Alle in dieser Ausstellung gezeigten Objekte mit Urheberschaft, Rechten und Nachweis.',
  creator: 'Urheber/in',
  rights: 'Rechte',
  source: 'Herkunft',
  archiveRef: 'Signatur',
  holder: 'Rechteinhaber',
  licences: 'Lizenzen und Rechtehinweise',
  previous: 'Vorheriges Kapitel',
  next: 'Nächstes Kapitel',
  begin: 'Ausstellung beginnen',
  notFoundTitle: 'Seite nicht gefunden',
  notFoundText: 'Diese Seite gibt es in der Ausstellung nicht.',
  backToStart: 'Zur Startseite',
  chooseLanguage: 'Sprache wählen',
  open: 'Öffnen',
  transcript: 'Transkript',
  download: 'Herunterladen',
  then: 'Damals',
  now: 'Heute',
  map: 'Karte',
  mapPlaces: 'Orte auf der Karte',
  since: 'seit',
  home: 'Dortmund',
  timeline: 'Zeitleiste',
  award: 'Auszeichnung',
  close: 'Schließen',
  enlarge: 'Vergrößern',
  qrHint: 'Mit dem Smartphone scannen, um die Seite zu öffnen',
  touchToStart: 'Zum Starten berühren',
  idleTitle: 'Noch da?',
  idleText: 'Gleich geht es zurück zum Start.',
  stay: 'Weiter ansehen',
  imprint: 'Impressum',
  noRights: 'Rechte nicht angegeben',
  footer: 'Eine Ausstellung der Stadt Dortmund',
  openData: 'Offene Daten',
  zoom: 'Im Detail ansehen (Zoom)',
  zoomIn: 'Vergrößern',
  zoomOut: 'Verkleinern',
};

const en: UiStrings = {
  skip: 'Skip to content',
  start: 'Start',
  chapters: 'Chapters',
  pager: 'Page through the chapters',
  languages: 'Language',
  search: 'Search',
  searchLabel: 'Search term',
  searchButton: 'Search',
  searchNoScript: 'Search needs JavaScript. All content is also reachable through the chapters.',
  searchNone: 'No results.',
  searchResults: 'Results',
  credits: 'Credits and rights',
  creditsIntro: 'Every item shown in this exhibition with its creator, rights and credit line.',
  creator: 'Creator',
  rights: 'Rights',
  source: 'Source',
  archiveRef: 'Reference',
  holder: 'Rights holder',
  licences: 'Licences and rights statements',
  previous: 'Previous chapter',
  next: 'Next chapter',
  begin: 'Start the exhibition',
  notFoundTitle: 'Page not found',
  notFoundText: 'This page does not exist in the exhibition.',
  backToStart: 'Go to the start page',
  chooseLanguage: 'Choose a language',
  open: 'Open',
  transcript: 'Transcript',
  download: 'Download',
  then: 'Then',
  now: 'Now',
  map: 'Map',
  mapPlaces: 'Places on the map',
  since: 'since',
  home: 'Dortmund',
  timeline: 'Timeline',
  award: 'Award',
  close: 'Close',
  enlarge: 'Enlarge',
  qrHint: 'Scan with a phone to open the page',
  touchToStart: 'Touch to start',
  idleTitle: 'Still there?',
  idleText: 'Returning to the start in a moment.',
  stay: 'Keep looking',
  imprint: 'Imprint',
  noRights: 'Rights not stated',
  footer: 'An exhibition of the City of Dortmund',
  openData: 'Open data',
  zoom: 'Look closer (zoom)',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
};

const TOUCH: Record<string, string> = {
  fr: 'Touchez pour commencer',
  tr: 'Başlamak için dokunun',
  sr: 'Dodirnite za početak',
  ru: 'Коснитесь, чтобы начать',
  ro: 'Atingeți pentru a începe',
  ar: 'المس للبدء',
  nl: 'Tik om te beginnen',
  pl: 'Dotknij, aby rozpocząć',
};

export function uiStrings(lang: string): UiStrings {
  const primary = lang.split('-')[0] ?? lang;
  if (lang.toLowerCase() === 'de-x-ls') return EASY_GERMAN_STRINGS;
  if (primary === 'de') return de;
  const touch = TOUCH[primary];
  return touch ? { ...en, touchToStart: touch } : en;
}

/** Whether `uiStrings(lang)` is really in `lang` (otherwise pages mark those strings as English). */
export function hasUiStrings(lang: string): boolean {
  const primary = lang.split('-')[0] ?? lang;
  return primary === 'de' || primary === 'en';
}
