/** What can take focus inside a dialog, in the order Tab visits it. */
export const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Where Tab goes at a dialog's edge: from the last of `count` focusable elements forwards to the
 * first, from the first backwards to the last. `null` leaves Tab to the browser (inside the
 * list). `current` is -1 when focus is outside the list (on the dialog itself): Tab then enters
 * at the first, Shift+Tab at the last.
 */
export function wrapFocus(count: number, current: number, backwards: boolean): number | null {
  if (count === 0) return null;
  if (current < 0) return backwards ? count - 1 : 0;
  if (backwards && current === 0) return count - 1;
  if (!backwards && current === count - 1) return 0;
  return null;
}
