import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ItemQueryResult, ItemsByIdsResult, LibrarySummary } from '../../../../../shared/api';
import { createApiHandlers, type ApiService } from '../../../../../electron/core/api';
import { scriptedDialogs, tempDir } from './helpers';

const NOW = '2024-05-01T10:00:00.000Z';
const open: ApiService[] = [];

afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

function value<T>(result: { ok: boolean; value?: unknown; error?: unknown }): T {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return result.value as T;
}

const stamps = { createdAt: NOW, updatedAt: NOW };
const leeds = {
  id: 'leeds',
  city: { de: 'Leeds', en: 'Leeds' },
  country: 'GB',
  kind: 'twin-city',
  ...stamps,
};
const zwickau = {
  id: 'zwickau',
  city: { de: 'Zwickau', en: 'Zwickau' },
  country: 'DE',
  kind: 'twin-city',
  ...stamps,
};

function item(id: string, extra: Record<string, unknown>) {
  return { id, kind: 'image', title: { de: `Objekt ${id}` }, ...stamps, ...extra };
}

/** A small library with the facets the panel shows: kind, partnership, decade, tags, rights. */
const ITEMS = [
  item('rathaus', {
    title: { de: 'Rathaus am Friedensplatz', en: 'Town hall' },
    date: '1969',
    partnershipIds: ['leeds'],
    tags: ['Architektur'],
    rights: { statement: 'CC-BY-4.0', holder: 'Stadtarchiv' },
    altText: { de: 'Das Rathaus' },
  }),
  item('cafe', {
    title: { de: 'Café Zürich', en: 'Café Zurich' },
    date: '1988',
    partnershipIds: ['zwickau'],
    tags: ['Alltag'],
  }),
  item('brief', {
    kind: 'text',
    title: { de: 'Brief aus Leeds' },
    date: '1971',
    partnershipIds: ['leeds'],
    tags: ['Alltag', 'Politik'],
    rights: { statement: 'CC0-1.0' },
  }),
  item('plakat', { kind: 'document', title: { de: 'Plakat Städtepartnerschaft' }, date: '1965' }),
];

async function libraryService() {
  const root = await tempDir();
  const s = await createApiHandlers({
    appDataDir: join(root, 'appdata'),
    lang: 'de',
    dialogs: scriptedDialogs({ newLibrary: join(root, 'lib') }),
    transport: 'web',
    version: '0.1.0-test',
    logError: () => undefined,
  });
  open.push(s);
  value<LibrarySummary>(await s.dispatch('library.createDialog', { name: 'Test' }));
  const commands = [
    { type: 'putPartnership', partnership: leeds },
    { type: 'putPartnership', partnership: zwickau },
    ...ITEMS.map((i) => ({ type: 'putItem', item: i })),
  ];
  value(await s.dispatch('library.apply', { command: { type: 'batch', commands } }));
  const query = async (input: Record<string, unknown>) =>
    value<ItemQueryResult>(await s.dispatch('items.query', input));
  return { s, query };
}

const ids = (r: ItemQueryResult) => r.items.map((i) => i.id);

describe('items.query and items.byIds', () => {
  it('answers a sorted window with the total and the whole library’s facet counts', async () => {
    const { query } = await libraryService();
    const all = await query({ sort: 'date' });
    expect(all.total).toBe(4);
    expect(ids(all)).toEqual(['plakat', 'rathaus', 'brief', 'cafe']);
    expect(all.facetCounts.kinds).toEqual({ image: 2, text: 1, document: 1 });
    expect(all.facetCounts.partnerships).toEqual({ leeds: 2, zwickau: 1 });
    expect(all.facetCounts.decades).toEqual({ '1960': 2, '1970': 1, '1980': 1 });
    expect(all.facetCounts.tags).toEqual([
      ['Alltag', 2],
      ['Architektur', 1],
      ['Politik', 1],
    ]);
    expect(all.facetCounts.rightsMissing).toBe(2);
    // Images without German alt text: only the café.
    expect(all.facetCounts.altTextMissing).toBe(1);

    const window = await query({ sort: 'date', offset: 1, limit: 2, withIds: true });
    expect(window).toMatchObject({ total: 4, offset: 1 });
    expect(ids(window)).toEqual(['rathaus', 'brief']);
    expect(window.ids).toEqual(['plakat', 'rathaus', 'brief', 'cafe']);
    expect((await query({ sort: 'title' })).items[0]!.id).toBe('brief');
  });

  it('finds text in any language, folds diacritics, matches prefixes and city names', async () => {
    const { query } = await libraryService();
    expect(ids(await query({ text: 'town hall' }))).toEqual(['rathaus']);
    expect(ids(await query({ text: 'zurich' }))).toEqual(['cafe']);
    expect(ids(await query({ text: 'STÄDTE' }))).toEqual(['plakat']);
    expect(ids(await query({ text: 'staedte' }))).toEqual([]);
    // "Leeds" is the city of two items (indexed with them) and a word in one title.
    expect(ids(await query({ text: 'leeds', sort: 'date' }))).toEqual(['rathaus', 'brief']);
    expect((await query({ text: 'nichtsdergleichen' })).total).toBe(0);
  });

  it('filters by facets while counting over the text hits before the filter', async () => {
    const { query } = await libraryService();
    const r = await query({ text: 'leeds', filter: { kinds: ['text'] } });
    expect(ids(r)).toEqual(['brief']);
    // Counts say what ticking a facet would leave of the search: both Leeds items.
    expect(r.facetCounts.kinds).toEqual({ image: 1, text: 1 });
    expect(ids(await query({ filter: { partnershipIds: ['zwickau'] } }))).toEqual(['cafe']);
    expect(ids(await query({ filter: { decades: [1960], rightsMissing: true } }))).toEqual([
      'plakat',
    ]);
    expect(ids(await query({ filter: { tags: ['Alltag', 'Politik'] } }))).toEqual(['brief']);
    // Rathaus has an English title but its German alt text is not translated.
    expect(ids(await query({ filter: { notTranslatedInto: 'en' }, sort: 'date' }))).toEqual([
      'plakat',
      'rathaus',
      'brief',
    ]);
  });

  it('follows edits, additions and deletions without a reopen', async () => {
    const { s, query } = await libraryService();
    expect((await query({ text: 'leeds' })).total).toBe(2);
    const edited = { ...ITEMS[2]!, title: { de: 'Brief aus Amiens' }, partnershipIds: [] };
    value(await s.dispatch('library.apply', { command: { type: 'putItem', item: edited } }));
    expect(ids(await query({ text: 'leeds' }))).toEqual(['rathaus']);
    expect(ids(await query({ text: 'amiens' }))).toEqual(['brief']);
    expect((await query({})).facetCounts.partnerships).toEqual({ leeds: 1, zwickau: 1 });

    value(
      await s.dispatch('library.apply', {
        command: { type: 'putItem', item: item('neu', { title: { de: 'Amiens Kathedrale' } }) },
      }),
    );
    expect(ids(await query({ text: 'amiens', sort: 'title' }))).toEqual(['neu', 'brief']);
    value(
      await s.dispatch('library.apply', {
        command: { type: 'delete', collection: 'items', id: 'brief' },
      }),
    );
    const after = await query({ text: 'amiens' });
    expect(ids(after)).toEqual(['neu']);
    expect((await query({})).total).toBe(4);

    // A renamed city is found in the items linked to it.
    const renamed = { ...zwickau, city: { de: 'Zwickau in Sachsen' } };
    value(
      await s.dispatch('library.apply', {
        command: { type: 'putPartnership', partnership: renamed },
      }),
    );
    expect(ids(await query({ text: 'sachsen' }))).toEqual(['cafe']);
  });

  it('answers items by id in the order asked, naming the missing ones', async () => {
    const { s } = await libraryService();
    const r = value<ItemsByIdsResult>(
      await s.dispatch('items.byIds', { ids: ['cafe', 'gibtsnicht', 'rathaus'] }),
    );
    expect(r.items.map((i) => i.id)).toEqual(['cafe', 'rathaus']);
    expect(r.missing).toEqual(['gibtsnicht']);
  });

  it('refuses bad input and answers NOT_FOUND without a library, in both languages', async () => {
    const { s } = await libraryService();
    const bad = await s.dispatch('items.query', { limit: 100000, sort: 'nonsense' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    value(await s.dispatch('library.close', {}));
    const none = await s.dispatch('items.query', {});
    expect(none).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await s.dispatch('items.byIds', { ids: ['x'] })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Es ist keine Bibliothek geöffnet.' },
    });
  });
});
