import type { Settings } from '../contract';
import { FRIDAY, THURSDAY, weekday, type Day } from './jalali';
import { refuse } from './refuse';

export type ThursdayRule = Settings['calendar.thursday'];

/** A day the office is closed that is not a weekly rest day: a holiday or a closure. */
export interface RestDay {
  day: Day;
  /** An estimated holiday: its real date may be a day off. */
  estimated: boolean;
}

/** A request as the calendar sees it: the Tehran day it was made, and the time when known. */
export interface RequestMoment {
  day: Day;
  /** Minutes since midnight, Tehran clock; without it the request counts as made in office hours. */
  minutes?: number;
}

export interface DueDate {
  requestDay: Day;
  /** The day the request counts as made: the request day, or the next working day. */
  countedFrom: Day;
  dueDay: Day;
  /** Some day skipped between the request day and the due date is rest only because of an estimated holiday. */
  estimated: boolean;
}

const WORKING = 0;
const REST = 1;
/** Rest only because of an estimated holiday: not a weekly rest day, no certain holiday, no closure. */
const REST_ESTIMATED = 2;

/**
 * The working days of a span of days, for given holidays and closures and a Thursday rule.
 * Built once (a few thousand days) and then answering by table and prefix sums, so a due
 * date on every request intake costs a binary search.
 *
 * Thursday 'half': the office opens on Thursday mornings, and such a half day counts as a
 * whole working day, both when counting a service's working days and as a day a request
 * can be made on. A service's time is promised in days the office opens, and a due date
 * in halves of days could not be printed on a receipt. The one closing time applies.
 */
export class WorkCalendar {
  private readonly state: Uint8Array;
  /** working[i] = working days among the first i days of the span; estimatedRest[i] likewise. */
  private readonly working: Int32Array;
  private readonly estimatedRest: Int32Array;

  constructor(
    readonly first: Day,
    readonly last: Day,
    restDays: Iterable<RestDay>,
    thursday: ThursdayRule,
  ) {
    const length = last - first + 1;
    this.state = new Uint8Array(length);
    for (let i = 0; i < length; i++) {
      const wd = weekday(first + i);
      if (wd === FRIDAY || (wd === THURSDAY && thursday === 'closed')) this.state[i] = REST;
    }
    for (const { day, estimated } of restDays) {
      const i = day - first;
      if (i < 0 || i >= length || this.state[i] === REST) continue;
      this.state[i] = estimated ? REST_ESTIMATED : REST;
    }
    this.working = new Int32Array(length + 1);
    this.estimatedRest = new Int32Array(length + 1);
    for (let i = 0; i < length; i++) {
      this.working[i + 1] = (this.working[i] ?? 0) + (this.state[i] === WORKING ? 1 : 0);
      this.estimatedRest[i + 1] = (this.estimatedRest[i] ?? 0) + (this.state[i] === REST_ESTIMATED ? 1 : 0);
    }
  }

  private index(day: Day): number {
    if (!Number.isInteger(day) || day < this.first || day > this.last) refuse('calendar.out_of_range');
    return day - this.first;
  }

  isWorkingDay(day: Day): boolean {
    return this.state[this.index(day)] === WORKING;
  }

  /** The Nth working day after `day` (which itself does not count); `day` itself for N = 0. */
  addWorkingDays(day: Day, n: number): Day {
    const i = this.index(day);
    if (n === 0) return day;
    const target = (this.working[i + 1] ?? 0) + n;
    if (target > (this.working[this.working.length - 1] ?? 0)) refuse('calendar.out_of_range');
    // The smallest j with working[j + 1] = target: the day that completes the count.
    let low = i + 1;
    let high = this.working.length - 2;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.working[middle + 1] ?? 0) >= target) high = middle;
      else low = middle + 1;
    }
    return this.first + low;
  }

  /**
   * Working days in (from, to]: so that workingDaysBetween(d, addWorkingDays(d, n)) = n.
   * Negative when `to` is before `from`.
   */
  workingDaysBetween(from: Day, to: Day): number {
    return (this.working[this.index(to) + 1] ?? 0) - (this.working[this.index(from) + 1] ?? 0);
  }

  /**
   * The due date of a request: the Nth working day after the day it counts as made. A
   * request at or after the closing time (the office is closed from then), or on a rest
   * day, counts as made on the next working day.
   */
  dueDate(request: RequestMoment, days: number, closingMinutes: number): DueDate {
    const inHours = request.minutes === undefined || request.minutes < closingMinutes;
    const countedFrom = this.isWorkingDay(request.day) && inHours ? request.day : this.addWorkingDays(request.day, 1);
    const dueDay = this.addWorkingDays(countedFrom, days);
    const estimated =
      (this.estimatedRest[this.index(dueDay) + 1] ?? 0) - (this.estimatedRest[this.index(request.day)] ?? 0) > 0;
    return { requestDay: request.day, countedFrom, dueDay, estimated };
  }
}
