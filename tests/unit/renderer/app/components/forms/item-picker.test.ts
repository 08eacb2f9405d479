import { describe, expect, it } from 'vitest';
import { ItemQueryInput } from '../../../../../../shared/api/query';
import type { Item } from '../../../../../../shared/domain';
import {
  PICKER_RESULTS,
  pickerChoices,
  pickerQuery,
} from '../../../../../../renderer/app/components/forms/item-picker';

const item = (id: string) => ({ id }) as Item;

describe('pickerQuery', () => {
  it('asks nothing for blank text', () => {
    expect(pickerQuery('', 'de', 0)).toBeNull();
    expect(pickerQuery('   ', 'de', 3)).toBeNull();
  });

  it('asks main’s search for the trimmed words by title, with room for the excluded items', () => {
    const query = pickerQuery('  Leeds town ', 'en', 5);
    expect(query).toEqual({ text: 'Leeds town', lang: 'en', sort: 'title', limit: 29 });
    // The contract accepts it as it is.
    expect(ItemQueryInput.safeParse(query).success).toBe(true);
  });

  it('stays inside the contract’s limits for long text and many excluded items', () => {
    const query = pickerQuery('x'.repeat(900), 'de', 10_000);
    expect(ItemQueryInput.safeParse(query).success).toBe(true);
    expect(query?.limit).toBe(500);
  });
});

describe('pickerChoices', () => {
  it('leaves out the excluded items and keeps the answer’s order', () => {
    const items = ['a', 'b', 'c', 'd'].map(item);
    expect(pickerChoices(items, ['b', 'd']).map((i) => i.id)).toEqual(['a', 'c']);
  });

  it('lists at most the picker’s count', () => {
    const items = Array.from({ length: PICKER_RESULTS + 6 }, (_, i) => item(`i${i}`));
    expect(pickerChoices(items, ['i0'])).toHaveLength(PICKER_RESULTS);
    expect(pickerChoices(items, ['i0'])[0]!.id).toBe('i1');
  });
});
