import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { calendarYear, dueDate } from '../../main/cli/commands/calendar';
import { UsageError } from '../../main/cli/usage-error';
import { calendarHandlers } from '../../main/core/calendar/handlers';
import { formatGregorian, parseJalali } from '../../main/core/calendar/jalali';
import { calendarChannels, type CalendarErrorCode } from '../../main/core/contract/calendar';
import { openDatabase, type Db } from '../../main/core/db/connection';
import { migrations } from '../../main/core/db/migrations';
import calendarSql from '../../main/core/db/migrations/0002_calendar.sql';
import { DomainError } from '../../main/core/router';
import { readSettings, writeSetting } from '../../main/core/settings/store';
import { callerForWindow } from '../../main/shell/caller';
import { tempDir } from '../support/temp';

const dir = tempDir();
const admin = callerForWindow('admin');

/** The settings table and the calendar's, whatever else the migration list holds. */
function open(file: string): Db {
  return openDatabase(file, {
    migrations: [...migrations.filter((m) => m.version < 2), { version: 2, name: '0002_calendar', sql: calendarSql }],
  });
}

function refusedWith(code: CalendarErrorCode, fn: () => unknown) {
  assert.throws(fn, (error) => error instanceof DomainError && (error.code as string) === code, code);
}

/** 10:00 on the Tehran clock on a Jalali day: a request in office hours. */
const morningOf = (jalali: string) => `${formatGregorian(parseJalali(jalali) ?? 0)}T10:00:00+03:30`;

describe('the calendar over SQLite', () => {
  const file = path.join(dir, 'calendar.sqlite');
  const db = open(file);
  const handlers = calendarHandlers(db, () => readSettings(db));
  // Tuesday 1405/03/05, three working days: Eid al-Adha (estimated) falls on Thursday 03/07.
  const dueFromTuesday = () => handlers['calendar.dueDate']({ days: 3, at: morningOf('1405/03/05') }, admin);

  test('a year lists its holidays and closures', () => {
    const { year, days } = handlers['calendar.year']({ year: 1405 }, admin);
    assert.equal(year, 1405);
    assert.ok(days.every((d) => d.date.startsWith('1405/')));
    const nowruz = days.find((d) => d.id === 'solar:1405/01/01');
    assert.deepEqual(nowruz, {
      id: 'solar:1405/01/01',
      date: '1405/01/01',
      title: { fa: 'آغاز نوروز', en: 'Nowruz, the New Year' },
      kind: 'holiday',
      estimated: false,
      source: 'shipped',
      movedFrom: null,
    });
    for (const d of days)
      assert.equal(calendarChannels['calendar.year'].output.shape.days.element.safeParse(d).success, true);
    refusedWith('calendar.out_of_range', () => handlers['calendar.year']({ year: 1407 }, admin));
    refusedWith('calendar.out_of_range', () => handlers['calendar.year']({ year: 1402 }, admin));
  });

  test('a due date from an instant', () => {
    assert.deepEqual(dueFromTuesday(), { dueDate: '1405/03/10', estimated: true });
    // 15:30 in Tehran on Monday 1405/09/02 is after the closing time.
    assert.deepEqual(handlers['calendar.dueDate']({ days: 5, at: '2026-11-23T12:00:00Z' }, admin), {
      dueDate: '1405/09/09',
      estimated: false,
    });
    assert.deepEqual(handlers['calendar.dueDate']({ days: 5, at: '2026-11-23T15:30:00+03:30' }, admin), {
      dueDate: '1405/09/09',
      estimated: false,
    });
  });

  test('the settings are read on each call: Thursday closed, a later closing time', () => {
    writeSetting(db, { key: 'calendar.closingTime', value: '16:00' }, 'test');
    assert.equal(handlers['calendar.dueDate']({ days: 5, at: '2026-11-23T12:00:00Z' }, admin).dueDate, '1405/09/08');
    writeSetting(db, { key: 'calendar.thursday', value: 'closed' }, 'test');
    assert.equal(handlers['calendar.dueDate']({ days: 5, at: '2026-11-23T12:00:00Z' }, admin).dueDate, '1405/09/09');
    assert.deepEqual(
      dueFromTuesday(),
      { dueDate: '1405/03/10', estimated: false },
      'the estimated Thursday rests anyway',
    );
    writeSetting(db, { key: 'calendar.thursday', value: 'working' }, 'test');
    writeSetting(db, { key: 'calendar.closingTime', value: '14:00' }, 'test');
  });

  test('confirming an estimated holiday: same date, no longer estimated', () => {
    const confirmed = handlers['calendar.confirmDay']({ id: 'lunar:1447/12/10' }, admin);
    assert.equal(confirmed.estimated, false);
    assert.equal(confirmed.date, '1405/03/07');
    assert.deepEqual(dueFromTuesday(), { dueDate: '1405/03/10', estimated: false });
    assert.deepEqual(handlers['calendar.confirmDay']({ id: 'solar:1405/01/01' }, admin).estimated, false);
  });

  test('moving a holiday to another date moves the due date', () => {
    // Eid al-Adha moved to Friday 03/08: Thursday 03/07 becomes a working day.
    const moved = handlers['calendar.moveDay']({ id: 'lunar:1447/12/10', to: '1405/03/08' }, admin);
    assert.deepEqual({ date: moved.date, movedFrom: moved.movedFrom }, { date: '1405/03/08', movedFrom: '1405/03/07' });
    assert.deepEqual(dueFromTuesday(), { dueDate: '1405/03/09', estimated: false });
    // Tasua 1448 (estimated) moved a day later is confirmed by the move.
    const tasua = handlers['calendar.moveDay']({ id: 'lunar:1448/01/09', to: '1405/04/05' }, admin);
    assert.equal(tasua.estimated, false);
    // Back to where it was shipped: no longer "moved".
    const back = handlers['calendar.moveDay']({ id: 'lunar:1448/01/09', to: '1405/04/04' }, admin);
    assert.deepEqual(
      { date: back.date, movedFrom: back.movedFrom, estimated: back.estimated },
      {
        date: '1405/04/04',
        movedFrom: null,
        estimated: false,
      },
    );
  });

  let closureId = '';
  let localDayId = '';
  test('a closure added by the administrator is a rest day, with its reason and who added it', () => {
    const closure = handlers['calendar.addDay'](
      { date: '1405/03/06', kind: 'closure', title: { fa: 'تعطیلی برای صرفه‌جویی در برق' } },
      admin,
    );
    closureId = closure.id;
    assert.match(closure.id, /^admin:\d+$/);
    assert.deepEqual(closure.title, { fa: 'تعطیلی برای صرفه‌جویی در برق', en: 'تعطیلی برای صرفه‌جویی در برق' });
    assert.equal(closure.source, 'admin');
    // Wednesday 03/06 closed: Thursday, Saturday, Sunday.
    assert.deepEqual(dueFromTuesday(), { dueDate: '1405/03/10', estimated: false });
    assert.ok(handlers['calendar.year']({ year: 1405 }, admin).days.some((d) => d.id === closure.id));
    const row = db.prepare('SELECT created_by FROM calendar_days').get() as { created_by: string };
    assert.equal(row.created_by, 'window:admin');
  });

  test('an added day can be moved and removed; a shipped holiday cannot be removed', () => {
    refusedWith('calendar.day_not_removable', () => handlers['calendar.removeDay']({ id: 'solar:1405/01/01' }, admin));
    refusedWith('calendar.day_not_found', () => handlers['calendar.removeDay']({ id: 'admin:999' }, admin));
    refusedWith('calendar.day_not_found', () =>
      handlers['calendar.moveDay']({ id: 'lunar:1300/01/01', to: '1405/01/05' }, admin),
    );
    refusedWith('calendar.day_not_found', () => handlers['calendar.confirmDay']({ id: 'nothing' }, admin));
    const holiday = handlers['calendar.addDay'](
      { date: '1405/03/09', kind: 'holiday', title: { fa: 'روز محلی', en: 'Local day' } },
      admin,
    );
    localDayId = holiday.id;
    assert.deepEqual(dueFromTuesday(), { dueDate: '1405/03/11', estimated: false });
    handlers['calendar.moveDay']({ id: holiday.id, to: '1405/03/20' }, admin);
    assert.deepEqual(dueFromTuesday(), { dueDate: '1405/03/10', estimated: false });
    const removed = handlers['calendar.removeDay']({ id: closureId }, admin);
    assert.equal(removed.date, '1405/03/06');
    assert.deepEqual(dueFromTuesday(), { dueDate: '1405/03/09', estimated: false });
  });

  test('dates are checked: a valid Jalali date, inside the covered years', () => {
    const add = (date: string) => () =>
      handlers['calendar.addDay']({ date, kind: 'closure', title: { fa: 'برف' } }, admin);
    refusedWith('calendar.date_invalid', add('1405/12/30'));
    refusedWith('calendar.date_invalid', add('1405/13/01'));
    refusedWith('calendar.out_of_range', add('1407/01/05'));
    refusedWith('calendar.date_invalid', () =>
      handlers['calendar.moveDay']({ id: 'solar:1405/01/13', to: '1405/02/32' }, admin),
    );
  });

  test('every change is in the log, with who and when', () => {
    const log = db
      .prepare('SELECT action, day_id, from_date, to_date, changed_at, changed_by FROM calendar_log ORDER BY id')
      .all() as {
      action: string;
      day_id: string;
      from_date: string;
      to_date: string;
      changed_at: string;
      changed_by: string;
    }[];
    assert.deepEqual(
      log.map((row) => [row.action, row.day_id, row.from_date, row.to_date]),
      [
        ['confirm', 'lunar:1447/12/10', '1405/03/07', '1405/03/07'],
        ['move', 'lunar:1447/12/10', '1405/03/07', '1405/03/08'],
        ['move', 'lunar:1448/01/09', '1405/04/04', '1405/04/05'],
        ['move', 'lunar:1448/01/09', '1405/04/05', '1405/04/04'],
        ['add', closureId, null, '1405/03/06'],
        ['add', localDayId, null, '1405/03/09'],
        ['move', localDayId, '1405/03/09', '1405/03/20'],
        ['remove', closureId, '1405/03/06', null],
      ],
    );
    assert.ok(log.every((row) => row.changed_by === 'window:admin' && !Number.isNaN(Date.parse(row.changed_at))));
  });

  test('the changes persist across a reopen of the database', () => {
    const before = handlers['calendar.year']({ year: 1405 }, admin);
    db.close();
    const reopened = open(file);
    const again = calendarHandlers(reopened, () => readSettings(reopened));
    assert.deepEqual(again['calendar.year']({ year: 1405 }, admin), before);
    assert.deepEqual(again['calendar.dueDate']({ days: 3, at: morningOf('1405/03/05') }, admin), {
      dueDate: '1405/03/09',
      estimated: false,
    });
    reopened.close();
  });
});

describe('another connection changes the calendar', () => {
  test('a cached calendar notices', () => {
    const file = path.join(dir, 'shared.sqlite');
    const app = open(file);
    const cli = open(file);
    const handlers = calendarHandlers(app, () => readSettings(app));
    const at = morningOf('1405/03/05');
    assert.equal(handlers['calendar.dueDate']({ days: 1, at }, admin).dueDate, '1405/03/06');
    calendarHandlers(cli, () => readSettings(cli))['calendar.addDay'](
      { date: '1405/03/06', kind: 'closure', title: { fa: 'آلودگی هوا', en: 'Air pollution' } },
      admin,
    );
    assert.equal(handlers['calendar.dueDate']({ days: 1, at }, admin).dueDate, '1405/03/09');
    app.close();
    cli.close();
  });
});

describe('the contract', () => {
  test('dates are Jalali YYYY/MM/DD; inputs are strict', () => {
    const add = calendarChannels['calendar.addDay'].input;
    assert.equal(add.safeParse({ date: '1405/03/06', kind: 'closure', title: { fa: 'برف' } }).success, true);
    const badDate = add.safeParse({ date: '1405-03-06', kind: 'closure', title: { fa: 'برف' } });
    assert.equal(badDate.success, false);
    assert.equal(badDate.error?.issues[0]?.message, 'calendar.date_invalid');
    assert.equal(add.safeParse({ date: '1405/03/06', kind: 'weather', title: { fa: 'برف' } }).success, false);
    assert.equal(add.safeParse({ date: '1405/03/06', kind: 'closure', title: { fa: ' ' } }).success, false);
    const move = calendarChannels['calendar.moveDay'].input;
    assert.equal(move.safeParse({ id: 'admin:1', to: '1405/03/06' }).success, true);
    assert.equal(move.safeParse({ id: 'admin:1', to: '1405/03/06', extra: 1 }).success, false);
    const dueDate = calendarChannels['calendar.dueDate'].input;
    assert.equal(dueDate.safeParse({ days: 5 }).success, true);
    assert.equal(dueDate.safeParse({ days: 5, at: '2026-11-23T12:00:00Z' }).success, true);
    assert.equal(dueDate.safeParse({ days: 5, at: '1405/09/02' }).success, false);
    assert.equal(dueDate.safeParse({ days: -1 }).success, false);
  });

  test('reading is open to every face (even before anyone signs in), changing only to the administrator', () => {
    assert.deepEqual(calendarChannels['calendar.year'].roles, ['kiosk', 'clerk', 'supervisor', 'admin', 'guest']);
    assert.deepEqual(calendarChannels['calendar.dueDate'].roles, ['kiosk', 'clerk', 'supervisor', 'admin', 'guest']);
    for (const name of ['calendar.addDay', 'calendar.moveDay', 'calendar.confirmDay', 'calendar.removeDay'] as const) {
      assert.deepEqual(calendarChannels[name].roles, ['admin'], name);
    }
  });
});

describe('the command line', () => {
  const missing = path.join(dir, 'none.sqlite');

  test('mizban calendar YEAR: one line per holiday or closure, estimated ones marked', () => {
    const out = calendarYear(missing, '1405').split('\n');
    assert.match(out[0] ?? '', /^# 1405: \d+ holidays and closures \(no database at .*\)$/);
    assert.ok(out.includes('1405/01/01  Saturday   Nowruz, the New Year'));
    assert.ok(out.includes('1405/03/07  Thursday   Eid al-Adha (Qurban) [estimated]'));
    assert.equal(fs.existsSync(missing), false, 'a lookup creates no database');
  });

  test("mizban calendar YEAR reads the administrator's changes from the database", () => {
    const file = path.join(dir, 'cli.sqlite');
    const db = open(file);
    calendarHandlers(db, () => readSettings(db))['calendar.addDay'](
      { date: '1405/10/20', kind: 'closure', title: { fa: 'برف', en: 'Snow' } },
      admin,
    );
    db.close();
    assert.ok(calendarYear(file, '1405').split('\n').includes('1405/10/20  Sunday     Snow [closure] [added]'));
  });

  test('mizban due-date: the reasoning, then the date alone on the last line', () => {
    const out = dueDate(missing, { from: '1405/09/02', days: '5', time: '15:30' }).split('\n');
    assert.equal(out.at(-1), '1405/09/09');
    assert.ok(out.includes('made after the closing time: counts as made on 1405/09/03 Tuesday'));
    assert.ok(out.includes('rest day: 1405/09/06 Friday'));
    const estimated = dueDate(missing, { from: '۱۴۰۵/۳/۵', days: '3' }).split('\n');
    assert.equal(estimated.at(-1), '1405/03/10');
    assert.ok(estimated.some((line) => line.startsWith('depends on an estimated holiday')));
  });

  test('bad input is said clearly', () => {
    assert.throws(() => calendarYear(missing, undefined), UsageError);
    assert.throws(() => calendarYear(missing, '14o5'), UsageError);
    assert.throws(() => calendarYear(missing, '1407'), /no holidays for 1407: the holiday data covers 1403-1406/);
    assert.throws(() => dueDate(missing, { from: '1405/09/02' }), /--days/);
    assert.throws(() => dueDate(missing, { from: '1405/09/02', days: 'five' }), UsageError);
    assert.throws(
      () => dueDate(missing, { from: '1405/12/30', days: '5' }),
      /--from 1405\/12\/30 is not a Jalali date/,
    );
    assert.throws(() => dueDate(missing, { from: '1405/09/02', days: '5', time: '25:00' }), /--time 25:00/);
    assert.throws(() => dueDate(missing, { from: '1402/09/02', days: '5' }), /no holidays for 1402\/09\/02/);
    assert.throws(() => dueDate(missing, { from: '1406/12/25', days: '30' }), /falls after 1406\/12\/29/);
  });
});
