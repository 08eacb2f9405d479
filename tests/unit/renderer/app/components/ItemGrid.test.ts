import { describe, expect, it } from 'vitest';
import { gridGeometry, nextSelection } from '../../../../../renderer/app/components/ItemGrid';

describe('gridGeometry', () => {
  it('fits as many cards of at least 180 px as the width allows, gaps included', () => {
    // 1280×800 window: 1280 − 224 nav − 56 padding = 1000 px of grid.
    expect(gridGeometry(1000)).toEqual({ columns: 5, cardWidth: 187, rowHeight: 232 });
    const wide = gridGeometry(1640);
    expect(wide.columns).toBe(8);
    expect(wide.cardWidth * wide.columns + 16 * (wide.columns - 1)).toBeLessThanOrEqual(1640);
  });

  it('follows the thumbnail size control, within its bounds', () => {
    // 1280×720 beside the facet column with the editor closed: 1000 − 236 = 764 px of grid.
    expect(gridGeometry(764).columns).toBe(3);
    expect(gridGeometry(764, 'grid', 120).columns).toBe(5);
    expect(gridGeometry(764, 'grid', 320).columns).toBe(2);
    // Out-of-range sizes are held to the control's bounds (120 and 320 px).
    expect(gridGeometry(764, 'grid', 10)).toEqual(gridGeometry(764, 'grid', 120));
    expect(gridGeometry(764, 'grid', 9999)).toEqual(gridGeometry(764, 'grid', 320));
  });

  it('keeps one column for a narrow or not yet measured grid', () => {
    expect(gridGeometry(0).columns).toBe(1);
    expect(gridGeometry(100)).toMatchObject({ columns: 1, cardWidth: 180 });
  });
});

describe('list layout and selection', () => {
  it('uses one full-width column of fixed rows for the list', () => {
    expect(gridGeometry(800, 'list')).toEqual({ columns: 1, cardWidth: 800, rowHeight: 56 });
  });

  const order = ['a', 'b', 'c', 'd', 'e'];
  it('replaces on plain click, toggles with Ctrl/Cmd, spans with Shift from the anchor', () => {
    expect(nextSelection(order, ['a'], 'a', 'c', 'replace')).toEqual({ ids: ['c'], anchor: 'c' });
    expect(nextSelection(order, ['a'], 'a', 'c', 'toggle')).toEqual({
      ids: ['a', 'c'],
      anchor: 'c',
    });
    expect(nextSelection(order, ['a', 'c'], 'c', 'a', 'toggle')).toEqual({
      ids: ['c'],
      anchor: 'a',
    });
    expect(nextSelection(order, ['b'], 'b', 'd', 'range')).toEqual({
      ids: ['b', 'c', 'd'],
      anchor: 'b',
    });
    expect(nextSelection(order, ['d'], 'd', 'a', 'range')).toEqual({
      ids: ['a', 'b', 'c', 'd'],
      anchor: 'd',
    });
  });

  it('falls back to a plain selection when the anchor is gone (filtered out)', () => {
    expect(nextSelection(order, [], 'zz', 'b', 'range')).toEqual({ ids: ['b'], anchor: 'b' });
    expect(nextSelection(order, [], null, 'b', 'range')).toEqual({ ids: ['b'], anchor: 'b' });
  });
});
