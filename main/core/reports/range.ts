import { formatJalali, parseJalali } from '../calendar/jalali';
import type { ReportGrouping } from '../contract/reports';
import { monthLabel, quarterLabel, type Words } from './labels';

/** A report's Jalali range, both ends included; an end not given is open. */
export interface Range {
  from: string | null;
  to: string | null;
}

export interface Issue {
  path: string;
  code: string;
}

/** The range as given, checked: real dates, and `from` not after `to`; a problem is added to `issues`. */
export function checkRange(from: string | undefined, to: string | undefined, issues: Issue[]): Range {
  const day = (text: string | undefined, path: string) => {
    if (text === undefined) return null;
    const parsed = parseJalali(text);
    if (parsed === undefined) issues.push({ path, code: 'calendar.date_invalid' });
    return parsed ?? null;
  };
  const first = day(from, 'from');
  const last = day(to, 'to');
  if (first !== null && last !== null && first > last) issues.push({ path: 'to', code: 'reports.range_invalid' });
  return { from: first === null ? null : formatJalali(first), to: last === null ? null : formatJalali(last) };
}

/** Bounds for `day BETWEEN ? AND ?` on 'YYYY/MM/DD' text, which sorts as it reads. */
export function dayBounds(range: Range): [string, string] {
  return [range.from ?? '0000/00/00', range.to ?? '9999/99/99'];
}

/** The key of the period a Jalali day 'YYYY/MM/DD' falls in: '1403/01' by month, '1403/Q1' by quarter. */
export function periodKey(day: string, by: 'quarter' | 'month'): string {
  const month = day.slice(0, 7);
  return by === 'month' ? month : `${day.slice(0, 4)}/Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;
}

export function periodLabel(key: string, by: 'quarter' | 'month'): Words {
  const year = Number(key.slice(0, 4));
  return by === 'month' ? monthLabel(year, Number(key.slice(5, 7))) : quarterLabel(year, Number(key.slice(6)));
}

/** Every period from the one of `first` to the one of `last`, in order: an empty one is a gap a chart should show. */
export function periodsBetween(first: string, last: string, by: 'quarter' | 'month'): string[] {
  const keys: string[] = [];
  let year = Number(first.slice(0, 4));
  let month = Number(first.slice(5, 7));
  const end = periodKey(last, by);
  for (;;) {
    const key = periodKey(`${year}/${String(month).padStart(2, '0')}/01`, by);
    if (keys.at(-1) !== key) keys.push(key);
    if (key === end) return keys;
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}

export function isPeriod(by: ReportGrouping | undefined): by is 'quarter' | 'month' {
  return by === 'quarter' || by === 'month';
}
