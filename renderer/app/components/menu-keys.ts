/**
 * Where focus goes in a menu of `count` entries when `key` is pressed on entry `at`: arrows wrap
 * around, Home and End jump; null for keys the menu leaves alone.
 */
export function menuKeyTarget(key: string, at: number, count: number): number | null {
  if (count <= 0) return null;
  switch (key) {
    case 'ArrowDown':
      return (at + 1) % count;
    case 'ArrowUp':
      return (at - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
