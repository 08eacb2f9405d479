import {
  dateSortKey,
  decadeOf,
  hasText,
  pickText,
  type Item,
  type ItemKind,
  type Partnership,
} from '../domain';

/** What the facet panel can narrow the library by. Empty sets and false mean "no filter". */
export interface FacetFilter {
  kinds: ItemKind[];
  partnershipIds: string[];
  decades: number[];
  tags: string[];
  rightsMissing: boolean;
  altTextMissing: boolean;
  /** A content language: only items lacking their title or description in it. */
  notTranslatedInto: string | null;
}

export const EMPTY_FILTER: FacetFilter = {
  kinds: [],
  partnershipIds: [],
  decades: [],
  tags: [],
  rightsMissing: false,
  altTextMissing: false,
  notTranslatedInto: null,
};

export function isFilterEmpty(filter: FacetFilter): boolean {
  return (
    filter.kinds.length === 0 &&
    filter.partnershipIds.length === 0 &&
    filter.decades.length === 0 &&
    filter.tags.length === 0 &&
    !filter.rightsMissing &&
    !filter.altTextMissing &&
    filter.notTranslatedInto === null
  );
}

/** An image needs alt text in the library's default language before it can be published. */
export function altTextMissing(item: Item, defaultLanguage: string): boolean {
  return item.kind === 'image' && !hasText(item.altText, defaultLanguage);
}

export function rightsMissing(item: Item): boolean {
  return !item.rights;
}

/** Title missing, or a description/alt text/transcript that exists elsewhere but not in `lang`. */
export function notTranslated(item: Item, lang: string): boolean {
  if (!hasText(item.title, lang)) return true;
  for (const field of [item.description, item.altText, item.transcript]) {
    const elsewhere = Object.entries(field).some(([l, v]) => l !== lang && v.trim() !== '');
    if (elsewhere && !hasText(field, lang)) return true;
  }
  return false;
}

export function matchesFilter(item: Item, filter: FacetFilter, defaultLanguage: string): boolean {
  if (filter.kinds.length > 0 && !filter.kinds.includes(item.kind)) return false;
  if (
    filter.partnershipIds.length > 0 &&
    !item.partnershipIds.some((id) => filter.partnershipIds.includes(id))
  )
    return false;
  if (filter.decades.length > 0) {
    const decade = decadeOf(item.date);
    if (decade === null || !filter.decades.includes(decade)) return false;
  }
  if (filter.tags.length > 0 && !filter.tags.every((tag) => item.tags.includes(tag))) return false;
  if (filter.rightsMissing && !rightsMissing(item)) return false;
  if (filter.altTextMissing && !altTextMissing(item, defaultLanguage)) return false;
  if (filter.notTranslatedInto && !notTranslated(item, filter.notTranslatedInto)) return false;
  return true;
}

export interface FacetCounts {
  kinds: Map<ItemKind, number>;
  partnerships: Map<string, number>;
  decades: Map<number, number>;
  tags: Map<string, number>;
  rightsMissing: number;
  altTextMissing: number;
  notTranslated: Map<string, number>;
}

const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);

/** Counts over `items` (the search result), so each facet says what clicking it would leave. */
export function countFacets(
  items: readonly Item[],
  languages: readonly string[],
  defaultLanguage: string,
): FacetCounts {
  const counts: FacetCounts = {
    kinds: new Map(),
    partnerships: new Map(),
    decades: new Map(),
    tags: new Map(),
    rightsMissing: 0,
    altTextMissing: 0,
    notTranslated: new Map(languages.map((l) => [l, 0])),
  };
  for (const item of items) {
    bump(counts.kinds, item.kind);
    for (const id of new Set(item.partnershipIds)) bump(counts.partnerships, id);
    const decade = decadeOf(item.date);
    if (decade !== null) bump(counts.decades, decade);
    for (const tag of new Set(item.tags)) bump(counts.tags, tag);
    if (rightsMissing(item)) counts.rightsMissing += 1;
    if (altTextMissing(item, defaultLanguage)) counts.altTextMissing += 1;
    for (const lang of languages) if (notTranslated(item, lang)) bump(counts.notTranslated, lang);
  }
  return counts;
}

export const SORT_KEYS = ['date', 'title', 'added', 'partnership'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface SortOptions {
  key: SortKey;
  /** UI/content language titles and city names are read in. */
  lang: string;
  defaultLanguage: string;
  partnerships: readonly Partnership[];
}

/**
 * A new sorted array; ties fall back to the id so the order is stable across reloads.
 * Date: oldest first, undated last. Added: newest first (what was just imported on top).
 * Partnership: by the first linked partnership's city, items without one last, then by date.
 */
/** Date keys per item object: items are immutable, so an edit makes a new object and a new key. */
const dateKeys = new WeakMap<Item, string>();
function dateKey(item: Item): string {
  let key = dateKeys.get(item);
  if (key === undefined) {
    key = dateSortKey(item.date);
    dateKeys.set(item, key);
  }
  return key;
}

export function sortItems(items: readonly Item[], options: SortOptions): Item[] {
  const collator = new Intl.Collator(options.lang, { sensitivity: 'base', numeric: true });
  const byId = (a: Item, b: Item) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  switch (options.key) {
    case 'date': {
      const keyed = items.map((item) => ({ item, k: dateKey(item) }));
      keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : byId(a.item, b.item)));
      return keyed.map((e) => e.item);
    }
    case 'title': {
      const keyed = items.map((item) => ({
        item,
        k: pickText(item.title, options.lang, options.defaultLanguage),
      }));
      keyed.sort((a, b) => collator.compare(a.k, b.k) || byId(a.item, b.item));
      return keyed.map((e) => e.item);
    }
    case 'added':
      return [...items].sort((a, b) =>
        a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : byId(a, b),
      );
    case 'partnership': {
      const cities = new Map(
        options.partnerships.map((p) => [
          p.id,
          pickText(p.city, options.lang, options.defaultLanguage),
        ]),
      );
      const keyed = items.map((item) => {
        const first = item.partnershipIds.map((id) => cities.get(id)).find(Boolean);
        return { item, city: first ?? null, date: dateKey(item) };
      });
      keyed.sort((a, b) => {
        if (a.city === null && b.city !== null) return 1;
        if (b.city === null && a.city !== null) return -1;
        const c = a.city !== null && b.city !== null ? collator.compare(a.city, b.city) : 0;
        if (c !== 0) return c;
        return a.date < b.date ? -1 : a.date > b.date ? 1 : byId(a.item, b.item);
      });
      return keyed.map((e) => e.item);
    }
  }
}

/**
 * The library view in one pass: search hits (kept in relevance order only when no explicit sort
 * is wanted), facet filter, then sort.
 */
export function applyFacets(
  items: readonly Item[],
  hits: string[] | null,
  filter: FacetFilter,
  defaultLanguage: string,
): Item[] {
  let base: readonly Item[] = items;
  if (hits !== null) {
    const set = new Set(hits);
    base = items.filter((item) => set.has(item.id));
  }
  if (isFilterEmpty(filter)) return [...base];
  return base.filter((item) => matchesFilter(item, filter, defaultLanguage));
}
