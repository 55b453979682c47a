import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { generateHolidays, SOURCE_DIR } from '../../build/holidays/holidays';
import { CALENDAR_RANGE, holidayData, shippedHolidays } from '../../main/core/calendar/holidays';
import {
  formatGregorian,
  formatJalali,
  jalaliQuarter,
  parseClock,
  parseGregorian,
  parseJalali,
  quarterOf,
  tehranClock,
  weekday,
  weekdayName,
} from '../../main/core/calendar/jalali';
import { formatJalaliDate } from '../../main/core/contract';

const day = (jalali: string) => {
  const parsed = parseJalali(jalali);
  assert.ok(parsed !== undefined, jalali);
  return parsed;
};
const gregorianOf = (jalali: string) => formatGregorian(day(jalali));

describe('Jalali dates', () => {
  test('known dates: 1405/01/01 is Saturday 21 March 2026', () => {
    assert.equal(gregorianOf('1405/01/01'), '2026-03-21');
    assert.equal(weekday(day('1405/01/01')), 6);
    assert.equal(weekdayName(day('1405/01/01'), 'en'), 'Saturday');
    assert.equal(weekdayName(day('1405/01/01'), 'fa'), 'شنبه');
    assert.equal(gregorianOf('1403/12/30'), '2025-03-20', '1403 is a leap year');
    assert.equal(formatJalali(parseGregorian('2026-11-23') ?? 0), '1405/09/02');
  });

  test('the key round-trips, and people may type Persian digits or drop leading zeros', () => {
    assert.equal(formatJalali(day('1405/09/02')), '1405/09/02');
    assert.equal(day('۱۴۰۵/۹/۲'), day('1405/09/02'));
    assert.equal(day('1405/01/01') - day('1404/12/29'), 1);
  });

  test('what is not a Jalali date is refused', () => {
    for (const text of ['1405/12/30', '1405/13/01', '1405/00/10', '1405/07/31', '1405-01-01', '', 'x']) {
      assert.equal(parseJalali(text), undefined, text);
    }
    assert.equal(parseGregorian('2026-02-30'), undefined);
  });

  test('display goes through contract/locale.ts', () => {
    const instant = new Date(Date.UTC(2026, 2, 21, 12));
    assert.equal(formatJalaliDate(instant, 'en'), 'Saturday 1 Farvardin 1405');
  });

  test('quarters: months 1-3, 4-6, 7-9, 10-12, with their Gregorian first and last days', () => {
    const first = jalaliQuarter(1405, 1);
    assert.equal(formatJalali(first.first), '1405/01/01');
    assert.equal(formatJalali(first.last), '1405/03/31');
    assert.equal(first.firstGregorian, '2026-03-21');
    assert.equal(first.lastGregorian, '2026-06-21');
    const last = jalaliQuarter(1403, 4);
    assert.equal(formatJalali(last.last), '1403/12/30', 'the leap day ends the fourth quarter');
    assert.equal(last.lastGregorian, '2025-03-20');
    assert.deepEqual(quarterOf(day('1405/07/01')), jalaliQuarter(1405, 3));
    assert.deepEqual(quarterOf(day('1405/06/31')), jalaliQuarter(1405, 2));
  });

  test('the Tehran calendar day of an instant, not the UTC day', () => {
    assert.deepEqual(tehranClock(new Date('2026-03-20T20:29:00Z')), { day: day('1404/12/29'), minutes: 23 * 60 + 59 });
    assert.deepEqual(tehranClock(new Date('2026-03-20T20:30:00Z')), { day: day('1405/01/01'), minutes: 0 });
    assert.deepEqual(tehranClock(new Date('2026-11-23T12:00:00Z')), { day: day('1405/09/02'), minutes: 15 * 60 + 30 });
  });

  test('a time of day', () => {
    assert.equal(parseClock('14:00'), 840);
    assert.equal(parseClock('۰۸:۳۰'), 510);
    assert.equal(parseClock('24:00'), undefined);
    assert.equal(parseClock('14:60'), undefined);
  });
});

describe('the shipped holidays', () => {
  const on = (date: string) => shippedHolidays.filter((holiday) => holiday.date === date);
  const byId = (id: string) => {
    const found = shippedHolidays.find((holiday) => holiday.id === id);
    assert.ok(found, id);
    return found;
  };

  test('cover the Jalali years 1403 to 1406', () => {
    assert.equal(holidayData.firstYear, 1403);
    assert.equal(holidayData.lastYear, 1406);
    assert.equal(formatJalali(CALENDAR_RANGE.first), '1403/01/01');
    assert.equal(formatJalali(CALENDAR_RANGE.last), '1406/12/29');
  });

  test('the solar holidays, every year', () => {
    for (let year = 1403; year <= 1406; year++) {
      for (const md of ['01/01', '01/02', '01/03', '01/04', '01/12', '01/13', '03/14', '03/15', '11/22', '12/29']) {
        const date = `${year}/${md}`;
        assert.ok(
          on(date).some((holiday) => holiday.id === `solar:${date}` && !holiday.estimated),
          `${date} is a holiday`,
        );
      }
    }
    assert.equal(byId('solar:1405/01/01').fa, 'آغاز نوروز');
    assert.equal(byId('solar:1405/11/22').en, 'Victory of the Islamic Revolution and fall of the monarchy (1357 SH)');
  });

  test('a lunar holiday in an observed month falls on its exact date: Tasua and Ashura 1447', () => {
    const starts = fs.readFileSync(path.join(SOURCE_DIR, 'qamari-iran-month-starts.txt'), 'utf8');
    const muharram = /^1447\/1 (\d{4}-\d{2}-\d{2})/m.exec(starts)?.[1];
    assert.equal(muharram, '2025-06-27');
    const start = parseGregorian(muharram) ?? 0;
    assert.equal(byId('lunar:1447/01/09').date, formatJalali(start + 8));
    assert.equal(byId('lunar:1447/01/09').estimated, false);
    assert.equal(gregorianOf(byId('lunar:1447/01/09').date), '2025-07-05');
    assert.equal(gregorianOf(byId('lunar:1447/01/10').date), '2025-07-06');
    assert.equal(byId('lunar:1447/01/10').date, '1404/04/15');
  });

  test('the "end of month" rule is the day before Rabi al-Awwal begins', () => {
    assert.equal(gregorianOf(byId('lunar:1447/02/last').date), '2025-08-24');
    assert.equal(byId('lunar:1447/02/last').en, 'Martyrdom of Imam Reza (203 AH)');
  });

  test('after the last observed month start (1447/10 = 2026-03-21) lunar holidays are estimated', () => {
    assert.equal(holidayData.observedUntil, '1447/10 = 2026-03-21');
    assert.equal(byId('lunar:1447/10/01').date, '1405/01/01', 'Eid al-Fitr 1447, observed, on Nowruz');
    assert.equal(byId('lunar:1447/10/25').estimated, false, 'Shawwal 1447 was observed');
    assert.equal(byId('lunar:1447/12/10').estimated, true, 'Eid al-Adha 1447');
    for (const holiday of shippedHolidays) {
      const after = holiday.date > '1405/01/25';
      if (holiday.id.startsWith('solar:')) assert.equal(holiday.estimated, false, holiday.id);
      else assert.equal(holiday.estimated, after, holiday.id);
    }
  });

  test('every holiday has a Persian and an English title, and one entry per id', () => {
    const ids = new Set(shippedHolidays.map((holiday) => holiday.id));
    assert.equal(ids.size, shippedHolidays.length);
    for (const holiday of shippedHolidays) {
      assert.ok(holiday.fa.length > 0 && holiday.en.length > 0, holiday.id);
      assert.doesNotMatch(holiday.fa, /[يك]/, 'Persian letters, not the Arabic look-alikes');
    }
    assert.match(byId('lunar:1447/03/17').en, /Prophet Muhammad.* – .*Jafar al-Sadiq/);
  });

  test('the committed holidays.json is what the generator makes of the committed sources', () => {
    assert.deepEqual(generateHolidays(), holidayData);
  });
});
