import { describe, expect, it } from 'vitest';
import { wrapFocus } from '../../../../../../renderer/app/components/forms/focus-trap';

describe('wrapFocus', () => {
  it('wraps Tab from the last control to the first and Shift+Tab from the first to the last', () => {
    expect(wrapFocus(3, 2, false)).toBe(0);
    expect(wrapFocus(3, 0, true)).toBe(2);
  });

  it('leaves Tab to the browser inside the list', () => {
    expect(wrapFocus(3, 0, false)).toBeNull();
    expect(wrapFocus(3, 1, false)).toBeNull();
    expect(wrapFocus(3, 1, true)).toBeNull();
    expect(wrapFocus(3, 2, true)).toBeNull();
  });

  it('enters at the edge matching the direction when focus is on the dialog itself', () => {
    expect(wrapFocus(3, -1, false)).toBe(0);
    expect(wrapFocus(3, -1, true)).toBe(2);
  });

  it('keeps one control focused and does nothing without controls', () => {
    expect(wrapFocus(1, 0, false)).toBe(0);
    expect(wrapFocus(1, 0, true)).toBe(0);
    expect(wrapFocus(0, -1, false)).toBeNull();
  });
});
