import { describe, expect, it } from 'vitest';
import { menuKeyTarget } from '../../../../../renderer/app/components/menu-keys';

describe('menuKeyTarget', () => {
  it('moves with the arrow keys and wraps around at both ends', () => {
    expect(menuKeyTarget('ArrowDown', 0, 3)).toBe(1);
    expect(menuKeyTarget('ArrowDown', 2, 3)).toBe(0);
    expect(menuKeyTarget('ArrowUp', 0, 3)).toBe(2);
    expect(menuKeyTarget('ArrowUp', 2, 3)).toBe(1);
  });

  it('jumps with Home and End and ignores other keys and empty menus', () => {
    expect(menuKeyTarget('Home', 2, 3)).toBe(0);
    expect(menuKeyTarget('End', 0, 3)).toBe(2);
    expect(menuKeyTarget('a', 1, 3)).toBeNull();
    expect(menuKeyTarget('ArrowDown', 0, 0)).toBeNull();
  });
});
