import { afterEach, describe, expect, it, vi } from 'vitest';
import { Item } from '../../../../../shared/domain';
import { changesOfCommand } from '../../../../../renderer/app/store/command-changes';
import { ITEM_CACHE_LIMIT } from '../../../../../renderer/app/store/items';
import { startStoreRig } from './rig';

const NOW = '2024-05-01T10:00:00.000Z';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const item = (id: string, title: string): Item =>
  Item.parse({ id, kind: 'image', title: { de: title }, createdAt: NOW, updatedAt: NOW });

describe('changesOfCommand', () => {
  it('names the ids a command writes or removes, per collection, and a manifest update', () => {
    expect(
      changesOfCommand({
        type: 'batch',
        commands: [
          { type: 'putItem', item: item('a', 'A') },
          { type: 'delete', collection: 'items', id: 'b' },
          { type: 'updateManifest', name: 'Neu' },
        ],
      }),
    ).toEqual({ changed: { items: { upserted: ['a'], removed: ['b'] } }, manifest: true });
    expect(changesOfCommand({ type: 'delete', collection: 'awards', id: 'x' })).toEqual({
      changed: { awards: { upserted: [], removed: ['x'] } },
      manifest: false,
    });
  });
});

/** The page's item cache over the real client and handlers (issue 10 §2). */
describe('item cache', () => {
  it('loads wanted items by id, re-reads only changed ones it holds, drops removed ones', async () => {
    const { store, service, dispose } = await startStoreRig('vitrine-items-');
    cleanups.push(dispose);
    await store.getState().createDialogRequested('Cache');
    const put = (i: Item) => ({ type: 'putItem' as const, item: i });
    const applied = await store.getState().commandSubmitted({
      type: 'batch',
      commands: [put(item('a', 'Rathaus')), put(item('b', 'Hafen')), put(item('c', 'Kirche'))],
    });
    expect(applied.ok).toBe(true);
    expect(store.getState().itemCache.size).toBe(0);

    const release = store.getState().itemsWanted(['a', 'b', 'gone']);
    await vi.waitFor(() => expect([...store.getState().itemCache.keys()]).toEqual(['a', 'b']));
    const epoch = store.getState().itemsEpoch;
    const c = store.getState().itemCache;

    // An edit through this page: the edited row is read again, the other one is kept as it was.
    await store.getState().commandSubmitted(put(item('a', 'Rathaus, Ostfassade')));
    expect(store.getState().itemCache.get('a')?.title.de).toBe('Rathaus, Ostfassade');
    expect(store.getState().itemCache.get('b')).toBe(c.get('b'));
    expect(store.getState().itemsEpoch).toBeGreaterThan(epoch);
    // An item the page does not hold is not fetched when it changes.
    await store.getState().commandSubmitted(put(item('c', 'Dom')));
    expect(store.getState().itemCache.has('c')).toBe(false);

    // Another window deletes one the page holds: the event names it and the row goes.
    const deleted = await service.dispatch('library.apply', {
      command: { type: 'delete', collection: 'items', id: 'b' },
    });
    expect(deleted.ok).toBe(true);
    await vi.waitFor(() => expect(store.getState().itemCache.has('b')).toBe(false));
    release();

    await store.getState().libraryCloseRequested();
    expect(store.getState().itemCache.size).toBe(0);
  });

  it('stays bounded, keeping what screens use and dropping the oldest other rows', async () => {
    const { store, dispose } = await startStoreRig('vitrine-items-bound-');
    cleanups.push(dispose);
    await store.getState().createDialogRequested('Grenze');
    store.getState().itemsReceived([item('kept', 'Behalten')], 1);
    const release = store.getState().itemsWanted(['kept']);
    const rows = Array.from({ length: ITEM_CACHE_LIMIT + 10 }, (_, i) => item(`r${i}`, `R ${i}`));
    store.getState().itemsReceived(rows, 1);
    const cache = store.getState().itemCache;
    expect(cache.size).toBe(ITEM_CACHE_LIMIT);
    expect(cache.has('kept')).toBe(true);
    expect(cache.has('r0')).toBe(false);
    expect(cache.has(`r${ITEM_CACHE_LIMIT + 9}`)).toBe(true);
    // An answer computed at an older revision does not replace a newer row.
    store.getState().itemsReceived([item('kept', 'Alt')], 0);
    expect(store.getState().itemCache.get('kept')?.title.de).toBe('Behalten');
    release();
  });
});
