import { afterEach, describe, expect, it } from 'vitest';
import { startStoreRig } from './rig';

const NOW = '2024-05-01T10:00:00.000Z';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The store's query actions reach main's search index through the real client and handlers. */
describe('query slice', () => {
  it('asks main for a window of items and for items by id; closing resets each slice', async () => {
    const { store, dispose } = await startStoreRig('vitrine-query-');
    cleanups.push(dispose);
    await store.getState().createDialogRequested('Abfragen');
    const items = ['Rathaus Dortmund', 'Hafen Amiens', 'Rathaus Leeds'].map((title, i) => ({
      type: 'putItem' as const,
      item: {
        id: `item-${i}`,
        kind: 'image' as const,
        title: { de: title },
        createdAt: NOW,
        updatedAt: NOW,
      },
    }));
    const applied = await store.getState().commandSubmitted({ type: 'batch', commands: items });
    expect(applied.ok).toBe(true);

    const answer = await store.getState().itemsQueried({ text: 'rathaus', sort: 'title' });
    expect(answer.ok && answer.value.items.map((i) => i.id)).toEqual(['item-0', 'item-2']);
    expect(answer.ok && answer.value.facetCounts.kinds).toEqual({ image: 2 });
    const byIds = await store.getState().itemsByIdsRequested(['item-1', 'nope']);
    expect(byIds.ok && byIds.value.items.map((i) => i.title.de)).toEqual(['Hafen Amiens']);

    store.getState().itemsSelected(['item-1']);
    store.getState().libraryQueryChanged('hafen');
    store.getState().sectionSelected('exhibitions');
    await store.getState().libraryCloseRequested();
    const s = store.getState();
    expect(s.library).toBeNull();
    expect(s.snapshot).toBeNull();
    expect(s.history).toEqual({ past: [], future: [] });
    expect(s.selectedItemIds).toEqual([]);
    expect(s.libraryQuery).toBe('');
    expect(s.section).toBe('library');
    const closed = await s.itemsQueried({});
    expect(closed).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
