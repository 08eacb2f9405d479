import MiniSearch from 'minisearch';
import type { z } from 'zod';
import {
  TAG_COUNT_LIMIT,
  type FacetCountsData,
  type ItemQueryInput,
  type ItemQueryResult,
  type ItemsByIdsResult,
} from '../../../shared/api/query';
import type { Item } from '../../../shared/domain';
import {
  countFacets,
  isFilterEmpty,
  matchesFilter,
  sortItems,
  type FacetCounts,
  type SortKey,
} from '../../../shared/query/facets';
import {
  citiesOf,
  fuzzyFor,
  processSearchTerm,
  SEARCH_BOOST,
  SEARCH_FIELDS,
  toSearchDoc,
  type SearchDoc,
} from '../../../shared/query/search-doc';
import type { ChangeEvent, Library } from '../library';

/** The parsed query (defaults applied), as the handler receives it. */
export type ItemQuery = z.output<typeof ItemQueryInput>;

export interface ItemIndex {
  /** One window of the library by text, facets and sort, with the hits' facet counts. */
  query(input: ItemQuery): Promise<ItemQueryResult>;
  byIds(ids: readonly string[]): ItemsByIdsResult;
  /** Resolves once the text index holds every item present when it was (re)built. */
  readonly ready: Promise<void>;
  /** Milliseconds the last full text-index build took (null while it runs). */
  readonly buildMs: number | null;
  /** Stops listening to the library and any build still running. */
  dispose(): void;
}

/** Documents added per turn of the event loop while building, so calls keep being answered. */
const BUILD_SLICE = 2000;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The main-process search index over one open library (issue 10 §2). Text goes through
 * MiniSearch (prefix and small-typo matching, diacritics folded, all languages of an item in
 * one document); facets and sort run over the store's items with the same rules the page used
 * (shared/query/facets), with the sorted order and the whole library's facet counts cached per
 * revision so a facet click or a keystroke does not sort or count 50,000 items again.
 *
 * The text index is built in slices after the library opened, never blocking the open; text
 * queries that arrive meanwhile wait for it. Store changes update it incrementally.
 */
export function createItemIndex(library: Library): ItemIndex {
  const newMini = () =>
    new MiniSearch<SearchDoc>({
      fields: [...SEARCH_FIELDS],
      idField: 'id',
      processTerm: processSearchTerm,
      searchOptions: { boost: SEARCH_BOOST, prefix: true, fuzzy: fuzzyFor, combineWith: 'AND' },
    });
  let mini = newMini();
  /** Item object per id as indexed: items are immutable, so a new object means an edit. */
  let indexed = new Map<string, Item>();
  let cities = new Map<string, string>();
  let citiesKey = '';
  let disposed = false;
  let building = false;
  /** A change arrived while building: compare everything once the build is done. */
  let staleDuringBuild = false;
  let buildMs: number | null = null;

  const keyOf = (map: Map<string, string>) => [...map].map(([id, c]) => `${id}=${c}`).join('|');

  async function build(): Promise<void> {
    building = true;
    const started = performance.now();
    const snapshot = library.snapshot();
    cities = citiesOf(snapshot.partnerships);
    citiesKey = keyOf(cities);
    mini = newMini();
    indexed = new Map();
    const items = snapshot.items;
    for (let start = 0; start < items.length; start += BUILD_SLICE) {
      if (disposed) return;
      const slice = items.slice(start, start + BUILD_SLICE);
      mini.addAll(slice.map((item) => toSearchDoc(item, cities)));
      for (const item of slice) indexed.set(item.id, item);
      if (start + BUILD_SLICE < items.length) await yieldToLoop();
    }
    buildMs = performance.now() - started;
    building = false;
    if (staleDuringBuild) {
      staleDuringBuild = false;
      syncAll();
    }
  }

  function put(item: Item): void {
    const before = indexed.get(item.id);
    if (before === item) return;
    if (before) mini.replace(toSearchDoc(item, cities));
    else mini.add(toSearchDoc(item, cities));
    indexed.set(item.id, item);
  }

  function drop(id: string): void {
    if (!indexed.has(id)) return;
    mini.discard(id);
    indexed.delete(id);
  }

  /** Brings the text index in line with the store by object identity. */
  function syncAll(): void {
    const items = library.snapshot().items;
    const present = new Set<string>();
    for (const item of items) {
      present.add(item.id);
      put(item);
    }
    for (const id of [...indexed.keys()]) if (!present.has(id)) drop(id);
  }

  let ready = build();

  // The store's events name the ids they touched: only those items are read again.
  const stopListening = library.onChange((event: ChangeEvent) => {
    if (disposed) return;
    if (building) {
      staleDuringBuild = true;
      return;
    }
    const nextCities = citiesOf(library.snapshot().partnerships);
    const nextKey = keyOf(nextCities);
    if (nextKey !== citiesKey) {
      // City names are indexed with every linked item: a renamed city means reading all again.
      ready = build();
      return;
    }
    const items = event.changed.items;
    if (items) {
      for (const id of items.removed) drop(id);
      for (const id of items.upserted) {
        const item = library.get('items', id);
        if (item) put(item);
        else drop(id);
      }
    }
  });

  // Caches keyed by revision: any change makes them stale, and they are rebuilt on demand.
  let sorted: { revision: number; key: string; items: Item[] } | null = null;
  const counted = new Map<string, { revision: number; counts: FacetCounts }>();

  function sortedItems(sort: SortKey, lang: string): Item[] {
    const key = `${sort}|${lang}`;
    if (sorted && sorted.revision === library.revision && sorted.key === key) return sorted.items;
    const snapshot = library.snapshot();
    const items = sortItems(snapshot.items, {
      key: sort,
      lang,
      defaultLanguage: snapshot.manifest.defaultLanguage,
      partnerships: snapshot.partnerships,
    });
    sorted = { revision: library.revision, key, items };
    return items;
  }

  function countsFor(text: string, base: readonly Item[]): FacetCounts {
    const hit = counted.get(text);
    if (hit && hit.revision === library.revision) return hit.counts;
    const { manifest } = library.snapshot();
    const counts = countFacets(base, manifest.languages, manifest.defaultLanguage);
    // The whole library's counts and the last search's: a facet click reuses them.
    if (counted.size > 4) for (const k of counted.keys()) if (k !== '') counted.delete(k);
    counted.set(text, { revision: library.revision, counts });
    return counts;
  }

  return {
    async query(input) {
      const text = input.text.trim();
      let hits: Set<string> | null = null;
      if (text !== '') {
        await ready;
        hits = new Set(mini.search(text).map((r) => String(r.id)));
      }
      const all = sortedItems(input.sort, input.lang);
      const base = hits === null ? all : all.filter((item) => hits.has(item.id));
      const { manifest } = library.snapshot();
      const counts = countsFor(text, base);
      const filter = input.filter;
      const result = isFilterEmpty(filter)
        ? base
        : base.filter((item) => matchesFilter(item, filter, manifest.defaultLanguage));
      return {
        revision: library.revision,
        total: result.length,
        offset: input.offset,
        items: result.slice(input.offset, input.offset + input.limit),
        ...(input.withIds ? { ids: result.map((item) => item.id) } : {}),
        facetCounts: countsData(counts, filter.tags),
      };
    },
    byIds(ids) {
      const items: Item[] = [];
      const missing: string[] = [];
      for (const id of ids) {
        const item = library.get('items', id);
        if (item) items.push(item);
        else missing.push(id);
      }
      return { revision: library.revision, items, missing };
    },
    get ready() {
      return ready;
    },
    get buildMs() {
      return buildMs;
    },
    dispose() {
      disposed = true;
      stopListening();
    },
  };
}

/** Maps to plain records for the wire; tags trimmed to the most used plus those filtered on. */
function countsData(counts: FacetCounts, filteredTags: readonly string[]): FacetCountsData {
  const record = <K>(map: Map<K, number>) =>
    Object.fromEntries([...map].map(([k, n]) => [String(k), n]));
  const tags = [...counts.tags]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, TAG_COUNT_LIMIT);
  for (const tag of filteredTags)
    if (!tags.some(([t]) => t === tag)) tags.push([tag, counts.tags.get(tag) ?? 0]);
  return {
    kinds: record(counts.kinds),
    partnerships: record(counts.partnerships),
    decades: record(counts.decades),
    tags,
    rightsMissing: counts.rightsMissing,
    altTextMissing: counts.altTextMissing,
    notTranslated: record(counts.notTranslated),
  };
}
