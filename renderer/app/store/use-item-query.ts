import { useEffect, useState } from 'react';
import type { ApiInput, ItemQueryResult } from '../../../shared/api';
import type { ErrorData } from '../../../shared/errors';
import { useApp, useAppStore } from './index';

export interface ItemQueryState {
  result: ItemQueryResult | null;
  error: ErrorData | null;
  loading: boolean;
}

/**
 * What an item picker or list shows: the answer of main's search for `input`, asked again when
 * the input or the library's revision changes. Answers that arrive after a newer question are
 * dropped, so fast typing never shows an older result last. `null` input asks nothing.
 */
export function useItemQuery(input: ApiInput<'items.query'> | null): ItemQueryState {
  const store = useAppStore();
  const revision = useApp((s) => s.snapshot?.revision ?? s.library?.revision ?? 0);
  const key = input === null ? null : JSON.stringify(input);
  const [state, setState] = useState<ItemQueryState>({ result: null, error: null, loading: false });
  useEffect(() => {
    if (key === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    void store
      .getState()
      .itemsQueried(JSON.parse(key) as ApiInput<'items.query'>)
      .then((answer) => {
        if (!live) return;
        setState(
          answer.ok
            ? { result: answer.value, error: null, loading: false }
            : { result: null, error: answer.error, loading: false },
        );
      });
    return () => {
      live = false;
    };
  }, [store, key, revision]);
  return state;
}
