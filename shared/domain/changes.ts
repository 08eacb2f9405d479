import { z } from 'zod';
import { COLLECTIONS, type CollectionName } from './library';

/** The ids one collection's change touched: written anew (created or edited) or removed. */
export const CollectionChanges = z.object({
  upserted: z.array(z.string()),
  removed: z.array(z.string()),
});
export type CollectionChanges = z.infer<typeof CollectionChanges>;

/**
 * Which entities a committed change touched, per collection; collections it did not touch are
 * absent. Listeners update just these rows instead of reloading the whole library.
 */
export const EntityChanges = z.object(
  Object.fromEntries(COLLECTIONS.map((c) => [c, CollectionChanges.optional()])) as {
    [C in CollectionName]: z.ZodOptional<typeof CollectionChanges>;
  },
);
export type EntityChanges = z.infer<typeof EntityChanges>;

/** Builds the changes of an overlay (id → new value, or null when removed), omitting empty ones. */
export function entityChangesOf(changes: {
  [C in CollectionName]: ReadonlyMap<string, unknown>;
}): EntityChanges {
  const out: EntityChanges = {};
  for (const c of COLLECTIONS) {
    const upserted: string[] = [];
    const removed: string[] = [];
    for (const [id, value] of changes[c]) (value ? upserted : removed).push(id);
    if (upserted.length + removed.length > 0) out[c] = { upserted, removed };
  }
  return out;
}
