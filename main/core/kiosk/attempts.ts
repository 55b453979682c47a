/**
 * How many wrong exit PINs the kiosk takes: five tries, then it stops listening for a
 * minute, and each further wrong PIN doubles the wait, up to an hour. A right PIN
 * resets the count. Pure: the store keeps the count and the time, this decides.
 */
export const PIN_ATTEMPTS = {
  /** Wrong PINs allowed before the first wait. */
  free: 5,
  firstLockMs: 60_000,
  maxLockMs: 60 * 60_000,
} as const;

/** After the `failures`-th wrong PIN in a row: until when no PIN is checked (null: not locked). */
export function lockAfterFailure(failures: number, now: Date, policy = PIN_ATTEMPTS): Date | null {
  if (failures < policy.free) return null;
  const ms = Math.min(policy.firstLockMs * 2 ** (failures - policy.free), policy.maxLockMs);
  return new Date(now.getTime() + ms);
}

/** Whether PINs are refused at this moment, without being checked. */
export function isLocked(lockedUntil: string | null, now: Date): boolean {
  return lockedUntil !== null && Date.parse(lockedUntil) > now.getTime();
}

/** Wrong PINs still allowed before the next wait. */
export function attemptsLeft(failures: number, policy = PIN_ATTEMPTS): number {
  return Math.max(0, policy.free - failures);
}
