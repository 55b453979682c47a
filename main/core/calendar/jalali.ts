import { d2g, d2j, g2d, isValidJalaaliDate, j2d, jalaaliMonthLength } from 'jalaali-js';
import { TIME_ZONE, toLatinDigits, type Language } from '../contract';

/**
 * A calendar day, as its Julian day number: a plain integer, so that "the next day" is
 * `day + 1` and a span of days is a subtraction. People read it as a Jalali date
 * 'YYYY/MM/DD'; the conversions are jalaali-js's, the display is Intl's (contract/locale.ts).
 */
export type Day = number;

/** Weekdays as Date.getUTCDay numbers them. */
export const THURSDAY = 4;
export const FRIDAY = 5;

export function weekday(day: Day): number {
  return (day + 1) % 7;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The day of a Jalali date 'YYYY/MM/DD', or undefined when it is not one. Persian digits
 * and months or days without their leading zero are accepted: people type them.
 */
export function parseJalali(text: string): Day | undefined {
  const match = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(toLatinDigits(text.trim()));
  if (!match) return undefined;
  const [jy, jm, jd] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidJalaaliDate(jy, jm, jd) ? j2d(jy, jm, jd) : undefined;
}

/** 'YYYY/MM/DD' with Latin digits: the key of a calendar day everywhere it is stored or sent. */
export function formatJalali(day: Day): string {
  const { jy, jm, jd } = d2j(day);
  return `${jy}/${pad(jm)}/${pad(jd)}`;
}

/** The day of a Jalali year, month and day known to be valid. */
export function jalaliDay(jy: number, jm: number, jd: number): Day {
  return j2d(jy, jm, jd);
}

/** 'YYYY-MM-DD' (ISO 8601) of the Gregorian date. */
export function formatGregorian(day: Day): string {
  const { gy, gm, gd } = d2g(day);
  return `${gy}-${pad(gm)}-${pad(gd)}`;
}

export function parseGregorian(text: string): Day | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [gy, gm, gd] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const day = g2d(gy, gm, gd);
  const back = d2g(day);
  return back.gy === gy && back.gm === gm && back.gd === gd ? day : undefined;
}

/**
 * An instant on that day, for the display helpers of contract/locale.ts: 12:00 UTC is
 * 15:30 in Tehran, the same calendar day there.
 */
export function dateOf(day: Day): Date {
  const { gy, gm, gd } = d2g(day);
  return new Date(Date.UTC(gy, gm - 1, gd, 12));
}

const tehranParts = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

/**
 * The Tehran calendar day of an instant and the minutes since midnight on the Tehran
 * clock. Through the time-zone database rather than a fixed +03:30: Iran kept summer
 * time until 2022, and the rule is the state's, not ours.
 */
export function tehranClock(instant: Date): { day: Day; minutes: number } {
  const parts: Record<string, number> = {};
  for (const part of tehranParts.formatToParts(instant)) parts[part.type] = Number(part.value);
  return {
    day: g2d(parts.year ?? 0, parts.month ?? 0, parts.day ?? 0),
    minutes: (parts.hour ?? 0) * 60 + (parts.minute ?? 0),
  };
}

/** Minutes since midnight of 'HH:MM', or undefined when it is not a time of day. */
export function parseClock(text: string): number | undefined {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(toLatinDigits(text.trim()));
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** The first and last day of a Jalali year. */
export function jalaliYear(jy: number): { first: Day; last: Day } {
  return { first: j2d(jy, 1, 1), last: j2d(jy + 1, 1, 1) - 1 };
}

/** A quarter (سه ماهه) of the Jalali year: months 1-3, 4-6, 7-9, 10-12. */
export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
  first: Day;
  last: Day;
  /** The Gregorian dates of its first and last days, 'YYYY-MM-DD'. */
  firstGregorian: string;
  lastGregorian: string;
}

export function jalaliQuarter(year: number, quarter: 1 | 2 | 3 | 4): Quarter {
  const lastMonth = quarter * 3;
  const first = j2d(year, lastMonth - 2, 1);
  const last = j2d(year, lastMonth, jalaaliMonthLength(year, lastMonth));
  return { year, quarter, first, last, firstGregorian: formatGregorian(first), lastGregorian: formatGregorian(last) };
}

export function quarterOf(day: Day): Quarter {
  const { jy, jm } = d2j(day);
  return jalaliQuarter(jy, Math.ceil(jm / 3) as 1 | 2 | 3 | 4);
}

const weekdayNames = {
  fa: new Intl.DateTimeFormat('fa-IR', { timeZone: TIME_ZONE, weekday: 'long' }),
  en: new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, weekday: 'long' }),
};

export function weekdayName(day: Day, language: Language): string {
  return weekdayNames[language].format(dateOf(day));
}
