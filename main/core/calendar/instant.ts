import { d2g } from 'jalaali-js';
import { tehranClock, type Day } from './jalali';

/**
 * The instant at which the Tehran clock shows `minutes` past midnight on `day`: what a
 * ledger's "1401/03/05 10:30" means. Found by correcting a guess with the time-zone
 * database, since Tehran's offset was +04:30 in the summers before 2022.
 */
export function tehranInstant(day: Day, minutes: number): Date {
  const { gy, gm, gd } = d2g(day);
  const wanted = Date.UTC(gy, gm - 1, gd) + minutes * 60_000;
  let guess = wanted - 210 * 60_000;
  for (let i = 0; i < 3; i++) {
    const clock = tehranClock(new Date(guess));
    const { gy: y, gm: m, gd: d } = d2g(clock.day);
    const shown = Date.UTC(y, m - 1, d) + clock.minutes * 60_000;
    if (shown === wanted) break;
    guess += wanted - shown;
  }
  return new Date(guess);
}
