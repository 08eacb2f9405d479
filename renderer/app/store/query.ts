import type { VitrineClient } from '../api/client';
import type { Creator } from './creator';
import type { QuerySlice } from './query-types';

export type { QuerySlice } from './query-types';

export function createQuerySlice(client: VitrineClient): Creator<QuerySlice> {
  return () => ({
    itemsQueried: (input) => client.call('items.query', input),
    itemsByIdsRequested: (ids) => client.call('items.byIds', { ids: [...ids] }),
  });
}
