import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * The exit PIN as it is stored: `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>` (base64), with a
 * fresh random salt each time it is set. Only this string is kept; the PIN is never stored
 * and never leaves the core. The cost is in the string, so a later version can raise it
 * and still check PINs set before.
 */

const PREFIX = 'scrypt';
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
/** N = 2^15, r = 8: some 50 ms on a kiosk PC, 32 MiB of memory; a PIN has few digits, so it must be slow. */
export const PIN_COST = { log2N: 15, r: 8, p: 1 } as const;

function derive(pin: string, salt: Buffer, cost: { log2N: number; r: number; p: number }): Promise<Buffer> {
  const N = 2 ** cost.log2N;
  const options: ScryptOptions = { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r };
  return new Promise((resolve, reject) => {
    scrypt(pin.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPin(pin: string, cost: { log2N: number; r: number; p: number } = PIN_COST): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(pin, salt, cost);
  return [PREFIX, cost.log2N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Whether the PIN matches the stored hash; compared in constant time. A malformed hash matches nothing. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== PREFIX) return false;
  const [log2N, r, p] = parts.slice(1, 4).map(Number);
  if (!Number.isInteger(log2N) || !Number.isInteger(r) || !Number.isInteger(p)) return false;
  if (log2N! < 10 || log2N! > 20 || r! < 1 || r! > 32 || p! < 1 || p! > 16) return false;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length === 0 || expected.length !== KEY_LENGTH) return false;
  const actual = await derive(pin, salt, { log2N: log2N!, r: r!, p: p! });
  return timingSafeEqual(actual, expected);
}
