import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { openCoreDatabase } from '../../main/core/app';
import { tehranInstant } from '../../main/core/calendar/instant';
import { parseJalali } from '../../main/core/calendar/jalali';
import { CalendarStore } from '../../main/core/calendar/store';
import { formatTrackingCode, makeTrackingCode, type FieldIssue } from '../../main/core/contract';
import type { Db } from '../../main/core/db/connection';
import { exportRequests, importLedger, IMPORT_COLUMNS, readLedger } from '../../main/core/requests/files';
import { DomainError } from '../../main/core/router';
import { readSettings } from '../../main/core/settings/store';
import { tempDir } from '../support/temp';

const dir = tempDir();
const opened: Db[] = [];
after(() => opened.forEach((db) => db.close()));

let counter = 0;
function newDb(): Db {
  const db = openCoreDatabase(path.join(dir, `ledger-${++counter}.sqlite`), true);
  opened.push(db);
  return db;
}

const importInto = (db: Db, content: string) =>
  importLedger(db, new CalendarStore(db), readSettings(db), content, 'test:ledger');

const count = (db: Db, table: 'requests' | 'request_events' | 'print_jobs' | 'tracking_sequence') =>
  db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

const HEADER = IMPORT_COLUMNS.join(',');
const csv = (...rows: string[]) => `${[HEADER, ...rows].join('\r\n')}\r\n`;

/**
 * A good ledger. 1405/09/02 is Monday 23 November 2026 (Tehran +03:30); Azar 1405 has no
 * holiday, and the first after it is 1405/10/02 (Birth of Imam Ali, estimated). Default
 * settings: Friday rest, Thursday working, closing time 14:00.
 */
const GOOD = csv(
  // G2C, 0 working days, in office hours: due the same day. Arabic ي in the name.
  '1405/09/02 10:30,10110001,0499370899,,زهرا احمدي,09121234567',
  // Persian digits; after the closing time, so it counts from Tuesday 1405/09/03, due then.
  '۱۴۰۵/۰۹/۰۲ ۱۶:۰۰,10110001,۰۴۹۹۳۷۰۸۹۹,,Ali Rezaei,+98 912 123 4567',
  // G2B, 10 working days from Monday 09/02: 03 04 05 (Thu) 07 08 09 10 11 12 (Thu) 14, skipping Fridays 06 and 13.
  '1405/09/02 10:30,10110002,,10380284790,شرکت نمونه,0098-912-765-4321',
  // From Monday 09/30: 10/01, [10/02 estimated holiday], 10/03, [Fri 10/04], 05 06 07 08 09 10, [Fri 10/11], 12, 13.
  '1405/09/30 09:00,10110002,,۱۰۳۸۰۲۸۴۷۹۰,صنایع البرز,+989351112233',
);

/** What each GOOD row must become. */
const EXPECTED = [
  {
    createdAt: '2026-11-23T07:00:00.000Z',
    jalali: '1405/09/02 10:30',
    service: '10110001',
    nationalCode: '0499370899',
    legalId: null,
    company: null,
    name: 'زهرا احمدی',
    mobile: '09121234567',
    due: '1405/09/02',
    estimated: false,
  },
  {
    createdAt: '2026-11-23T12:30:00.000Z',
    jalali: '1405/09/02 16:00',
    service: '10110001',
    nationalCode: '0499370899',
    legalId: null,
    company: null,
    name: 'Ali Rezaei',
    mobile: '09121234567',
    due: '1405/09/03',
    estimated: false,
  },
  {
    createdAt: '2026-11-23T07:00:00.000Z',
    jalali: '1405/09/02 10:30',
    service: '10110002',
    nationalCode: null,
    legalId: '10380284790',
    company: 'شرکت نمونه',
    name: 'شرکت نمونه',
    mobile: '09127654321',
    due: '1405/09/14',
    estimated: false,
  },
  {
    createdAt: '2026-12-21T05:30:00.000Z',
    jalali: '1405/09/30 09:00',
    service: '10110002',
    nationalCode: null,
    legalId: '10380284790',
    company: 'صنایع البرز',
    name: 'صنایع البرز',
    mobile: '09351112233',
    due: '1405/10/13',
    estimated: true,
  },
];

/** The issues of a refused import; fails when the import was not refused as requests.import_invalid. */
function refusal(work: () => unknown): FieldIssue[] {
  try {
    work();
  } catch (error) {
    assert.ok(error instanceof DomainError, String(error));
    assert.equal(error.code, 'requests.import_invalid');
    return [...(error.details?.issues ?? [])].sort(
      (a, b) => (a.row ?? 0) - (b.row ?? 0) || a.path.localeCompare(b.path),
    );
  }
  assert.fail('the import should have been refused');
}

interface StoredRequest {
  id: number;
  tracking_code: string;
  status: string;
  channel: string;
  created_at: string;
  service_code: string;
  national_code: string | null;
  legal_id: string | null;
  company: string | null;
  name: string | null;
  mobile: string | null;
  due_date: string;
  due_date_estimated: number;
}

const stored = (db: Db) =>
  db
    .prepare(
      `SELECT r.id, r.tracking_code, r.status, r.channel, r.created_at, s.code AS service_code, r.national_code,
         r.legal_id, r.company, r.name, r.mobile, r.due_date, r.due_date_estimated
       FROM requests r JOIN services s ON s.id = r.service_id ORDER BY r.id`,
    )
    .all() as StoredRequest[];

describe('importing a good ledger', () => {
  const db = newDb();
  const result = importInto(db, GOOD);
  const rows = stored(db);

  test('every row becomes a registered request of the import channel, in file order', () => {
    assert.deepEqual(result, { imported: 4 });
    assert.equal(rows.length, 4);
    assert.ok(rows.every((row) => row.channel === 'import' && row.status === 'registered'));
    assert.deepEqual(
      rows.map((row) => row.tracking_code),
      [1, 2, 3, 4].map((sequence) => makeTrackingCode(1, sequence)),
    );
  });

  test('created_at is the instant the Tehran clock showed, whatever the digits', () => {
    assert.deepEqual(
      rows.map((row) => row.created_at),
      EXPECTED.map((row) => row.createdAt),
    );
  });

  test('the applicant fields are normalised: digits, mobile forms, Arabic letters', () => {
    assert.deepEqual(
      rows.map((row) => [row.service_code, row.national_code, row.legal_id, row.company, row.name, row.mobile]),
      EXPECTED.map((row) => [row.service, row.nationalCode, row.legalId, row.company, row.name, row.mobile]),
    );
  });

  test('due dates are counted from the day of the ledger row, not from today', () => {
    assert.deepEqual(
      rows.map((row) => [row.due_date, row.due_date_estimated === 1]),
      EXPECTED.map((row) => [row.due, row.estimated]),
    );
  });

  test('each request has its first event, at the ledger time, and a queued receipt', () => {
    for (const [i, row] of rows.entries()) {
      const events = db
        .prepare('SELECT at, actor, from_status, to_status, due_date FROM request_events WHERE request_id = ?')
        .all(row.id);
      assert.deepEqual(events, [
        {
          at: EXPECTED[i]?.createdAt,
          actor: 'test:ledger',
          from_status: null,
          to_status: 'registered',
          due_date: EXPECTED[i]?.due,
        },
      ]);
      const jobs = db.prepare('SELECT count(*) FROM print_jobs WHERE request_id = ?').pluck().get(row.id);
      assert.equal(jobs, 0, 'a past request queues no receipt');
    }
  });
});

describe('the Tehran clock of the ledger', () => {
  const db = newDb();

  test("'1405/09/02 10:30' is 07:00 UTC (+03:30, no summer time since 2022)", () => {
    const [row] = readLedger(
      db,
      new CalendarStore(db),
      readSettings(db),
      csv('1405/09/02 10:30,10110001,0499370899,,زهرا احمدی,09121234567'),
    );
    assert.equal(row?.at.toISOString(), '2026-11-23T07:00:00.000Z');
  });

  test("a summer before 2022, '1400/05/01 10:30', is 06:00 UTC (+04:30 then); its winter 07:00", () => {
    // Before the holiday data's years a ledger row is refused (its due date cannot be counted), so the clock
    // is checked where the ledger gets it from.
    assert.equal(tehranInstant(parseJalali('1400/05/01') as number, 630).toISOString(), '2021-07-23T06:00:00.000Z');
    assert.equal(tehranInstant(parseJalali('1399/10/01') as number, 630).toISOString(), '2020-12-21T07:00:00.000Z');
  });

  // The calendar knows 1403-1406 only: a row it cannot give a due date must be refused by its
  // row and column like any other bad row, never as an error without a row.
  test('a row whose due date the calendar cannot count is refused by row and column, nothing written', () => {
    const before = count(db, 'requests');
    const issues = refusal(() =>
      importInto(
        db,
        csv(
          '1405/09/02 10:30,10110001,0499370899,,زهرا احمدی,09121234567',
          '1400/05/01 10:30,10110001,0499370899,,زهرا احمدی,09121234567',
        ),
      ),
    );
    assert.deepEqual(
      issues.map((issue) => [issue.row, issue.path]),
      [[2, 'created_at']],
    );
    assert.equal(count(db, 'requests'), before);
  });
});

describe('a bad ledger is refused whole, every problem named by row and column', () => {
  const db = newDb();
  importInto(db, GOOD);
  const counts = () => ['requests', 'request_events', 'print_jobs'].map((t) => count(db, t as 'requests'));
  const sequence = () => db.prepare('SELECT last FROM tracking_sequence').pluck().get();

  test('bad date, unknown or inactive service, bad national code, bad mobile, G2B without legal_id', () => {
    const before = counts();
    const lastSequence = sequence();
    const issues = refusal(() =>
      importInto(
        db,
        csv(
          '1405/09/02 10:30,10110001,0499370899,,زهرا احمدی,09121234567',
          '1405/13/01 10:30,10110001,0499370899,,زهرا احمدی,09121234567',
          '1405/09/02 10:30,99999999,0499370899,,زهرا احمدی,09121234567',
          '1405/09/02 10:30,10110001,0499370898,,زهرا احمدی,09121234567',
          '1405/09/02 10:30,10110001,0499370899,,زهرا احمدی,0812123456',
          '1405/09/02 10:30,10110002,,,شرکت نمونه,09121234567',
          '1405/09/02,10110001,0499370899,,زهرا احمدی,09121234567',
          '1405/09/02 10:30,10810001,0499370899,,زهرا احمدی,09121234567',
          '1405/09/02 10:30,10110001,,,,',
        ),
      ),
    );
    assert.deepEqual(issues, [
      { row: 2, path: 'created_at', code: 'calendar.date_invalid' },
      { row: 3, path: 'service_code', code: 'catalogue.service_not_found' },
      { row: 4, path: 'national_code', code: 'nationalCode.checksum' },
      { row: 5, path: 'mobile', code: 'mobile.invalid' },
      { row: 6, path: 'legal_id', code: 'legalId.required' },
      { row: 7, path: 'created_at', code: 'calendar.date_invalid' },
      { row: 8, path: 'service_code', code: 'requests.service_inactive' },
      { row: 9, path: 'mobile', code: 'mobile.required' },
      { row: 9, path: 'name', code: 'name.required' },
      { row: 9, path: 'national_code', code: 'nationalCode.required' },
    ]);
    assert.deepEqual(counts(), before, 'the good first row was not written either');
    assert.equal(sequence(), lastSequence, 'no tracking code was spent');
  });

  test('a row with a bad date and a bad field has both named', () => {
    const issues = refusal(() => importInto(db, csv('1405/02/40 10:30,10110001,0499370899,,زهرا احمدی,0912')));
    assert.deepEqual(issues, [
      { row: 1, path: 'created_at', code: 'calendar.date_invalid' },
      { row: 1, path: 'mobile', code: 'mobile.invalid' },
    ]);
  });

  test('a missing column is file.column_missing naming it', () => {
    const content =
      'created_at,service_code,national_code,name,mobile\r\n1405/09/02 10:30,10110001,0499370899,زهرا,0912\r\n';
    assert.deepEqual(
      refusal(() => importInto(db, content)),
      [{ path: 'legal_id', code: 'file.column_missing' }],
    );
  });

  // A header row alone is how a person checks a template: wrong columns must be named then too.
  test('a header alone with a column missing is named as well, not imported as nothing', () => {
    const issues = refusal(() => importInto(db, 'created_at,service_code,name,mobile\r\n'));
    assert.deepEqual(issues, [
      { path: 'legal_id', code: 'file.column_missing' },
      { path: 'national_code', code: 'file.column_missing' },
    ]);
  });

  test('a file that is not CSV is file.unreadable', () => {
    assert.deepEqual(
      refusal(() => importInto(db, `${HEADER}\r\n"1405/09/02 10:30,10110001\r\n`)),
      [{ path: '', code: 'file.unreadable' }],
    );
  });
});

describe('exporting requests', () => {
  const db = newDb();
  importInto(db, GOOD);
  const COLUMNS = [
    'tracking_code',
    'tracking_code_display',
    'status',
    'channel',
    'created_at',
    'service_code',
    'national_code',
    'legal_id',
    'company',
    'name',
    'mobile',
    'due_date',
    'due_date_estimated',
    'closed_at',
    'purged',
  ];

  test('CSV: a byte-order mark, every field, Jalali dates, yes/no', () => {
    const content = exportRequests(db, 'csv');
    assert.ok(content.startsWith('\ufeff'));
    const records = parse(content, { bom: true, columns: true }) as Record<string, string>[];
    assert.deepEqual(Object.keys(records[0] ?? {}), COLUMNS);
    assert.deepEqual(
      records.map((r) => [r.created_at, r.service_code, r.national_code, r.legal_id, r.company, r.name, r.mobile]),
      EXPECTED.map((e) => [
        e.jalali,
        e.service,
        e.nationalCode ?? '',
        e.legalId ?? '',
        e.company ?? '',
        e.name,
        e.mobile,
      ]),
    );
    assert.deepEqual(
      records.map((r) => [r.due_date, r.due_date_estimated, r.status, r.channel, r.closed_at, r.purged]),
      EXPECTED.map((e) => [e.due, e.estimated ? 'yes' : 'no', 'registered', 'import', '', 'no']),
    );
    assert.equal(records[0]?.tracking_code_display, formatTrackingCode(makeTrackingCode(1, 1)));
  });

  test('JSON: the same fields, booleans and nulls as such', () => {
    const records = JSON.parse(exportRequests(db, 'json')) as Record<string, unknown>[];
    assert.equal(records.length, EXPECTED.length);
    assert.deepEqual(Object.keys(records[0] ?? {}), COLUMNS);
    assert.deepEqual(records[0], {
      tracking_code: makeTrackingCode(1, 1),
      tracking_code_display: formatTrackingCode(makeTrackingCode(1, 1)),
      status: 'registered',
      channel: 'import',
      created_at: '1405/09/02 10:30',
      service_code: '10110001',
      national_code: '0499370899',
      legal_id: null,
      company: null,
      name: 'زهرا احمدی',
      mobile: '09121234567',
      due_date: '1405/09/02',
      due_date_estimated: false,
      closed_at: null,
      purged: false,
    });
    assert.deepEqual(
      records.map((r) => [r.due_date, r.due_date_estimated]),
      EXPECTED.map((e) => [e.due, e.estimated]),
    );
  });

  test('an export imports back into a new terminal as the same requests', () => {
    const exported = exportRequests(db, 'csv');
    const other = newDb();
    assert.deepEqual(importInto(other, exported), { imported: EXPECTED.length });
    assert.equal(exportRequests(other, 'csv'), exported);
    assert.deepEqual(stored(other), stored(db));
  });

  // A new terminal's export is the template a spreadsheet starts from: it still names the columns.
  test('an empty database exports the header alone, and an empty JSON list', () => {
    const empty = newDb();
    assert.deepEqual(JSON.parse(exportRequests(empty, 'json')), []);
    assert.equal(exportRequests(empty, 'csv'), `\ufeff${COLUMNS.join(',')}\r\n`);
  });
});
