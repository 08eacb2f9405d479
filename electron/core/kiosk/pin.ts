import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * The operator's exit PIN. Stored only as a scrypt hash with its own salt and cost
 * (`scrypt$N$r$p$salt$hash`), so the settings file on a public machine does not give the PIN
 * away; a 4–12 digit PIN is still guessable offline, which is why the file lives in the player's
 * own data folder and entry at the kiosk is rate-limited (see createPinGate).
 */

const N = 2 ** 14;
const R = 8;
const P = 1;
const KEY_BYTES = 32;

function scrypt(pin: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(pin.normalize('NFKC'), salt, keylen, opts, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export const PIN_PATTERN = /^\d{4,12}$/;

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(pin, salt, KEY_BYTES, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![n, r, p].every((v) => Number.isSafeInteger(v) && v > 0) || n > 2 ** 20) return false;
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  if (expected.length < 16) return false;
  const key = await scrypt(pin, salt, expected.length, {
    N: n,
    r,
    p,
    maxmem: 256 * n * r + 2 ** 20,
  });
  return timingSafeEqual(key, expected);
}

export const MAX_WRONG_PINS = 5;
export const LOCK_MS = 60_000;

export type PinResult =
  | { ok: true }
  | { ok: false; reason: 'wrong'; attemptsLeft: number }
  | { ok: false; reason: 'locked'; retryInMs: number };

export interface PinGate {
  attempt(pin: string): Promise<PinResult>;
}

/**
 * Five wrong PINs in a row lock entry for a minute; while locked, even the right PIN is refused
 * (and not even checked), so guessing costs a minute per five tries. A right PIN resets the count.
 */
export function createPinGate(storedHash: string | null, clock: () => number = Date.now): PinGate {
  let wrong = 0;
  let lockedUntil = 0;
  return {
    async attempt(pin) {
      const now = clock();
      if (now < lockedUntil) return { ok: false, reason: 'locked', retryInMs: lockedUntil - now };
      const ok = storedHash !== null && PIN_PATTERN.test(pin) && (await verifyPin(pin, storedHash));
      if (ok) {
        wrong = 0;
        return { ok: true };
      }
      wrong++;
      if (wrong >= MAX_WRONG_PINS) {
        wrong = 0;
        lockedUntil = clock() + LOCK_MS;
        return { ok: false, reason: 'locked', retryInMs: LOCK_MS };
      }
      return { ok: false, reason: 'wrong', attemptsLeft: MAX_WRONG_PINS - wrong };
    },
  };
}
