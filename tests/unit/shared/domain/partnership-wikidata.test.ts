import { describe, expect, it } from 'vitest';
import { Partnership } from '../../../../shared/domain';

const base = {
  id: 'leeds',
  city: { de: 'Leeds', en: 'Leeds' },
  country: 'GB',
  kind: 'twin-city',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('partnership Wikidata id', () => {
  it('is optional, so partnerships written before it still load', () => {
    expect(Partnership.parse(base).wikidataId).toBeUndefined();
  });

  it('takes a Wikidata item id and refuses anything else', () => {
    expect(Partnership.parse({ ...base, wikidataId: 'Q39121' }).wikidataId).toBe('Q39121');
    for (const bad of ['39121', 'q39121', 'Q0', 'P190', 'https://www.wikidata.org/wiki/Q39121'])
      expect(Partnership.safeParse({ ...base, wikidataId: bad }).success, bad).toBe(false);
  });
});
