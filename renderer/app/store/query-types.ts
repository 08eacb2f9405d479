// The query slice's actions, apart from their implementation so that types.ts can compose
// AppState without importing the slice (no type cycle).
import type { ApiInput, ApiResult, ItemQueryResult, ItemsByIdsResult } from '../../../shared/api';

/**
 * The library asked for what a screen shows (issue 10 §2): main answers from its search index.
 * Actions only — what a screen asked for stays with the screen (see `useItemQuery`).
 */
export interface QuerySlice {
  /** One window of items by text, facets and sort, with facet counts. */
  itemsQueried(input: ApiInput<'items.query'>): Promise<ApiResult<ItemQueryResult>>;
  /** The items a screen uses (editor, preview, check, pickers), by id. */
  itemsByIdsRequested(ids: readonly string[]): Promise<ApiResult<ItemsByIdsResult>>;
}
