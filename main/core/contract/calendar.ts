import { z } from 'zod';
import type { ChannelDefinition } from './channel';
import { ROLES } from './roles';

/** The calendar's refusals; they join ERROR_CODES (errors.ts). */
export const CALENDAR_ERROR_CODES = [
  /** Not a date of the Jalali calendar (1405/12/30 in a common year, 1405/13/01). */
  'calendar.date_invalid',
  /** Outside the Jalali years whose holidays the app ships: nothing can be promised there. */
  'calendar.out_of_range',
  'calendar.day_not_found',
  /** A shipped official holiday: it can be moved or confirmed, not removed. */
  'calendar.day_not_removable',
] as const;
export type CalendarErrorCode = (typeof CALENDAR_ERROR_CODES)[number];

/** A calendar day as people and the database know it: Jalali 'YYYY/MM/DD', Latin digits. */
export const jalaliDateSchema = z.string().regex(/^\d{4}\/\d{2}\/\d{2}$/, 'calendar.date_invalid');

const titleText = z.string().trim().min(1).max(200);

/** A holiday or closure of the calendar, shipped or added by an administrator. */
export const calendarDaySchema = z.object({
  /** 'solar:1405/01/01', 'lunar:1447/01/10', 'lunar:1447/02/last' (shipped) or 'admin:12'. */
  id: z.string(),
  date: jalaliDateSchema,
  title: z.object({ fa: z.string(), en: z.string() }),
  /** An official holiday, or a closure (weather, energy, a local day). */
  kind: z.enum(['holiday', 'closure']),
  /** A lunar holiday whose month start was not yet observed: its date may be a day off. */
  estimated: z.boolean(),
  source: z.enum(['shipped', 'admin']),
  /** The shipped date of a holiday an administrator moved. */
  movedFrom: jalaliDateSchema.nullable(),
});
export type CalendarDay = z.infer<typeof calendarDaySchema>;

const dayId = z.object({ id: z.string().min(1).max(40) }).strict();

/** Holidays and working days: reading them is open to every face, changing them to the administrator. */
export const calendarChannels = {
  'calendar.year': {
    input: z.object({ year: z.number().int().min(1).max(3000) }).strict(),
    output: z.object({ year: z.number().int(), days: z.array(calendarDaySchema) }),
    roles: ROLES,
  },
  'calendar.dueDate': {
    input: z
      .object({
        /** The service's working days. */
        days: z.number().int().min(0).max(365),
        /** When the request is made; now when absent. */
        at: z.iso.datetime({ offset: true }).optional(),
      })
      .strict(),
    output: z.object({
      dueDate: jalaliDateSchema,
      /** The due date depends on an estimated holiday: say so on the receipt. */
      estimated: z.boolean(),
    }),
    roles: ROLES,
  },
  'calendar.addDay': {
    input: z
      .object({
        date: jalaliDateSchema,
        kind: z.enum(['holiday', 'closure']),
        /** The holiday's name or the closure's reason; English defaults to the Persian. */
        title: z.object({ fa: titleText, en: titleText.optional() }).strict(),
      })
      .strict(),
    output: calendarDaySchema,
    roles: ['admin'],
  },
  'calendar.moveDay': {
    input: dayId.extend({ to: jalaliDateSchema }),
    output: calendarDaySchema,
    roles: ['admin'],
  },
  'calendar.confirmDay': {
    input: dayId,
    output: calendarDaySchema,
    roles: ['admin'],
  },
  'calendar.removeDay': {
    input: dayId,
    output: calendarDaySchema,
    roles: ['admin'],
  },
} as const satisfies Record<string, ChannelDefinition>;
