import { describe, expect, it } from 'vitest';
import { createPinGate, hashPin, LOCK_MS, verifyPin } from '../../../../../electron/core/kiosk/pin';

describe('exit PIN', () => {
  it('stores a salted scrypt hash, never the PIN', async () => {
    const a = await hashPin('2468');
    const b = await hashPin('2468');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toContain('2468');
    expect(a).not.toBe(b);
    expect(await verifyPin('2468', a)).toBe(true);
    expect(await verifyPin('2469', a)).toBe(false);
    expect(await verifyPin('2468', 'garbage')).toBe(false);
    expect(await verifyPin('2468', 'scrypt$99999999999$8$1$AAAA$AAAA')).toBe(false);
  });

  it('locks for a minute after five wrong PINs, also against the right one', async () => {
    let now = 0;
    const gate = createPinGate(await hashPin('2468'), () => now);
    for (let left = 4; left >= 1; left--)
      expect(await gate.attempt('0000')).toEqual({
        ok: false,
        reason: 'wrong',
        attemptsLeft: left,
      });
    expect(await gate.attempt('0000')).toEqual({ ok: false, reason: 'locked', retryInMs: LOCK_MS });
    now += LOCK_MS - 1;
    expect(await gate.attempt('2468')).toEqual({ ok: false, reason: 'locked', retryInMs: 1 });
    now += 1;
    expect(await gate.attempt('2468')).toEqual({ ok: true });
  });

  it('a right PIN resets the count; without a stored PIN nothing opens', async () => {
    const gate = createPinGate(await hashPin('2468'), () => 0);
    for (let i = 0; i < 4; i++) await gate.attempt('1111');
    expect(await gate.attempt('2468')).toEqual({ ok: true });
    expect(await gate.attempt('1111')).toMatchObject({ reason: 'wrong', attemptsLeft: 4 });
    expect(await createPinGate(null, () => 0).attempt('2468')).toMatchObject({ ok: false });
  });
});
