import { describe, expect, it } from 'vitest';
import { gridGeometry } from '../../../../../renderer/app/components/ItemGrid';

describe('gridGeometry', () => {
  it('fits as many cards of at least 180 px as the width allows, gaps included', () => {
    // 1280×800 window: 1280 − 224 nav − 56 padding = 1000 px of grid.
    expect(gridGeometry(1000)).toEqual({ columns: 5, cardWidth: 187, rowHeight: 232 });
    const wide = gridGeometry(1640);
    expect(wide.columns).toBe(8);
    expect(wide.cardWidth * wide.columns + 16 * (wide.columns - 1)).toBeLessThanOrEqual(1640);
  });

  it('keeps one column for a narrow or not yet measured grid', () => {
    expect(gridGeometry(0).columns).toBe(1);
    expect(gridGeometry(100)).toMatchObject({ columns: 1, cardWidth: 180 });
  });
});
