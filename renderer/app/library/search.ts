import MiniSearch from 'minisearch';
import type { Item, LocalizedText, Partnership } from '../../../shared/domain';

/**
 * Full-text search over the item library with MiniSearch. Every language of every text field goes
 * into one document, so "Rathaus" and "town hall" both find the same photo. The index is kept
 * up to date incrementally: an edit replaces one document instead of rebuilding 10,000.
 */
export interface ItemSearchIndex {
  /** Brings the index in line with `items` (by object identity); cheap when little changed. */
  sync(items: readonly Item[], partnerships: readonly Partnership[]): void;
  /** Ids of the items matching `query`, best first; null for a blank query (everything). */
  search(query: string): string[] | null;
  readonly size: number;
}

const FIELDS = ['title', 'text', 'people', 'tags', 'partnerships'] as const;

interface Doc {
  id: string;
  title: string;
  text: string;
  people: string;
  tags: string;
  partnerships: string;
}

const all = (text: LocalizedText | undefined): string =>
  text ? Object.values(text).join(' \n ') : '';

/** Lower case without diacritics, so "Muenster"/"Münster" aside, "cafe" finds "Café". */
export function normalizeTerm(term: string): string {
  return term
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

function toDoc(item: Item, cities: Map<string, string>): Doc {
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

export function createItemSearchIndex(): ItemSearchIndex {
  const mini = new MiniSearch<Doc>({
    fields: [...FIELDS],
    idField: 'id',
    processTerm: (term) => {
      const t = normalizeTerm(term);
      return t.length > 0 ? t : null;
    },
    searchOptions: {
      boost: { title: 3, tags: 2, partnerships: 2 },
      prefix: true,
      fuzzy: (term) => (term.length > 4 ? 0.2 : false),
      combineWith: 'AND',
    },
  });
  let indexed = new Map<string, Item>();
  let citiesKey = '';

  return {
    sync(items, partnerships) {
      const cities = new Map(partnerships.map((p) => [p.id, all(p.city)]));
      const key = [...cities].map(([id, c]) => `${id}=${c}`).join('|');
      const next = new Map<string, Item>();
      // City names are indexed with each item; when a city is renamed every item is re-read.
      const rebuild = key !== citiesKey;
      citiesKey = key;
      if (rebuild) {
        mini.removeAll();
        indexed = new Map();
      }
      for (const item of items) next.set(item.id, item);
      for (const [id] of indexed) {
        if (!next.has(id)) mini.discard(id);
      }
      const added: Doc[] = [];
      for (const item of items) {
        const before = indexed.get(item.id);
        if (before === item) continue;
        if (before) mini.replace(toDoc(item, cities));
        else added.push(toDoc(item, cities));
      }
      if (added.length > 0) mini.addAll(added);
      indexed = next;
    },
    search(query) {
      if (query.trim() === '') return null;
      return mini.search(query).map((r) => String(r.id));
    },
    get size() {
      return mini.documentCount;
    },
  };
}

/** One index per open library, kept across section switches so returning costs nothing. */
let shared: { libraryId: string; index: ItemSearchIndex } | null = null;
export function indexFor(libraryId: string): ItemSearchIndex {
  if (shared?.libraryId !== libraryId) shared = { libraryId, index: createItemSearchIndex() };
  return shared.index;
}
