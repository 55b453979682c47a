import type { CalendarDay } from '../contract/calendar';
import { shippedHolidays } from './holidays';
import { parseJalali } from './jalali';
import type { RestDay } from './work';

/** An administrator's change to a shipped holiday. */
export interface HolidayOverride {
  movedTo: string | null;
  confirmed: boolean;
}

/** A day an administrator added. */
export interface AddedDay {
  id: number;
  date: string;
  kind: CalendarDay['kind'];
  titleFa: string;
  titleEn: string;
}

export const adminDayId = (rowId: number) => `admin:${rowId}`;

/** The row id of an administrator's day id, or undefined for any other id. */
export function adminRowId(id: string): number | undefined {
  const match = /^admin:(\d{1,15})$/.exec(id);
  return match ? Number(match[1]) : undefined;
}

/**
 * The calendar's holidays and closures: the shipped holidays with the administrator's
 * moves and confirmations applied, and the days the administrator added; by date.
 */
export function effectiveDays(
  overrides: ReadonlyMap<string, HolidayOverride>,
  added: readonly AddedDay[],
): CalendarDay[] {
  const days: CalendarDay[] = shippedHolidays.map((holiday) => {
    const override = overrides.get(holiday.id);
    return {
      id: holiday.id,
      date: override?.movedTo ?? holiday.date,
      title: { fa: holiday.fa, en: holiday.en },
      kind: 'holiday',
      estimated: holiday.estimated && !override?.confirmed,
      source: 'shipped',
      movedFrom: override?.movedTo ? holiday.date : null,
    };
  });
  for (const day of added) {
    days.push({
      id: adminDayId(day.id),
      date: day.date,
      title: { fa: day.titleFa, en: day.titleEn },
      kind: day.kind,
      estimated: false,
      source: 'admin',
      movedFrom: null,
    });
  }
  return days.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

export function restDaysOf(days: readonly CalendarDay[]): RestDay[] {
  return days.flatMap((day) => {
    const parsed = parseJalali(day.date);
    return parsed === undefined ? [] : [{ day: parsed, estimated: day.estimated }];
  });
}
