import { REPEATED_CRASHES_EVENT, type LogEntry } from '../contract/kiosk';
import type { Handler } from '../router';
import type { Logger } from './rotating-log';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How far back the admin face looks for repeated crashes. */
const CRASH_SCAN = 2000;

/** How many times the screen crashed again and again in the last day, and when it last did. */
export function repeatedCrashes(entries: readonly LogEntry[], now: Date): { last24h: number; lastAt: string | null } {
  const since = now.getTime() - DAY_MS;
  const crashes = entries.filter((entry) => entry.event === REPEATED_CRASHES_EVENT);
  const lastAt = crashes.reduce<string | null>(
    (last, entry) => (last === null || entry.at > last ? entry.at : last),
    null,
  );
  return { last24h: crashes.filter((entry) => Date.parse(entry.at) >= since).length, lastAt };
}

export function logHandlers(
  logger: Logger,
  now: () => Date = () => new Date(),
): { 'logs.recent': Handler<'logs.recent'> } {
  return {
    'logs.recent': ({ limit }) => {
      const scanned = logger.recent(Math.max(CRASH_SCAN, limit ?? 200));
      return { entries: scanned.slice(0, limit ?? 200), repeatedCrashes: repeatedCrashes(scanned, now()) };
    },
  };
}
