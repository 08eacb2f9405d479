import { describe, expect, it } from 'vitest';
import { moved } from '../../../../../../renderer/app/components/forms/array';

describe('moved', () => {
  const list = ['a', 'b', 'c'] as const;

  it('moves an entry forwards and backwards in a new array', () => {
    expect(moved(list, 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(list, 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moved(list, 0, 2)).toEqual(['b', 'c', 'a']);
    expect(list).toEqual(['a', 'b', 'c']);
  });

  it('returns an unchanged copy for out-of-range or no-op moves', () => {
    expect(moved(list, 0, -1)).toEqual(list);
    expect(moved(list, 2, 3)).toEqual(list);
    expect(moved(list, -1, 0)).toEqual(list);
    expect(moved(list, 1, 1)).toEqual(list);
    expect(moved(list, 1, 1)).not.toBe(list);
  });
});
