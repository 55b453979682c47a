import data from '../../../assets/holidays/holidays.json';
import { jalaliYear, parseJalali, type Day } from './jalali';

/** One official holiday as shipped in assets/holidays/holidays.json (build/holidays/ makes it). */
export interface ShippedHoliday {
  /** Stable across releases: 'solar:1405/01/01', 'lunar:1447/01/10', 'lunar:1447/02/last'. */
  id: string;
  /** Jalali 'YYYY/MM/DD'. */
  date: string;
  fa: string;
  en: string;
  /** The Hijri month's start was not observed yet: the date is computed and may be a day off. */
  estimated: boolean;
}

export interface HolidayData {
  note: string;
  firstYear: number;
  lastYear: number;
  /** The last Hijri month whose start in Iran the data holds, and that day: 'YYYY/MM = YYYY-MM-DD'. */
  observedUntil: string;
  /** What an estimated month start adds to Intl's islamic-umalqura start, in days. */
  estimateOffsetDays: number;
  holidays: ShippedHoliday[];
}

export const holidayData: HolidayData = data;

/** The days the shipped data covers: due dates and overrides outside it are refused. */
export const CALENDAR_RANGE: { first: Day; last: Day } = {
  first: jalaliYear(holidayData.firstYear).first,
  last: jalaliYear(holidayData.lastYear).last,
};

/** Each shipped holiday with its day, parsed once. */
export const shippedHolidays: readonly (ShippedHoliday & { day: Day })[] = holidayData.holidays.map((holiday) => {
  const day = parseJalali(holiday.date);
  if (day === undefined) throw new Error(`shipped holiday ${holiday.id} has no valid date: ${holiday.date}`);
  return { ...holiday, day };
});
