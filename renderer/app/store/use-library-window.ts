import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiInput, FacetCountsData } from '../../../shared/api';
import type { ErrorData } from '../../../shared/errors';
import type { FacetFilter, SortKey } from '../library/facets';
import { useApp, useAppStore } from './index';

/** Rows asked beyond the visible ones on each side, so scrolling a little shows loaded cards. */
export const WINDOW_OVERSCAN = 60;
/** Main answers at most this many rows per call (shared/api/query.ts). */
const WINDOW_MAX = 500;

export interface LibraryQuery {
  text: string;
  filter: FacetFilter;
  sort: SortKey;
  lang: string;
}

/** The rows of one question (query and epoch): result index → item id. */
interface Answer {
  key: string;
  epoch: number;
  total: number;
  /** Items in the whole library (the count line's "of N"). */
  libraryTotal: number;
  counts: FacetCountsData;
  rows: ReadonlyMap<number, string>;
}

export interface LibraryWindow {
  /** The newest answer's figures; null until the first answer arrived. */
  total: number | null;
  libraryTotal: number | null;
  counts: FacetCountsData | null;
  error: ErrorData | null;
  /** The search text of the answer on screen (it lags the typed text until main answers). */
  answeredText: string | null;
  /** The whole question (text, facets, sort, language) whose answer is on screen, as a key. */
  answeredKey: string | null;
  /** The id at a result index, if that row was loaded. */
  idAt(index: number): string | undefined;
  /** The grid shows result indexes [first, last]: rows not loaded are asked for. */
  rangeShown(first: number, last: number): void;
  /** Ids of the whole result in order (select all, ranges beyond loaded rows), from main. */
  allIds(): Promise<string[] | null>;
}

/**
 * The library grid's data (issue 10 §2): main answers the current text, facets and sort for the
 * rows on screen plus an overscan, with the facet counts in the same answer. Rows go into the
 * store's item cache; this keeps only index → id. Asked again when the question changes or the
 * store's item epoch moves (an item was created, edited or removed); until the new answer
 * arrives the previous one stays on screen, and answers to older questions are dropped.
 */
export function useLibraryWindow(query: LibraryQuery): LibraryWindow {
  const store = useAppStore();
  const epoch = useApp((s) => s.itemsEpoch);
  const key = JSON.stringify([query.text.trim(), query.filter, query.sort, query.lang]);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<ErrorData | null>(null);
  const [range, setRange] = useState({ first: 0, last: WINDOW_OVERSCAN });
  const seq = useRef(0);
  const answerRef = useRef(answer);
  answerRef.current = answer;

  useEffect(() => {
    const current = answerRef.current;
    const fresh = current !== null && current.key === key && current.epoch === epoch;
    const from = Math.max(0, range.first - WINDOW_OVERSCAN);
    let to = range.last + WINDOW_OVERSCAN;
    if (fresh) {
      to = Math.min(to, current.total - 1);
      let missing = false;
      for (let i = from; i <= to && !missing; i += 1) missing = !current.rows.has(i);
      if (!missing) return;
    }
    const mine = ++seq.current;
    const [text, filter, sort, lang] = JSON.parse(key) as [string, FacetFilter, SortKey, string];
    const input: ApiInput<'items.query'> = {
      text,
      filter,
      sort,
      lang,
      offset: from,
      limit: Math.min(WINDOW_MAX, to - from + 1),
    };
    const state = store.getState();
    void Promise.all([
      state.itemsQueried(input),
      // The count line says "n of N": N is the whole library, which a text search does not
      // answer. Main keeps the blank search's counts, so this costs little.
      text === '' ? null : state.itemsQueried({ limit: 0, lang }),
    ]).then(([result, all]) => {
      if (mine !== seq.current) return;
      if (!result.ok) {
        setError(result.error);
        return;
      }
      const { value } = result;
      store.getState().itemsReceived(value.items, value.revision);
      const kinds = (all?.ok ? all.value : value).facetCounts.kinds;
      const libraryTotal = Object.values(kinds).reduce((a, b) => a + b, 0);
      setError(null);
      setAnswer((before) => {
        const keep = before !== null && before.key === key && before.epoch === epoch;
        const rows = new Map(keep ? before.rows : []);
        value.items.forEach((item, i) => rows.set(value.offset + i, item.id));
        return {
          key,
          epoch,
          total: value.total,
          libraryTotal,
          counts: value.facetCounts,
          rows,
        };
      });
    });
  }, [store, key, epoch, range]);

  const idAt = useCallback((index: number) => answer?.rows.get(index), [answer]);
  const rangeShown = useCallback((first: number, last: number) => {
    setRange((r) => (r.first === first && r.last === last ? r : { first, last }));
  }, []);
  const allIds = useCallback(async () => {
    const [text, filter, sort, lang] = JSON.parse(key) as [string, FacetFilter, SortKey, string];
    const result = await store
      .getState()
      .itemsQueried({ text, filter, sort, lang, limit: 0, withIds: true });
    return result.ok ? (result.value.ids ?? []) : null;
  }, [store, key]);

  return {
    total: answer?.total ?? null,
    libraryTotal: answer?.libraryTotal ?? null,
    counts: answer?.counts ?? null,
    error,
    answeredText: answer === null ? null : (JSON.parse(answer.key) as [string])[0],
    answeredKey: answer?.key ?? null,
    idAt,
    rangeShown,
    allIds,
  };
}
