/**
 * Plural forms of one phrase, keyed by the CLDR plural categories `Intl.PluralRules` selects
 * (`one`, `few`, `many`, …). `{n}` stands for the formatted number. `other` is always required;
 * which further categories a language needs is checked against `Intl.PluralRules` in the tests.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Fixed texts of exported pages: one complete catalogue per language (see `index.ts`). */
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
  /** Title of the privacy notice page (Datenschutzerklärung). */
  privacy: string;
  /** Title of the accessibility statement page (Erklärung zur Barrierefreiheit). */
  accessibility: string;
  /** Label of the footer navigation holding the legal pages. */
  legal: string;
  /** "5 objects" on the credits page. */
  objects: PluralForms;
  /** Footer link to the bundle's open data (data/index.html, web bundles). */
  openData: string;
  /** Deep zoom on items with a IIIF image service (web bundles). */
  zoom: string;
  zoomIn: string;
  zoomOut: string;
  /** Where a chapter stands in the exhibition, above its title: {n} and {total} are numbers. */
  chapterOf: string;
  /** Kiosk bottom bar: the button back to the page before, and the bar's label. */
  back: string;
  kioskNav: string;
  /** The lightbox's buttons to the neighbouring pictures of a gallery (swipe does the same). */
  previousImage: string;
  nextImage: string;
}
