import MiniSearch from 'minisearch';
import type { Item, Partnership } from '../../../shared/domain';
import {
  citiesOf,
  fuzzyFor,
  normalizeTerm,
  processSearchTerm,
  SEARCH_BOOST,
  SEARCH_FIELDS,
  toSearchDoc,
  type SearchDoc as Doc,
} from '../../../shared/query/search-doc';

/**
 * Full-text search over the item library with MiniSearch. Every language of every text field goes
 * into one document, so "Rathaus" and "town hall" both find the same photo. The index is kept
 * up to date incrementally: an edit replaces one document instead of rebuilding 10,000.
 */
export interface ItemSearchIndex {
  /** Brings the index in line with `items` (by object identity); cheap when little changed. */
  sync(items: readonly Item[], partnerships: readonly Partnership[]): void;
  /**
   * The same, but a large batch of new documents (opening a 10,000-item library) is added in
   * slices between which the page can paint and react; searches meanwhile see what is indexed
   * so far. Resolves when the index matches `items`; a newer call supersedes an older one.
   */
  syncInSlices(
    items: readonly Item[],
    partnerships: readonly Partnership[],
    yieldToPage: () => Promise<void>,
  ): Promise<void>;
  /** Ids of the items matching `query`, best first; null for a blank query (everything). */
  search(query: string): string[] | null;
  readonly size: number;
}

/** Kept for callers of the page's index; the rule itself lives in shared/query. */
export { normalizeTerm };

export function createItemSearchIndex(): ItemSearchIndex {
  const mini = new MiniSearch<Doc>({
    fields: [...SEARCH_FIELDS],
    idField: 'id',
    processTerm: processSearchTerm,
    searchOptions: {
      boost: SEARCH_BOOST,
      prefix: true,
      fuzzy: fuzzyFor,
      combineWith: 'AND',
    },
  });
  let indexed = new Map<string, Item>();
  let citiesKey = '';
  let generation = 0;
  const SLICE = 400;

  let cities = new Map<string, string>();

  /** Removes and replaces in place; returns the items still to add (documents built per slice). */
  function prepare(items: readonly Item[], partnerships: readonly Partnership[]): Item[] {
    cities = citiesOf(partnerships);
    const key = [...cities].map(([id, c]) => `${id}=${c}`).join('|');
    // City names are indexed with each item; when a city is renamed every item is re-read.
    if (key !== citiesKey) {
      mini.removeAll();
      indexed = new Map();
      citiesKey = key;
    }
    const wanted = new Map(items.map((item) => [item.id, item]));
    for (const [id] of indexed) {
      if (!wanted.has(id)) {
        mini.discard(id);
        indexed.delete(id);
      }
    }
    const added: Item[] = [];
    for (const item of items) {
      const before = indexed.get(item.id);
      if (before === item) continue;
      if (before) {
        mini.replace(toSearchDoc(item, cities));
        indexed.set(item.id, item);
      } else added.push(item);
    }
    return added;
  }

  function addItems(items: Item[]): void {
    const fresh = items.filter((item) => !indexed.has(item.id));
    mini.addAll(fresh.map((item) => toSearchDoc(item, cities)));
    for (const item of fresh) indexed.set(item.id, item);
  }

  return {
    async syncInSlices(items, partnerships, yieldToPage) {
      const mine = ++generation;
      // The first slice waits too, so opening a library paints before any indexing.
      if (items.length - indexed.size > SLICE) await yieldToPage();
      if (mine !== generation) return;
      const added = prepare(items, partnerships);
      for (let start = 0; start < added.length; start += SLICE) {
        if (mine !== generation) return;
        addItems(added.slice(start, start + SLICE));
        if (start + SLICE < added.length) await yieldToPage();
      }
    },
    sync(items, partnerships) {
      generation += 1;
      addItems(prepare(items, partnerships));
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
