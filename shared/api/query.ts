import { z } from 'zod';
import { Id, Item, ItemKind } from '../domain';
import { SORT_KEYS } from '../query/facets';

/**
 * The library asked for what a screen shows instead of holding all of it (issue 10 §2): a
 * window of items by text, facets and sort, with the facet counts of the text's hits; and items
 * by id for the editors and the preview. Main answers from its search index (core/search).
 */

/** What the facet panel narrows by; the same shape as the page's `FacetFilter`. */
export const ItemFilterSchema = z.strictObject({
  kinds: z.array(ItemKind).max(20).default([]),
  partnershipIds: z.array(Id).max(500).default([]),
  decades: z.array(z.number().int().min(-10000).max(10000)).max(500).default([]),
  tags: z.array(z.string().max(200)).max(100).default([]),
  rightsMissing: z.boolean().default(false),
  altTextMissing: z.boolean().default(false),
  notTranslatedInto: z.string().min(2).max(20).nullable().default(null),
});

export const ITEM_QUERY_MAX_LIMIT = 500;

export const ItemQueryInput = z.strictObject({
  /** Words as typed; blank means every item. Every word must match (prefixes, small typos). */
  text: z.string().max(500).default(''),
  filter: ItemFilterSchema.default(ItemFilterSchema.parse({})),
  /** The order of the whole result, also while searching (as the library view does). */
  sort: z.enum(SORT_KEYS).default('date'),
  /** Language titles and city names are sorted in (the UI language). */
  lang: z.string().min(2).max(20).default('de'),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(0).max(ITEM_QUERY_MAX_LIMIT).default(100),
  /** Also answer the ids of the whole result (selection ranges, "select all"); off by default. */
  withIds: z.boolean().default(false),
});
export type ItemQueryInput = z.input<typeof ItemQueryInput>;

const count = z.number().int().nonnegative();

/**
 * Counts over the text's hits before the facet filter, so each facet says what ticking it
 * would leave. Tags: the most used first, at most `TAG_COUNT_LIMIT`, plus every tag filtered on.
 */
export const FacetCountsSchema = z.object({
  kinds: z.record(z.string(), count),
  partnerships: z.record(z.string(), count),
  /** Decade (1960, 1970 …) as a string key. */
  decades: z.record(z.string(), count),
  tags: z.array(z.tuple([z.string(), count])),
  rightsMissing: count,
  altTextMissing: count,
  notTranslated: z.record(z.string(), count),
});
export type FacetCountsData = z.infer<typeof FacetCountsSchema>;
export const TAG_COUNT_LIMIT = 50;

export const ItemQueryResult = z.object({
  /** Library revision the answer was computed at; the page drops answers older than it holds. */
  revision: count,
  /** Items matching text and filter; `items` is the window [offset, offset + limit). */
  total: count,
  offset: count,
  items: z.array(Item),
  /** Ids of the whole result in order, only when asked for with `withIds`. */
  ids: z.array(Id).optional(),
  facetCounts: FacetCountsSchema,
});
export type ItemQueryResult = z.infer<typeof ItemQueryResult>;

export const ItemsByIdsInput = z.strictObject({ ids: z.array(Id).max(5000) });

export const ItemsByIdsResult = z.object({
  revision: count,
  /** The items found, in the order asked; unknown ids are listed in `missing`. */
  items: z.array(Item),
  missing: z.array(Id),
});
export type ItemsByIdsResult = z.infer<typeof ItemsByIdsResult>;
