import type { EventBus } from '../events';
import type { Logger } from '../logs/rotating-log';
import { DomainError, type Handler } from '../router';
import type { Db } from '../db/connection';
import type { ActivityBoard } from './activity';
import { attemptsLeft, isLocked, lockAfterFailure } from './attempts';
import { hashPin, verifyPin } from './pin';
import { ExitPinStore } from './store';

type KioskChannel = 'kiosk.exit' | 'kiosk.pin.status' | 'kiosk.pin.set' | 'terminal.activity';

export interface KioskDeps {
  db: Db;
  bus: EventBus;
  logger: Logger;
  activity: ActivityBoard;
  now?: () => Date;
}

/**
 * Leaving kiosk mode and what the faces report. The exit PIN is checked here and only here:
 * the kiosk face sends what was typed and hears yes or no, never the hash; wrong PINs are
 * counted in the database and locked out (attempts.ts); each try is logged.
 */
export function kioskHandlers({ db, bus, logger, activity, now = () => new Date() }: KioskDeps): {
  [C in KioskChannel]: Handler<C>;
} {
  const store = new ExitPinStore(db);
  // One PIN check at a time: two taps on OK cannot both slip under the wrong-PIN count.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    'kiosk.exit': ({ pin }, caller) =>
      serial(async () => {
        const row = store.row();
        if (!row) {
          logger.warn('kiosk.exit_refused', 'The exit gesture was made, but no exit PIN is set.');
          throw new DomainError('kiosk.pin_not_set');
        }
        const at = now();
        if (isLocked(row.locked_until, at)) {
          logger.warn('kiosk.exit_refused', `An exit PIN was given while locked until ${row.locked_until}.`);
          throw new DomainError('kiosk.pin_locked');
        }
        if (!(await verifyPin(pin, row.hash))) {
          const failures = row.failed_attempts + 1;
          const lockedUntil = lockAfterFailure(failures, at);
          store.recordFailure(failures, lockedUntil);
          logger.warn(
            'kiosk.pin_wrong',
            lockedUntil
              ? `Wrong exit PIN (${failures} in a row): no PIN is checked until ${lockedUntil.toISOString()}.`
              : `Wrong exit PIN (${failures} in a row, ${attemptsLeft(failures)} left before a wait).`,
          );
          throw new DomainError(lockedUntil ? 'kiosk.pin_locked' : 'kiosk.pin_wrong');
        }
        store.recordSuccess();
        logger.info('kiosk.exited', `The administrator left kiosk mode (${caller.actor}).`);
        bus.emit({ type: 'kiosk.exited', at: at.toISOString() });
        return { left: true as const };
      }),
    'kiosk.pin.status': () => store.status(),
    'kiosk.pin.set': ({ pin }, caller) =>
      serial(async () => {
        store.set(await hashPin(pin), now(), caller.actor);
        logger.info('kiosk.pin_set', `The exit PIN was set (${caller.actor}).`);
        return store.status();
      }),
    'terminal.activity': ({ busy }, caller) => {
      const report = activity.report(caller.windowRole, busy, now());
      return { busy: report.busy, since: report.since };
    },
  };
}
