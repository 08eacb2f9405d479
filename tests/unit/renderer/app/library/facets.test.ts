import { describe, expect, it } from 'vitest';
import type { Item, Partnership } from '../../../../../shared/domain';
import {
  applyFacets,
  countFacets,
  EMPTY_FILTER,
  matchesFilter,
  notTranslated,
  sortItems,
} from '../../../../../renderer/app/library/facets';

const T = '2024-01-01T00:00:00.000Z';

function item(id: string, over: Partial<Item> = {}): Item {
  return {
    id,
    kind: 'image',
    media: [],
    title: { de: id },
    description: {},
    altText: {},
    transcript: {},
    tags: [],
    places: [],
    partnershipIds: [],
    createdAt: T,
    updatedAt: T,
    ...over,
  };
}

function partnership(id: string, city: string): Partnership {
  return {
    id,
    city: { de: city },
    country: 'GB',
    kind: 'twin-city',
    status: 'active',
    summary: {},
    history: [],
    createdAt: T,
    updatedAt: T,
  };
}

const rights = { statement: 'CC0-1.0' as const, creditLine: {} };

describe('facets', () => {
  const items = [
    item('a', { kind: 'image', date: '1974', tags: ['rathaus'], partnershipIds: ['leeds'] }),
    item('b', { kind: 'audio', date: '197X', rights, title: { de: 'B', en: 'B' } }),
    item('c', { kind: 'image', date: '1981-05-02', altText: { de: 'Alt' }, rights }),
    item('d', {
      kind: 'document',
      tags: ['rathaus', 'brief'],
      partnershipIds: ['leeds', 'amiens'],
    }),
  ];

  it('filters by kind, partnership, decade and tags (all tags must match)', () => {
    expect(
      applyFacets(items, null, { ...EMPTY_FILTER, kinds: ['image'] }, 'de').map((i) => i.id),
    ).toEqual(['a', 'c']);
    expect(
      applyFacets(items, null, { ...EMPTY_FILTER, partnershipIds: ['amiens'] }, 'de').map(
        (i) => i.id,
      ),
    ).toEqual(['d']);
    expect(
      applyFacets(items, null, { ...EMPTY_FILTER, decades: [1970] }, 'de').map((i) => i.id),
    ).toEqual(['a', 'b']);
    expect(
      applyFacets(items, null, { ...EMPTY_FILTER, tags: ['rathaus', 'brief'] }, 'de').map(
        (i) => i.id,
      ),
    ).toEqual(['d']);
  });

  it('finds missing rights, missing alt text on images only, and untranslated items', () => {
    expect(
      applyFacets(items, null, { ...EMPTY_FILTER, rightsMissing: true }, 'de').map((i) => i.id),
    ).toEqual(['a', 'd']);
    expect(
      applyFacets(items, null, { ...EMPTY_FILTER, altTextMissing: true }, 'de').map((i) => i.id),
    ).toEqual(['a']);
    expect(
      applyFacets(items, null, { ...EMPTY_FILTER, notTranslatedInto: 'en' }, 'de').map((i) => i.id),
    ).toEqual(['a', 'c', 'd']);
  });

  it('treats a description present elsewhere but missing in the language as untranslated', () => {
    const x = item('x', { title: { de: 'T', en: 'T' }, description: { de: 'Text' } });
    expect(notTranslated(x, 'en')).toBe(true);
    expect(notTranslated({ ...x, description: { de: 'Text', en: '  ' } }, 'en')).toBe(true);
    expect(notTranslated({ ...x, description: { de: 'Text', en: 'Text' } }, 'en')).toBe(false);
  });

  it('intersects with search hits and keeps the library order', () => {
    expect(applyFacets(items, ['d', 'a'], EMPTY_FILTER, 'de').map((i) => i.id)).toEqual(['a', 'd']);
    expect(applyFacets(items, [], EMPTY_FILTER, 'de')).toEqual([]);
  });

  it('counts what each facet would leave', () => {
    const counts = countFacets(items, ['de', 'en'], 'de');
    expect(counts.kinds.get('image')).toBe(2);
    expect(counts.partnerships.get('leeds')).toBe(2);
    expect(counts.decades.get(1970)).toBe(2);
    expect(counts.decades.get(1980)).toBe(1);
    expect(counts.tags.get('rathaus')).toBe(2);
    expect(counts.rightsMissing).toBe(2);
    expect(counts.altTextMissing).toBe(1);
    expect(counts.notTranslated.get('en')).toBe(3);
    expect(counts.notTranslated.get('de')).toBe(0);
    expect(matchesFilter(items[0]!, EMPTY_FILTER, 'de')).toBe(true);
  });
});

describe('sortItems', () => {
  const ps = [partnership('leeds', 'Leeds'), partnership('amiens', 'Amiens')];
  const items = [
    item('u', { title: { de: 'Zebra' }, createdAt: '2024-03-01T00:00:00.000Z' }),
    item('v', {
      title: { de: 'Äpfel' },
      date: '1990',
      partnershipIds: ['leeds'],
      createdAt: '2024-01-01T00:00:00.000Z',
    }),
    item('w', {
      title: { de: 'apfel 10' },
      date: '197X',
      partnershipIds: ['amiens'],
      createdAt: '2024-02-01T00:00:00.000Z',
    }),
    item('x', {
      title: { de: 'apfel 9' },
      date: '1974-05',
      partnershipIds: ['leeds'],
      createdAt: '2024-02-01T00:00:00.000Z',
    }),
  ];
  const sort = (key: 'date' | 'title' | 'added' | 'partnership') =>
    sortItems(items, { key, lang: 'de', defaultLanguage: 'de', partnerships: ps }).map((i) => i.id);

  it('sorts by date with undated last', () => expect(sort('date')).toEqual(['w', 'x', 'v', 'u']));
  it('sorts titles by locale with numbers in order', () =>
    expect(sort('title')).toEqual(['v', 'x', 'w', 'u']));
  it('sorts newest added first, ties by id', () =>
    expect(sort('added')).toEqual(['u', 'w', 'x', 'v']));
  it('sorts by partnership city, then date, unlinked last', () =>
    expect(sort('partnership')).toEqual(['w', 'x', 'v', 'u']));
});
