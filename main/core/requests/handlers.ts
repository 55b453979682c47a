import type { Handlers } from '../router';
import type { CalendarStore } from '../calendar/store';
import type { Db } from '../db/connection';
import type { EventBus } from '../events';
import type { Settings } from '../contract';
import { takeRequest } from './intake';
import { detail, lookUp, queue } from './queries';
import { eventsOf, toPublic } from './rows';
import { moveRequest } from './transitions';

type RequestHandlers = Pick<
  Handlers,
  'requests.create' | 'requests.lookup' | 'requests.get' | 'requests.queue' | 'requests.transition'
>;

export function requestHandlers(
  db: Db,
  calendar: CalendarStore,
  settings: () => Settings,
  bus: EventBus,
  now: () => Date = () => new Date(),
): RequestHandlers {
  return {
    'requests.create': ({ serviceCode, applicant }, caller) => {
      const channel = caller.windowRole === 'kiosk' ? 'kiosk' : 'counter';
      const { row, printJobId } = takeRequest(
        { db, calendar, settings: settings(), channel, actor: caller.actor, at: now() },
        serviceCode,
        applicant,
      );
      bus.emit({ type: 'queue.changed', trackingCode: row.tracking_code, status: row.status });
      return { ...toPublic(row, eventsOf(db, row.id)), printJobId };
    },
    'requests.lookup': ({ trackingCode, mobileLastFour }) => lookUp(db, trackingCode, mobileLastFour),
    'requests.get': ({ trackingCode }) => detail(db, trackingCode),
    'requests.queue': (filter) => queue(db, filter, now()),
    'requests.transition': ({ trackingCode, to, note }, caller) => {
      const moved = moveRequest(
        { db, calendar, settings: settings(), actor: caller.actor, now: now() },
        trackingCode,
        to,
        note,
      );
      bus.emit({ type: 'queue.changed', trackingCode, status: moved.detail.status });
      return moved.detail;
    },
  };
}
