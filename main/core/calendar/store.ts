import type { Statement } from 'better-sqlite3';
import type { Settings } from '../contract';
import type { CalendarDay } from '../contract/calendar';
import type { Db } from '../db/connection';
import { adminDayId, adminRowId, effectiveDays, restDaysOf, type AddedDay, type HolidayOverride } from './days';
import { CALENDAR_RANGE, holidayData, shippedHolidays } from './holidays';
import { formatJalali, jalaliYear, parseClock, parseJalali, tehranClock, type Day } from './jalali';
import { refuse } from './refuse';
import { WorkCalendar, type DueDate, type ThursdayRule } from './work';

const shippedById = new Map(shippedHolidays.map((holiday) => [holiday.id, holiday]));

/** A Jalali date given by a person: valid, and inside the years the calendar knows. */
function requireDay(text: string): Day {
  const day = parseJalali(text);
  if (day === undefined) refuse('calendar.date_invalid');
  if (day < CALENDAR_RANGE.first || day > CALENDAR_RANGE.last) refuse('calendar.out_of_range');
  return day;
}

export function workCalendar(days: readonly CalendarDay[], thursday: ThursdayRule): WorkCalendar {
  return new WorkCalendar(CALENDAR_RANGE.first, CALENDAR_RANGE.last, restDaysOf(days), thursday);
}

/** The office's closing time in minutes since midnight (the setting's schema makes it a valid HH:MM). */
export function closingMinutes(settings: Settings): number {
  return parseClock(settings['calendar.closingTime']) ?? 14 * 60;
}

/**
 * The calendar of one terminal: the shipped holidays with the administrator's changes
 * from SQLite. The merged days and each Thursday rule's WorkCalendar are cached until
 * the calendar log grows, which every change makes it do, from this connection or any
 * other: one indexed lookup per question.
 */
export class CalendarStore {
  private cache: { version: number; days: CalendarDay[]; work: Map<ThursdayRule, WorkCalendar> } | undefined;

  private readonly version: Statement<[], number>;

  constructor(private readonly db: Db) {
    this.version = db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM calendar_log').pluck();
  }

  private current() {
    const version = this.version.get() ?? 0;
    if (this.cache?.version !== version) this.cache = { version, days: this.load(), work: new Map() };
    return this.cache;
  }

  private load(): CalendarDay[] {
    const overrides = new Map<string, HolidayOverride>();
    const rows = this.db.prepare('SELECT holiday_id, moved_to, confirmed FROM calendar_overrides').all() as {
      holiday_id: string;
      moved_to: string | null;
      confirmed: number;
    }[];
    for (const row of rows) overrides.set(row.holiday_id, { movedTo: row.moved_to, confirmed: row.confirmed === 1 });
    const added = this.db
      .prepare('SELECT id, date, kind, title_fa AS titleFa, title_en AS titleEn FROM calendar_days')
      .all() as AddedDay[];
    return effectiveDays(overrides, added);
  }

  days(): readonly CalendarDay[] {
    return this.current().days;
  }

  /** The holidays and closures that fall in a Jalali year. */
  year(year: number): CalendarDay[] {
    if (year < holidayData.firstYear || year > holidayData.lastYear) refuse('calendar.out_of_range');
    const { first, last } = jalaliYear(year);
    const [from, to] = [formatJalali(first), formatJalali(last)];
    return this.days().filter((day) => day.date >= from && day.date <= to);
  }

  work(thursday: ThursdayRule): WorkCalendar {
    const cache = this.current();
    let work = cache.work.get(thursday);
    if (!work) {
      work = workCalendar(cache.days, thursday);
      cache.work.set(thursday, work);
    }
    return work;
  }

  dueDate(at: Date, days: number, settings: Settings): DueDate {
    return this.work(settings['calendar.thursday']).dueDate(tehranClock(at), days, closingMinutes(settings));
  }

  private find(id: string): CalendarDay {
    return this.days().find((day) => day.id === id) ?? refuse('calendar.day_not_found');
  }

  private log(action: string, id: string, from: string | null, to: string | null, note: string | null, by: string) {
    this.db
      .prepare(
        `INSERT INTO calendar_log (action, day_id, from_date, to_date, note, changed_at, changed_by)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(action, id, from, to, note, new Date().toISOString(), by);
  }

  add(
    date: string,
    kind: CalendarDay['kind'],
    title: { fa: string; en?: string | undefined },
    actor: string,
  ): CalendarDay {
    const canonical = formatJalali(requireDay(date));
    const now = new Date().toISOString();
    const id = this.db
      .transaction(() => {
        const { lastInsertRowid } = this.db
          .prepare(
            `INSERT INTO calendar_days (date, kind, title_fa, title_en, created_at, created_by, updated_at, updated_by)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(canonical, kind, title.fa, title.en ?? title.fa, now, actor, now, actor);
        const id = adminDayId(Number(lastInsertRowid));
        this.log('add', id, null, canonical, `${kind}: ${title.fa}`, actor);
        return id;
      })
      .immediate();
    return this.find(id);
  }

  /** Moves a holiday or closure to another date. A shipped holiday moved is no longer estimated. */
  move(id: string, to: string, actor: string): CalendarDay {
    const canonical = formatJalali(requireDay(to));
    const day = this.find(id);
    const rowId = adminRowId(id);
    const now = new Date().toISOString();
    this.db
      .transaction(() => {
        if (rowId !== undefined) {
          this.db
            .prepare('UPDATE calendar_days SET date = ?, updated_at = ?, updated_by = ? WHERE id = ?')
            .run(canonical, now, actor, rowId);
        } else {
          const shippedDate = shippedById.get(id)?.date;
          this.db
            .prepare(
              `INSERT INTO calendar_overrides (holiday_id, moved_to, confirmed, updated_at, updated_by)
               VALUES (?, ?, 1, ?, ?)
               ON CONFLICT (holiday_id) DO UPDATE SET moved_to = excluded.moved_to, confirmed = 1,
                 updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
            )
            .run(id, canonical === shippedDate ? null : canonical, now, actor);
        }
        this.log('move', id, day.date, canonical, null, actor);
      })
      .immediate();
    return this.find(id);
  }

  /** Confirms an estimated holiday's date; a day that is not estimated is left as it is. */
  confirm(id: string, actor: string): CalendarDay {
    const day = this.find(id);
    if (!day.estimated) return day;
    const now = new Date().toISOString();
    this.db
      .transaction(() => {
        this.db
          .prepare(
            `INSERT INTO calendar_overrides (holiday_id, moved_to, confirmed, updated_at, updated_by)
             VALUES (?, NULL, 1, ?, ?)
             ON CONFLICT (holiday_id) DO UPDATE SET confirmed = 1,
               updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
          )
          .run(id, now, actor);
        this.log('confirm', id, day.date, day.date, null, actor);
      })
      .immediate();
    return this.find(id);
  }

  /** Removes a day an administrator added; the shipped holidays stay. */
  remove(id: string, actor: string): CalendarDay {
    const day = this.find(id);
    const rowId = adminRowId(id);
    if (rowId === undefined) refuse('calendar.day_not_removable');
    this.db
      .transaction(() => {
        this.db.prepare('DELETE FROM calendar_days WHERE id = ?').run(rowId);
        this.log('remove', id, day.date, null, `${day.kind}: ${day.title.fa}`, actor);
      })
      .immediate();
    return day;
  }
}
