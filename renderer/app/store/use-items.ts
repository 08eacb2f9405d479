import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Item } from '../../../shared/domain';
import { useApp, useAppStore } from './index';

/**
 * The items a screen uses, by id, from the page's cache (issue 10 §2): missing ones are asked
 * from main, and they are kept fresh while the screen shows them. Ids not (yet) loaded, or no
 * longer in the library, are absent from the answer; the order is that of `ids`.
 */
export function useItems(ids: readonly string[]): Item[] {
  const store = useAppStore();
  const key = ids.join('\n');
  const stableIds = useMemo(() => (key === '' ? [] : key.split('\n')), [key]);
  useEffect(() => store.getState().itemsWanted(stableIds), [store, stableIds]);
  return useApp(
    useShallow((s) => {
      const out: Item[] = [];
      for (const id of stableIds) {
        const item = s.itemCache.get(id);
        if (item) out.push(item);
      }
      return out;
    }),
  );
}

/** One item by id (the editor's), or undefined while it loads or when it is gone. */
export function useItem(id: string | null): Item | undefined {
  const items = useItems(id === null ? [] : [id]);
  return items[0];
}
