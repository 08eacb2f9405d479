import type { UiStrings } from './strings';

/**
 * The fixed texts of the Leichte Sprache (`de-x-ls`) pages, keyed like the German catalogue.
 * Written to the rules the check applies to curators' texts (short sentences, no passive, no
 * abbreviations, long words split with a hyphen, "Sie" as address) and tested against them.
 * Words the BITV § 4 start-page section refers to ("Weiter", "Nachweise", "Teile") are the same
 * words here, so its navigation hints match what the pages show.
 */
export const EASY_GERMAN_STRINGS: UiStrings = {
  skip: 'Direkt zum Text',
  start: 'Start',
  chapters: 'Teile',
  pager: 'Zu den anderen Teilen',
  languages: 'Sprache',
  search: 'Suche',
  searchLabel: 'Wort zum Suchen',
  searchButton: 'Suchen',
  searchNoScript: 'Die Suche geht nur mit JavaScript. Sie finden alles auch über die Teile.',
  searchNone: 'Wir haben nichts gefunden.',
  searchResults: 'Das haben wir gefunden',
  credits: 'Nachweise',
  creditsIntro:
    'Hier stehen alle Bilder aus der Ausstellung. Hier steht auch: Wem gehören die Bilder?',
  creator: 'Gemacht von',
  rights: 'Rechte',
  source: 'Kommt von',
  archiveRef: 'Nummer im Archiv',
  holder: 'Die Rechte hat',
  licences: 'Lizenzen und Rechte',
  previous: 'Zurück',
  next: 'Weiter',
  begin: 'Ausstellung an-sehen',
  notFoundTitle: 'Diese Seite gibt es nicht',
  notFoundText: 'Diese Seite gibt es nicht in der Ausstellung.',
  backToStart: 'Zur Start-Seite',
  chooseLanguage: 'Sprache aus-suchen',
  open: 'Öffnen',
  transcript: 'Zum Nach-Lesen',
  download: 'Herunter-laden',
  then: 'Früher',
  now: 'Heute',
  map: 'Karte',
  mapPlaces: 'Orte auf der Karte',
  since: 'seit',
  home: 'Dortmund',
  timeline: 'Zeit-Leiste',
  award: 'Preis',
  close: 'Schließen',
  enlarge: 'Größer machen',
  qrHint: 'Mit dem Handy scannen. Dann sehen Sie die Seite auf dem Handy.',
  // Beside "Zum Starten berühren" on the kiosk: the visitor must see which one is easy German.
  touchToStart: 'Leichte Sprache: Hier tippen',
  idleTitle: 'Sind Sie noch da?',
  idleText: 'Gleich geht es zurück zum Anfang.',
  stay: 'Weiter an-sehen',
  imprint: 'Impressum',
  noRights: 'Es gibt keine Angabe zu den Rechten.',
  footer: 'Eine Ausstellung von der Stadt Dortmund',
  openData: 'Offene Daten',
  zoom: 'Das Bild groß an-sehen',
  zoomIn: 'Größer machen',
  zoomOut: 'Kleiner machen',
  privacy: 'Daten-Schutz',
  accessibility: 'Barriere-Freiheit',
  legal: 'Wichtige Infos über diese Seite',
  objects: { one: '{n} Ding', other: '{n} Dinge' },
  chapterOf: 'Teil {n} von {total}',
};
