import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import sample from '../../assets/catalogue/sample.json';
import { mizban } from '../support/cli';
import { tempDir } from '../support/temp';

const dir = tempDir('mizban-cli-data-');
const file = (name: string) => path.join(dir, name);

/** One number from a database, read without the app. */
function scalar(db: string, sql: string): number {
  const opened = new Database(db, { readonly: true });
  try {
    return opened.prepare(sql).pluck().get() as number;
  } finally {
    opened.close();
  }
}

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);

describe('mizban db init', () => {
  test('creates a database with the sample catalogue, and says so', () => {
    const db = file('init-sample.sqlite');
    const run = mizban('db', 'init', '--db', db);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /created with the sample catalogue/);
    assert.match(run.stdout, new RegExp(`\\b${sample.services.length} services`));
    assert.equal(scalar(db, 'SELECT count(*) FROM services'), sample.services.length);
    assert.equal(scalar(db, 'SELECT count(*) FROM agencies'), sample.agencies.length);
  });

  test('--empty creates one without it', () => {
    const db = file('init-empty.sqlite');
    const run = mizban('db', 'init', '--db', db, '--empty');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /created empty.*\b0 services/);
    assert.equal(scalar(db, 'SELECT count(*) FROM services'), 0);
    assert.equal(scalar(db, 'SELECT count(*) FROM agencies'), 0);
  });
});

describe('mizban catalogue', () => {
  const full = file('catalogue-full.sqlite');
  const empty = file('catalogue-empty.sqlite');
  const exported = file('catalogue.csv');
  mizban('db', 'init', '--db', full);
  mizban('db', 'init', '--db', empty, '--empty');

  test('export --format csv --out F, then import F into an empty database: the same catalogue', () => {
    const out = mizban('catalogue', 'export', '--format', 'csv', '--out', exported, '--db', full);
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, /wrote /);
    assert.equal(fs.readFileSync(exported).subarray(0, 3).toString('hex'), 'efbbbf', 'a UTF-8 byte-order mark');

    const run = mizban('catalogue', 'import', exported, '--db', empty);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`services ${sample.services.length} added, 0 updated`));
    assert.equal(scalar(empty, 'SELECT count(*) FROM services'), sample.services.length);

    const again = file('catalogue-again.csv');
    assert.equal(mizban('catalogue', 'export', '--format', 'csv', '--out', again, '--db', empty).code, 0);
    assert.deepEqual(fs.readFileSync(again), fs.readFileSync(exported));
  });

  test('export --format json prints the catalogue file', () => {
    const run = mizban('catalogue', 'export', '--format', 'json', '--db', full);
    assert.equal(run.code, 0, run.stderr);
    const catalogue = JSON.parse(run.stdout) as { format: number; services: unknown[] };
    assert.equal(catalogue.format, 1);
    assert.equal(catalogue.services.length, sample.services.length);
  });

  test('a bad file exits 1, names every problem by row and column on stderr, and changes nothing', () => {
    const records = parse(fs.readFileSync(exported, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    const [first, second, third] = records;
    assert.ok(first && second && third);
    first.title_en = 'A title that must not be applied';
    second.working_days = 'five';
    third.title_en = '';
    third.agency_code = 'no such agency!';
    const bad = file('bad-catalogue.csv');
    fs.writeFileSync(bad, stringify([first, second, third], { header: true }));
    const before = mizban('catalogue', 'export', '--format', 'json', '--db', full).stdout;

    const run = mizban('catalogue', 'import', bad, '--db', full);
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /refused, nothing was changed/);
    assert.match(run.stderr, /row 2, working_days: invalid_type/);
    assert.match(run.stderr, /row 3, title_en: text.required/);
    assert.match(run.stderr, /row 3, agency_code: code.invalid/);
    assert.equal(mizban('catalogue', 'export', '--format', 'json', '--db', full).stdout, before);
  });

  test('a JSON file is told by its name, and its problems named by row and field', () => {
    const bad = file('bad-catalogue.json');
    const services = structuredClone(sample.services.slice(0, 2));
    services[1] = { ...services[0], code: '10110077', workingDays: -1 } as (typeof services)[number];
    fs.writeFileSync(bad, JSON.stringify({ format: 1, agencies: sample.agencies, services }));
    const run = mizban('catalogue', 'import', bad, '--db', full);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /row 2, services.workingDays: too_small/);
  });

  test('a CSV missing a column names it; a file that is not there, or none, is refused', () => {
    const noColumn = file('no-column.csv');
    fs.writeFileSync(noColumn, 'agency_code,code\r\nmunicipality,10110001\r\n');
    const run = mizban('catalogue', 'import', noColumn, '--db', full);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /working_days: file.column_missing/);

    const missing = mizban('catalogue', 'import', file('none.csv'), '--db', full);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no file at/);
    assert.equal(mizban('catalogue', 'import', '--db', full).code, 2);
    assert.equal(mizban('catalogue', 'export', '--format', 'xml', '--db', full).code, 2);
  });
});

describe('mizban requests', () => {
  const db = file('requests.sqlite');
  mizban('db', 'init', '--db', db);
  const header = 'created_at,service_code,national_code,legal_id,name,mobile';

  test('import of a good ledger, then export --format json prints the requests', () => {
    const good = file('ledger.csv');
    fs.writeFileSync(
      good,
      `\ufeff${header}\r\n1405/09/02 10:30,10110001,0499370899,,زهرا احمدی,09121234567\r\n` +
        `۱۴۰۵/۰۹/۰۲ ۱۱:۰۰,10110002,,10380284790,شرکت نمونه,+989121234567\r\n`,
    );
    const run = mizban('requests', 'import', good, '--db', db);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /imported 2 requests/);

    const exported = mizban('requests', 'export', '--format', 'json', '--db', db);
    assert.equal(exported.code, 0, exported.stderr);
    const rows = JSON.parse(exported.stdout) as Record<string, unknown>[];
    assert.deepEqual(
      rows.map((row) => [row.created_at, row.service_code, row.channel, row.mobile, row.due_date]),
      [
        ['1405/09/02 10:30', '10110001', 'import', '09121234567', '1405/09/02'],
        ['1405/09/02 11:00', '10110002', 'import', '09121234567', '1405/09/14'],
      ],
    );
    const csv = mizban('requests', 'export', '--db', db);
    assert.equal(csv.code, 0, csv.stderr);
    assert.ok(csv.stdout.startsWith(`\ufefftracking_code,`), 'CSV by default, with a byte-order mark');
  });

  test('a bad ledger exits 1, names each row and column on stderr, and writes nothing', () => {
    const before = scalar(db, 'SELECT count(*) FROM requests');
    const bad = file('bad-ledger.csv');
    fs.writeFileSync(
      bad,
      `${header}\r\n1405/09/02 10:30,10110001,0499370899,,زهرا احمدی,09121234567\r\n` +
        `1405/13/02 10:30,10110001,0499370899,,زهرا احمدی,09121234567\r\n` +
        `1405/09/02 10:30,10110001,0499370899,,زهرا احمدی,12345\r\n` +
        `1405/09/02 10:30,10110002,,,شرکت نمونه,09121234567\r\n`,
    );
    const run = mizban('requests', 'import', bad, '--db', db);
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /nothing was changed \(3 problems\)/);
    assert.match(run.stderr, /row 2, created_at: calendar.date_invalid/);
    assert.match(run.stderr, /row 3, mobile: mobile.invalid/);
    assert.match(run.stderr, /row 4, legal_id: legalId.required/);
    assert.equal(scalar(db, 'SELECT count(*) FROM requests'), before);
  });

  test('a ledger missing a column names it', () => {
    const bad = file('no-mobile.csv');
    fs.writeFileSync(bad, 'created_at,service_code,national_code,legal_id,name\r\n1405/09/02 10:30,10110001,,,x\r\n');
    const run = mizban('requests', 'import', bad, '--db', db);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /mobile: file.column_missing/);
  });

  test('export of a database that is not there is refused, and creates none', () => {
    const none = file('no-such.sqlite');
    const run = mizban('requests', 'export', '--db', none);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /no database at/);
    assert.equal(fs.existsSync(none), false);
  });
});

describe('mizban calendar and due-date', () => {
  // No database there: the shipped holidays and the default settings (Friday rest, Thursday working, 14:00).
  const noDb = file('absent.sqlite');

  test('calendar 1405 lists Nowruz', () => {
    const run = mizban('calendar', '1405', '--db', noDb);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^1405\/01\/01 .*Nowruz/m);
    assert.equal(mizban('calendar', '1400', '--db', noDb).code, 1, 'outside the holiday data');
  });

  // 1405/09/02 is a Monday, and Azar 1405 has no holiday. Counting 5 working days after it:
  // Tue 03, Wed 04, Thu 05 (working by default), Fri 06 rest, Sat 07, Sun 08 -> 1405/09/08.
  test('due-date --from 1405/09/02 --days 5 ends with the date alone', () => {
    const run = mizban('due-date', '--from', '1405/09/02', '--days', '5', '--db', noDb);
    assert.equal(run.code, 0, run.stderr);
    assert.match(lastLine(run.stdout) ?? '', /^\d{4}\/\d{2}\/\d{2}$/);
    assert.equal(lastLine(run.stdout), '1405/09/08');
    assert.match(run.stdout, /rest day: 1405\/09\/06 Friday/);
  });

  // 15:30 is after the 14:00 closing time: the request counts from Tuesday 1405/09/03, and
  // 5 working days after it are Wed 04, Thu 05, Sat 07, Sun 08, Mon 09 -> 1405/09/09.
  test('due-date --time after closing counts from the next working day', () => {
    const run = mizban('due-date', '--from', '1405/09/02', '--days', '5', '--time', '15:30', '--db', noDb);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /counts as made on 1405\/09\/03/);
    assert.equal(lastLine(run.stdout), '1405/09/09');
    assert.equal(fs.existsSync(noDb), false, 'a lookup creates no database');
  });

  test('due-date refuses a bad date or number of days as a usage mistake', () => {
    assert.equal(mizban('due-date', '--from', '1405/13/01', '--days', '5', '--db', noDb).code, 2);
    assert.equal(mizban('due-date', '--from', '1405/09/02', '--db', noDb).code, 2);
  });
});

describe('unknown subcommands', () => {
  for (const args of [['catalogue', 'frob'], ['requests', 'frob'], ['db', 'frob'], ['catalogue'], ['requests']]) {
    test(`mizban ${args.join(' ')} exits 2 with the usage`, () => {
      const run = mizban(...args, '--db', file('unknown.sqlite'));
      assert.equal(run.code, 2);
      assert.match(run.stderr, /unknown command/);
      assert.match(run.stderr, /usage: mizban/);
      assert.equal(fs.existsSync(file('unknown.sqlite')), false);
    });
  }
});
