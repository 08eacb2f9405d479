import type { Item, LocalizedText } from '../domain';

/**
 * What full-text search reads of an item: every language of every text field goes into one
 * document, so "Rathaus" and "town hall" both find the same photo. Shared so that the page's
 * index (pickers) and main's query index (issue 10) find the same items for the same words.
 */
export const SEARCH_FIELDS = ['title', 'text', 'people', 'tags', 'partnerships'] as const;

export interface SearchDoc {
  id: string;
  title: string;
  text: string;
  people: string;
  tags: string;
  partnerships: string;
}

/** Title and tag matches count more than a word somewhere in a description. */
export const SEARCH_BOOST = { title: 3, tags: 2, partnerships: 2 };

const all = (text: LocalizedText | undefined): string =>
  text ? Object.values(text).join(' \n ') : '';

/** Lower case without diacritics, so "cafe" finds "Café" and "zurich" finds "Zürich". */
export function normalizeTerm(term: string): string {
  return term
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** MiniSearch's term hook: normalised, and terms that vanish (only marks) are dropped. */
export function processSearchTerm(term: string): string | null {
  const t = normalizeTerm(term);
  return t.length > 0 ? t : null;
}

/** Typing "Rath" finds "Rathaus"; from five letters on, one typo in five is forgiven. */
export const fuzzyFor = (term: string): number | false => (term.length > 4 ? 0.2 : false);

/** Every partnership's city in all languages, indexed with the items linked to it. */
export function citiesOf(partnerships: readonly { id: string; city: LocalizedText }[]) {
  return new Map(partnerships.map((p) => [p.id, all(p.city)]));
}

export function toSearchDoc(item: Item, cities: ReadonlyMap<string, string>): SearchDoc {
  return {
    id: item.id,
    title: all(item.title),
    text: [
      all(item.description),
      all(item.altText),
      all(item.transcript),
      all(item.rights?.creditLine),
    ].join(' \n '),
    people: [item.creator, item.source, item.archiveRef, item.rights?.holder, ...item.places]
      .filter(Boolean)
      .join(' \n '),
    tags: item.tags.join(' \n '),
    partnerships: item.partnershipIds.map((id) => cities.get(id) ?? id).join(' \n '),
  };
}
