import type { Item } from '../../../shared/domain';
import type { VitrineClient } from '../api/client';
import type { Creator } from './creator';
import type { ItemsSlice } from './items-types';

export type { ItemsSlice } from './items-types';

/**
 * Rows kept beyond what screens use: a few screens of scrolling back and forth at the smallest
 * thumbnails, a few megabytes at most whatever the library's size.
 */
export const ITEM_CACHE_LIMIT = 3000;
/** `items.byIds` answers at most this many per call (shared/api/query.ts). */
const BY_IDS_CHUNK = 5000;

const EMPTY_CACHE: ReadonlyMap<string, Item> = new Map();

export function createItemsSlice(client: VitrineClient): Creator<ItemsSlice> {
  return (set, get) => {
    /** How many screens use each id; used ids are never evicted and are re-fetched on change. */
    const wanted = new Map<string, number>();
    /** The revision each cached row was read at, so a late older answer cannot win. */
    const readAt = new Map<string, number>();
    /** Ids asked for and not yet answered, so two screens asking at once cost one call. */
    const inFlight = new Set<string>();
    /** Bumped on close: answers for the previous library are dropped. */
    let generation = 0;

    function receive(items: readonly Item[], revision: number): void {
      if (items.length === 0) return;
      const next = new Map(get().itemCache);
      for (const item of items) {
        if ((readAt.get(item.id) ?? -1) > revision) continue;
        readAt.set(item.id, revision);
        // Re-inserted at the end: the map's order is the order of use, oldest first.
        next.delete(item.id);
        next.set(item.id, item);
      }
      if (next.size > ITEM_CACHE_LIMIT) {
        for (const id of next.keys()) {
          if (next.size <= ITEM_CACHE_LIMIT) break;
          if (wanted.has(id)) continue;
          next.delete(id);
          readAt.delete(id);
        }
      }
      set({ itemCache: next });
    }

    function drop(ids: readonly string[]): void {
      const cache = get().itemCache;
      if (!ids.some((id) => cache.has(id))) return;
      const next = new Map(cache);
      for (const id of ids) {
        next.delete(id);
        readAt.delete(id);
      }
      set({ itemCache: next });
    }

    /** Reads `ids` from main (in chunks) into the cache; ids main no longer has are dropped. */
    async function fetch(ids: readonly string[]): Promise<void> {
      const mine = generation;
      for (let start = 0; start < ids.length; start += BY_IDS_CHUNK) {
        const chunk = ids.slice(start, start + BY_IDS_CHUNK);
        for (const id of chunk) inFlight.add(id);
        const answer = await client.call('items.byIds', { ids: chunk });
        for (const id of chunk) inFlight.delete(id);
        if (mine !== generation || !answer.ok) return;
        receive(answer.value.items, answer.value.revision);
        drop(answer.value.missing);
      }
    }

    return {
      itemCache: EMPTY_CACHE,
      itemsEpoch: 0,

      itemsReceived: receive,

      itemsWanted(ids) {
        for (const id of ids) wanted.set(id, (wanted.get(id) ?? 0) + 1);
        const cache = get().itemCache;
        const missing = ids.filter((id) => !cache.has(id) && !inFlight.has(id));
        if (missing.length > 0) void fetch([...new Set(missing)]);
        let released = false;
        return () => {
          if (released) return;
          released = true;
          for (const id of ids) {
            const n = (wanted.get(id) ?? 1) - 1;
            if (n <= 0) wanted.delete(id);
            else wanted.set(id, n);
          }
        };
      },

      async itemsChanged(changes) {
        set((s) => ({ itemsEpoch: s.itemsEpoch + 1 }));
        const cache = get().itemCache;
        if (changes === null) {
          // Unknown which: what screens use is read again; the library's windows are asked
          // again because of the epoch, which refreshes their rows.
          await fetch([...wanted.keys()]);
          return;
        }
        drop(changes.removed);
        const stale = changes.upserted.filter((id) => cache.has(id) || wanted.has(id));
        if (stale.length > 0) await fetch(stale);
      },

      itemCacheClosed() {
        // `wanted` stays: screens still mounted (a restore reopens the library under them) are
        // served again by the next `itemsChanged(null)`.
        generation += 1;
        readAt.clear();
        inFlight.clear();
        set((s) => ({ itemCache: EMPTY_CACHE, itemsEpoch: s.itemsEpoch + 1 }));
      },
    };
  };
}
