import fs from 'node:fs';
import { effectiveDays } from '../../core/calendar/days';
import { CALENDAR_RANGE, holidayData } from '../../core/calendar/holidays';
import {
  formatJalali,
  jalaliYear,
  parseClock,
  parseJalali,
  tehranClock,
  THURSDAY,
  weekday,
  weekdayName,
  type Day,
} from '../../core/calendar/jalali';
import { CalendarStore, closingMinutes, workCalendar } from '../../core/calendar/store';
import { settingDefaults, toLatinDigits, type Settings } from '../../core/contract';
import type { CalendarDay } from '../../core/contract/calendar';
import { openDatabase } from '../../core/db/connection';
import { DomainError } from '../../core/router';
import { readSettings } from '../../core/settings/store';
import { UsageError } from '../usage-error';

const COVERED = `the holiday data covers ${holidayData.firstYear}-${holidayData.lastYear}`;

/**
 * The calendar's days and the office's settings, from the database when there is one;
 * without one, the shipped holidays and the default settings (a lookup creates no file).
 */
function load(dbPath: string): { days: readonly CalendarDay[]; settings: Settings; from: string } {
  if (!fs.existsSync(dbPath)) {
    return {
      days: effectiveDays(new Map(), []),
      settings: settingDefaults,
      from: `no database at ${dbPath}: shipped holidays, default settings`,
    };
  }
  const db = openDatabase(dbPath);
  try {
    return { days: new CalendarStore(db).days(), settings: readSettings(db), from: dbPath };
  } finally {
    db.close();
  }
}

function describe(day: CalendarDay): string {
  const tags = [
    day.kind === 'closure' ? 'closure' : undefined,
    day.source === 'admin' ? 'added' : undefined,
    day.movedFrom ? `moved from ${day.movedFrom}` : undefined,
    day.estimated ? 'estimated' : undefined,
  ].filter((tag) => tag !== undefined);
  return `${day.title.en}${tags.map((tag) => ` [${tag}]`).join('')}`;
}

/** `mizban calendar YEAR`: the Jalali year's holidays and closures, one per line. */
export function calendarYear(dbPath: string, yearArg: string | undefined): string {
  const text = toLatinDigits(yearArg ?? '');
  if (!/^\d{4}$/.test(text)) throw new UsageError('calendar needs a Jalali year, for example: mizban calendar 1405');
  const year = Number(text);
  if (year < holidayData.firstYear || year > holidayData.lastYear)
    throw new Error(`no holidays for ${year}: ${COVERED}`);
  const { days, from } = load(dbPath);
  const { first, last } = jalaliYear(year);
  const [start, end] = [formatJalali(first), formatJalali(last)];
  const lines = days
    .filter((day) => day.date >= start && day.date <= end)
    .map((day) => {
      const name = weekdayName(parseJalali(day.date) ?? first, 'en');
      return `${day.date}  ${name.padEnd(9)}  ${describe(day)}`;
    });
  return [`# ${year}: ${lines.length} holidays and closures (${from})`, ...lines].join('\n');
}

export interface DueDateOptions {
  from?: string | undefined;
  days?: string | undefined;
  time?: string | undefined;
}

/**
 * `mizban due-date --from 1405/09/02 --days 5 [--time 15:30]`: the due date, with the
 * reasoning above it and the date alone on the last line. Without --from, now.
 */
export function dueDate(dbPath: string, options: DueDateOptions): string {
  const daysText = toLatinDigits(options.days ?? '');
  if (!/^\d{1,3}$/.test(daysText) || Number(daysText) > 365) {
    throw new UsageError("due-date needs --days N, the service's working days (0 to 365)");
  }
  const minutes = options.time === undefined ? undefined : parseClock(options.time);
  if (options.time !== undefined && minutes === undefined) {
    throw new UsageError(`--time ${options.time} is not a time of day (HH:MM, Tehran clock)`);
  }
  const now = tehranClock(new Date());
  let requestDay: Day = now.day;
  if (options.from !== undefined) {
    const parsed = parseJalali(options.from);
    if (parsed === undefined) throw new UsageError(`--from ${options.from} is not a Jalali date (YYYY/MM/DD)`);
    requestDay = parsed;
  }
  if (requestDay < CALENDAR_RANGE.first || requestDay > CALENDAR_RANGE.last) {
    throw new Error(`no holidays for ${formatJalali(requestDay)}: ${COVERED}`);
  }

  const { days, settings, from } = load(dbPath);
  const work = workCalendar(days, settings['calendar.thursday']);
  const closing = closingMinutes(settings);
  const request = { day: requestDay, minutes: minutes ?? (options.from === undefined ? now.minutes : undefined) };
  let result;
  try {
    result = work.dueDate(request, Number(daysText), closing);
  } catch (error) {
    if (error instanceof DomainError)
      throw new Error(`the due date falls after ${formatJalali(CALENDAR_RANGE.last)}: ${COVERED}`);
    throw error;
  }

  const label = (day: Day) => `${formatJalali(day)} ${weekdayName(day, 'en')}`;
  const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const lines = [
    `# ${from}; Thursday: ${settings['calendar.thursday']}; closing time ${settings['calendar.closingTime']}`,
    `request: ${label(requestDay)}${request.minutes === undefined ? '' : ` ${clock(request.minutes)}`}`,
  ];
  if (result.countedFrom !== requestDay) {
    const why = work.isWorkingDay(requestDay) ? 'after the closing time' : 'on a rest day';
    lines.push(`made ${why}: counts as made on ${label(result.countedFrom)}`);
  }
  for (let day = requestDay; day <= result.dueDay; day++) {
    if (work.isWorkingDay(day)) continue;
    const date = formatJalali(day);
    const reasons = days.filter((d) => d.date === date).map(describe);
    if (weekday(day) === THURSDAY && settings['calendar.thursday'] === 'closed') reasons.unshift('Thursday closed');
    lines.push(`rest day: ${label(day)}${reasons.length > 0 ? ` (${reasons.join('; ')})` : ''}`);
  }
  lines.push(`${daysText} working days after ${formatJalali(result.countedFrom)}:`);
  if (result.estimated) lines.push('depends on an estimated holiday: the date may move by a day once it is confirmed');
  lines.push(formatJalali(result.dueDay));
  return lines.join('\n');
}
