// The item cache's state and actions, apart from their implementation so that types.ts can
// compose AppState without importing the slice (no type cycle).
import type { CollectionChanges, Item } from '../../../shared/domain';

/**
 * The items the page has seen (issue 10 §2): rows of the library's query windows and the items
 * editors, pickers and the preview asked for by id. Bounded; what a screen still uses stays.
 */
export interface ItemsSlice {
  /** Items by id, most recently received last. Replaced (never mutated) on every change. */
  itemCache: ReadonlyMap<string, Item>;
  /**
   * Bumped when items were created, edited or removed: a query's answer (membership, order,
   * facet counts) may differ now, so screens showing one ask again.
   */
  itemsEpoch: number;

  /** Query or by-id answers computed at `revision`; an older answer never replaces a newer row. */
  itemsReceived(items: readonly Item[], revision: number): void;
  /**
   * A screen uses these items: they are fetched when missing and kept in the cache until the
   * returned release is called.
   */
  itemsWanted(ids: readonly string[]): () => void;
  /**
   * Items changed in main: re-fetch the changed ones the page holds, drop removed ones and bump
   * the epoch. `null` when what changed is unknown (an import answered only a revision).
   */
  itemsChanged(changes: CollectionChanges | null): Promise<void>;
  /** The library closed (or another opened): nothing cached belongs to the next one. */
  itemCacheClosed(): void;
}
