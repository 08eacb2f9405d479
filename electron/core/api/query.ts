import type { Library } from '../library';
import { createItemIndex, type ItemIndex } from '../search/item-index';
import type { ApiEmitter } from './events';
import type { ApiHandlers } from './dispatch';

type QueryMethods = 'items.query' | 'items.byIds';

export interface QueryHandlerDeps {
  /** The open library; throws NOT_FOUND when none is open. */
  library: () => Library;
  on: ApiEmitter['on'];
}

export interface QueryHandlers {
  handlers: Pick<ApiHandlers, QueryMethods>;
  /** The index of the open library (tests and the bench read its build time). */
  indexOf(library: Library): ItemIndex;
}

/**
 * The library's query API (issue 10 §2) over one search index per open library. The index is
 * started as soon as a library is opened (the `libraryChanged` event with `reopened`), so the
 * first search usually finds it built; it is dropped when another library opens or this closes.
 */
export function createQueryHandlers(deps: QueryHandlerDeps): QueryHandlers {
  let current: { library: Library; index: ItemIndex } | null = null;

  function indexOf(library: Library): ItemIndex {
    if (current?.library !== library) {
      current?.index.dispose();
      current = { library, index: createItemIndex(library) };
    }
    return current.index;
  }

  deps.on('libraryChanged', ({ reopened }) => {
    if (!reopened && current) return;
    let library: Library | null = null;
    try {
      library = deps.library();
    } catch {
      /* closed: nothing to index */
    }
    if (library) indexOf(library);
    else {
      current?.index.dispose();
      current = null;
    }
  });

  return {
    indexOf,
    handlers: {
      'items.query': async (input) => indexOf(deps.library()).query(input),
      'items.byIds': async ({ ids }) => indexOf(deps.library()).byIds(ids),
    },
  };
}
