import type { z } from 'zod';
import type { Settings } from '../contract';
import type { calendarChannels } from '../contract/calendar';
import type { Db } from '../db/connection';
import type { Caller } from '../router';
import { formatJalali } from './jalali';
import { CalendarStore } from './store';

type CalendarChannels = typeof calendarChannels;

/** The router's Handler, for the calendar's own table (so this compiles whether or not it is merged yet). */
export type CalendarHandlers = {
  [C in keyof CalendarChannels]: (
    input: z.output<CalendarChannels[C]['input']>,
    caller: Caller,
  ) => z.input<CalendarChannels[C]['output']>;
};

/** The calendar's channels, over one terminal's database; settings are read on each call, as they change. */
export function calendarHandlers(db: Db, getSettings: () => Settings): CalendarHandlers {
  const calendar = new CalendarStore(db);
  return {
    'calendar.year': ({ year }) => ({ year, days: calendar.year(year) }),
    'calendar.dueDate': ({ days, at }) => {
      const due = calendar.dueDate(at ? new Date(at) : new Date(), days, getSettings());
      return { dueDate: formatJalali(due.dueDay), estimated: due.estimated };
    },
    'calendar.addDay': ({ date, kind, title }, caller) => calendar.add(date, kind, title, caller.actor),
    'calendar.moveDay': ({ id, to }, caller) => calendar.move(id, to, caller.actor),
    'calendar.confirmDay': ({ id }, caller) => calendar.confirm(id, caller.actor),
    'calendar.removeDay': ({ id }, caller) => calendar.remove(id, caller.actor),
  };
}
