import { AUTH_POLICY } from '../contract';

/**
 * Five wrong passwords in a row lock an account for five minutes; then it has five tries
 * again. A right password resets the count. Pure: the store keeps the count and the time.
 */
export function afterFailure(
  failures: number,
  now: Date,
  policy: { maxFailures: number; lockMs: number } = AUTH_POLICY,
): { failures: number; lockedUntil: Date | null } {
  const count = failures + 1;
  if (count < policy.maxFailures) return { failures: count, lockedUntil: null };
  return { failures: 0, lockedUntil: new Date(now.getTime() + policy.lockMs) };
}

/** Whether a sign-in is refused at this moment, without looking at the password. */
export function isLockedAt(lockedUntil: string | null, now: Date): boolean {
  return lockedUntil !== null && Date.parse(lockedUntil) > now.getTime();
}
