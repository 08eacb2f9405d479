/** The legal pages of a web bundle, in the order the footer links them. */
export const LEGAL_PAGES = [
  { kind: 'imprint', file: 'imprint.html', title: 'imprint' },
  { kind: 'privacy', file: 'privacy.html', title: 'privacy' },
  { kind: 'accessibility', file: 'accessibility.html', title: 'accessibility' },
] as const;

export type LegalPageKind = (typeof LEGAL_PAGES)[number]['kind'];
