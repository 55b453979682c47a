import { jalaaliMonthLength, toJalaali } from 'jalaali-js';
import { TIME_ZONE, toLatinDigits } from '../../../main/core/contract';

/** A Jalali range as the report channels take it: 'YYYY/MM/DD', both ends included. */
export interface DayRange {
  from: string;
  to: string;
}

export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The Jalali year and month of an instant on the Tehran clock. */
export function jalaliMonthOf(now: Date): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const { jy, jm } = toJalaali(part('year'), part('month'), part('day'));
  return { year: jy, month: jm };
}

export function quarterOf(now: Date): Quarter {
  const { year, month } = jalaliMonthOf(now);
  return { year, quarter: Math.ceil(month / 3) as Quarter['quarter'] };
}

export function previousQuarter({ year, quarter }: Quarter): Quarter {
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: (quarter - 1) as Quarter['quarter'] };
}

/** A quarter's first and last day; Esfand has 29 or 30 days, as the year has it. */
export function quarterRange({ year, quarter }: Quarter): DayRange {
  const last = quarter * 3;
  return {
    from: `${year}/${pad(last - 2)}/01`,
    to: `${year}/${pad(last)}/${pad(jalaaliMonthLength(year, last))}`,
  };
}

export function yearRange(year: number): DayRange {
  return { from: `${year}/01/01`, to: `${year}/12/${pad(jalaaliMonthLength(year, 12))}` };
}

/**
 * What a person typed as a Jalali date, in any digits and with or without leading zeros,
 * as the channels take it ('1403/1/5' → '1403/01/05'); the core says whether the day exists.
 */
export function normaliseDay(text: string): string | undefined {
  const match = /^(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})$/.exec(toLatinDigits(text.trim()));
  return match ? `${match[1]}/${pad(Number(match[2]))}/${pad(Number(match[3]))}` : undefined;
}
