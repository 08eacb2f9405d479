import { describe, expect, it } from 'vitest';
import type { Item, Partnership } from '../../../../../shared/domain';
import { createItemSearchIndex, normalizeTerm } from '../../../../../renderer/app/library/search';

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

const leeds: Partnership = {
  id: 'leeds',
  city: { de: 'Leeds', en: 'Leeds' },
  country: 'GB',
  kind: 'twin-city',
  status: 'active',
  summary: {},
  history: [],
  createdAt: T,
  updatedAt: T,
};

describe('item search index', () => {
  it('finds words in every language and field, prefix and diacritics-insensitive', () => {
    const index = createItemSearchIndex();
    const items = [
      item('a', { title: { de: 'Rathaus Dortmund', en: 'Town hall Dortmund' } }),
      item('b', { description: { fr: 'Le café de la gare' }, creator: 'Erika Muster' }),
      item('c', { tags: ['Städtepartnerschaft'], partnershipIds: ['leeds'] }),
      item('d', {
        transcript: { ar: 'مرحبا بكم' },
        rights: { statement: 'InC', holder: 'Stadtarchiv', creditLine: { en: 'Photo: Jane Doe' } },
      }),
    ];
    index.sync(items, [leeds]);
    expect(index.size).toBe(4);
    expect(index.search('town')).toEqual(['a']);
    expect(index.search('rathaus')).toEqual(['a']);
    expect(index.search('cafe')).toEqual(['b']);
    expect(index.search('musté')).toEqual(['b']);
    expect(index.search('stadtepartner')).toEqual(['c']);
    expect(index.search('leeds')).toEqual(['c']);
    expect(index.search('مرحبا')).toEqual(['d']);
    expect(index.search('jane stadtarchiv')).toEqual(['d']);
    expect(index.search('town cafe')).toEqual([]);
    expect(index.search('   ')).toBeNull();
  });

  it('follows edits, removals and city renames incrementally', () => {
    const index = createItemSearchIndex();
    const a = item('a', { title: { de: 'Alt' } });
    const b = item('b', { title: { de: 'Brief' }, partnershipIds: ['leeds'] });
    index.sync([a, b], [leeds]);
    expect(index.search('brief')).toEqual(['b']);
    const a2 = { ...a, title: { de: 'Neu', en: 'Harbour' } };
    index.sync([a2], [leeds]);
    expect(index.size).toBe(1);
    expect(index.search('alt')).toEqual([]);
    expect(index.search('harbour')).toEqual(['a']);
    expect(index.search('brief')).toEqual([]);
    index.sync([a2, b], [{ ...leeds, city: { de: 'Lids' } }]);
    expect(index.search('lids')).toEqual(['b']);
    expect(index.search('leeds')).toEqual([]);
  });

  it('normalizes terms to lower case without accents', () => {
    expect(normalizeTerm('Élysée')).toBe('elysee');
  });
});

describe('slice-wise indexing', () => {
  it('indexes a large batch in slices, yielding between them, and ends complete', async () => {
    const index = createItemSearchIndex();
    const items = Array.from({ length: 1000 }, (_, n) =>
      item(`i${n}`, { title: { de: n === 999 ? 'Hafenkran' : `Objekt ${n}` } }),
    );
    let yields = 0;
    await index.syncInSlices(items, [leeds], async () => {
      yields += 1;
    });
    expect(yields).toBeGreaterThan(1);
    expect(index.size).toBe(1000);
    expect(index.search('hafenkran')).toEqual(['i999']);
  });

  it('lets a newer sync supersede one still running, without duplicates', async () => {
    const index = createItemSearchIndex();
    const items = Array.from({ length: 1200 }, (_, n) => item(`i${n}`));
    let release: () => void = () => undefined;
    const first = index.syncInSlices(items, [leeds], () => new Promise<void>((r) => (release = r)));
    const edited = items
      .slice(0, 1100)
      .map((i, n) => (n === 5 ? { ...i, title: { de: 'Neu' } } : i));
    index.sync(edited, [leeds]);
    release();
    await first;
    expect(index.size).toBe(1100);
    expect(index.search('neu')).toEqual(['i5']);
  });
});
