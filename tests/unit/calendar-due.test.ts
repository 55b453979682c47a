import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { effectiveDays } from '../../main/core/calendar/days';
import { formatJalali, parseJalali } from '../../main/core/calendar/jalali';
import { workCalendar } from '../../main/core/calendar/store';
import { WorkCalendar, type ThursdayRule } from '../../main/core/calendar/work';
import { DomainError } from '../../main/core/router';

const day = (jalali: string) => {
  const parsed = parseJalali(jalali);
  assert.ok(parsed !== undefined, jalali);
  return parsed;
};
const CLOSING = 14 * 60;
const shipped = effectiveDays(new Map(), []);
const calendars = new Map<ThursdayRule, WorkCalendar>(
  (['working', 'half', 'closed'] as const).map((rule) => [rule, workCalendar(shipped, rule)]),
);
const work = (rule: ThursdayRule = 'working') => calendars.get(rule) ?? assert.fail(rule);

/** The due date, as 'YYYY/MM/DD', of a request on a Jalali day (at a Tehran time, minutes since midnight). */
function due(from: string, days: number, options: { rule?: ThursdayRule; minutes?: number } = {}) {
  const result = work(options.rule).dueDate({ day: day(from), minutes: options.minutes }, days, CLOSING);
  return {
    dueDate: formatJalali(result.dueDay),
    countedFrom: formatJalali(result.countedFrom),
    estimated: result.estimated,
  };
}

describe('due dates', () => {
  test('the request day itself does not count', () => {
    // Sunday 1405/09/01, a working day: one working day later is Monday, not Sunday.
    assert.equal(due('1405/09/01', 1).dueDate, '1405/09/02');
    assert.equal(due('1405/09/01', 5).dueDate, '1405/09/07');
    assert.equal(due('1405/09/01', 0).dueDate, '1405/09/01', 'a same-day service is due on the day');
  });

  test('across a weekend: Friday always rests, Thursday as the office decides', () => {
    // Wednesday 1405/09/04; Thursday 09/05, Friday 09/06, Saturday 09/07.
    assert.equal(due('1405/09/04', 2, { rule: 'working' }).dueDate, '1405/09/07');
    assert.equal(due('1405/09/04', 2, { rule: 'half' }).dueDate, '1405/09/07', 'a half day counts');
    assert.equal(due('1405/09/04', 2, { rule: 'closed' }).dueDate, '1405/09/08');
  });

  test('a request on a rest day counts as made on the next working day', () => {
    assert.deepEqual(due('1405/09/06', 1), { dueDate: '1405/09/08', countedFrom: '1405/09/07', estimated: false });
    assert.equal(due('1405/09/05', 1, { rule: 'closed' }).countedFrom, '1405/09/07');
    assert.equal(due('1405/09/05', 1, { rule: 'working' }).countedFrom, '1405/09/05');
  });

  test('across Nowruz (and Eid al-Fitr 1447, which falls on it)', () => {
    // Wednesday 1404/12/27: Thursday 12/28, then Friday 12/29 and 1405/01/01-04 are rest days.
    assert.deepEqual(due('1404/12/27', 3), { dueDate: '1405/01/06', countedFrom: '1404/12/27', estimated: false });
    // With Thursdays closed, 1405/01/06 (Thursday) and 01/07 (Friday) rest too.
    assert.equal(due('1404/12/27', 3, { rule: 'closed' }).dueDate, '1405/01/09');
    // Monday 1405/01/10: Republic Day and Nature Day (Wednesday, Thursday), then Friday, in the count.
    assert.equal(due('1405/01/10', 3).dueDate, '1405/01/16');
  });

  test('after the closing time (Tehran clock) the request counts from the next working day', () => {
    // Monday 1405/09/02.
    assert.equal(due('1405/09/02', 5, { minutes: 13 * 60 + 59 }).dueDate, '1405/09/08');
    assert.equal(due('1405/09/02', 5, { minutes: 14 * 60 }).dueDate, '1405/09/09', 'closed from 14:00');
    assert.deepEqual(due('1405/09/02', 5, { minutes: 15 * 60 + 30 }), {
      dueDate: '1405/09/09',
      countedFrom: '1405/09/03',
      estimated: false,
    });
    // Wednesday evening with Thursdays closed: counts from Saturday.
    assert.equal(due('1405/09/04', 1, { rule: 'closed', minutes: 16 * 60 }).dueDate, '1405/09/08');
  });

  test('an estimated holiday skipped in the span flags the result', () => {
    // Eid al-Adha 1447 is estimated on Thursday 1405/03/07.
    assert.deepEqual(due('1405/03/05', 3), { dueDate: '1405/03/10', countedFrom: '1405/03/05', estimated: true });
    assert.equal(due('1405/03/05', 1).estimated, false, 'due before the estimated holiday');
    assert.equal(due('1405/03/05', 3, { rule: 'closed' }).estimated, false, 'a closed Thursday rests anyway');
    // Eid al-Ghadir (estimated) falls on Friday 1405/03/15, also 15 Khordad: no dependence.
    assert.equal(due('1405/03/13', 2).estimated, false);
    // A request made on an estimated holiday depends on it too.
    assert.equal(due('1405/03/07', 1).estimated, true);
  });

  test('working days between two dates', () => {
    const calendar = work();
    const from = day('1404/12/27');
    for (const n of [0, 1, 2, 3, 10, 40]) {
      assert.equal(calendar.workingDaysBetween(from, calendar.addWorkingDays(from, n)), n);
    }
    assert.equal(calendar.workingDaysBetween(day('1404/12/27'), day('1405/01/06')), 3);
    assert.equal(calendar.workingDaysBetween(day('1405/01/06'), day('1404/12/27')), -3);
    assert.equal(calendar.workingDaysBetween(day('1405/01/01'), day('1405/01/04')), 0, 'Nowruz');
  });

  test('outside the years with holiday data, nothing is promised', () => {
    const refused = (fn: () => unknown) =>
      assert.throws(fn, (error) => error instanceof DomainError && (error.code as string) === 'calendar.out_of_range');
    // Wednesday 1406/12/25: Thursday, Saturday, then 12/29 is a holiday and 1407 is not covered.
    refused(() => due('1406/12/25', 3));
    refused(() => work().dueDate({ day: day('1402/12/01') }, 1, CLOSING));
    refused(() => work().workingDaysBetween(day('1405/01/01'), day('1407/01/15')));
    assert.equal(due('1406/12/25', 2).dueDate, '1406/12/28', 'up to the last covered days');
  });

  test('the pure calendar takes any rest days: a closure, an estimated one', () => {
    const first = day('1405/09/01');
    const calendar = new WorkCalendar(first, first + 30, [{ day: day('1405/09/03'), estimated: true }], 'working');
    assert.equal(calendar.isWorkingDay(day('1405/09/03')), false);
    const result = calendar.dueDate({ day: day('1405/09/02') }, 1, CLOSING);
    assert.equal(formatJalali(result.dueDay), '1405/09/04');
    assert.equal(result.estimated, true);
  });
});
