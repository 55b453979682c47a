import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { backupDatabase } from '../../main/core/db/backup';
import { openDatabase, schemaVersion } from '../../main/core/db/connection';
import { migrate, SchemaTooNewError } from '../../main/core/db/migrate';
import { migrations } from '../../main/core/db/migrations';
import { tempDir } from '../support/temp';

const dir = tempDir();
const latest = migrations.at(-1)?.version ?? 0;

describe('a fresh database', () => {
  const file = path.join(dir, 'fresh', 'mizban.sqlite');
  const db = openDatabase(file);

  test('is created with its folder and migrated to the latest version', () => {
    assert.ok(fs.existsSync(file));
    assert.equal(schemaVersion(db), latest);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all();
    assert.deepEqual(tables, [
      'agencies',
      'calendar_days',
      'calendar_log',
      'calendar_overrides',
      'kiosk_exit_pin',
      'print_jobs',
      'questionnaires',
      'request_documents',
      'request_events',
      'requests',
      'services',
      'settings',
      'settings_log',
      'survey_answers',
      'survey_responses',
      'tracking_sequence',
      'user_log',
      'users',
    ]);
  });

  test('runs with WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(db.pragma('synchronous', { simple: true }), 2);
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
    assert.equal(db.pragma('busy_timeout', { simple: true }), 5000);
    db.close();
  });

  test('migration versions are 1, 2, 3… in order', () => {
    assert.deepEqual(
      migrations.map((m) => m.version),
      migrations.map((_, i) => i + 1),
    );
  });
});

describe('an existing database', () => {
  test('keeps its data and gets only the migrations it lacks', () => {
    const file = path.join(dir, 'existing.sqlite');
    const first = openDatabase(file, { migrations: migrations.slice(0, 1) });
    first
      .prepare("INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('terminal.number', '4', 'now', 't')")
      .run();
    first.close();

    const next = [
      ...migrations,
      { version: latest + 1, name: 'next', sql: 'CREATE TABLE extra (id INTEGER PRIMARY KEY);' },
    ];
    const db = openDatabase(file, { migrations: next });
    assert.equal(schemaVersion(db), latest + 1);
    assert.equal(db.prepare("SELECT value FROM settings WHERE key = 'terminal.number'").pluck().get(), '4');
    db.close();
  });

  test('0009 makes print_jobs again with every row and id, and takes survey slips', () => {
    const file = path.join(dir, 'print-jobs.sqlite');
    const old = openDatabase(file, { migrations: migrations.filter((m) => m.version < 9) });
    old.exec(`
      INSERT INTO agencies (id, code, title_fa, title_en) VALUES (1, 'a', 'الف', 'A');
      INSERT INTO services (id, code, agency_id, title_fa, title_en, search_key, type, delivery, working_days, active,
                            sample, details, updated_at, updated_by)
        VALUES (1, 's', 1, 'خدمت', 'S', 'خدمت', 'G2C', 'in_person', 3, 1, 0, '{}', 'now', 't');
      INSERT INTO requests (id, tracking_code, terminal, sequence, service_id, channel, status, created_at, created_day,
                            due_date, due_date_estimated, updated_at)
        VALUES (7, '00100000075', 1, 7, 1, 'kiosk', 'delivered', 'now', '1405/09/02', '1405/09/05', 0, 'now');
      INSERT INTO print_jobs (id, request_id, kind, copy, status, attempts, last_error, created_at, updated_at)
        VALUES (3, 7, 'receipt', 1, 'failed', 8, 'not-ready', 'then', 'then'), (5, NULL, 'test', 0, 'queued', 0, NULL, 'now', 'now');
    `);
    const before = old.prepare('SELECT * FROM print_jobs ORDER BY id').all();
    old.close();

    const db = openDatabase(file);
    assert.deepEqual(db.prepare('SELECT * FROM print_jobs ORDER BY id').all(), before);
    const insert = db.prepare(
      "INSERT INTO print_jobs (request_id, kind, status, created_at, updated_at) VALUES (?, ?, 'queued', 'now', 'now')",
    );
    assert.equal(insert.run(7, 'survey_slip').lastInsertRowid, 6, 'ids go on from the last');
    assert.throws(() => insert.run(null, 'survey_slip'), /CHECK constraint failed/);
    assert.throws(() => insert.run(7, 'test'), /CHECK constraint failed/);
    assert.throws(() => insert.run(7, 'letter'), /CHECK constraint failed/);
    assert.equal(
      db
        .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'print_jobs_pending'")
        .pluck()
        .get(),
      1,
    );
    db.close();
  });

  test('a migration that fails leaves the schema where it was, with nothing half done', () => {
    const file = path.join(dir, 'failing.sqlite');
    openDatabase(file).close();
    const broken = [
      ...migrations,
      { version: latest + 1, name: 'broken', sql: 'CREATE TABLE half (id INTEGER); INSERT INTO nowhere VALUES (1);' },
    ];
    assert.throws(() => openDatabase(file, { migrations: broken }), /no such table: nowhere/);
    const db = new Database(file);
    assert.equal(schemaVersion(db), latest);
    assert.equal(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get(), 0);
    db.close();
  });

  test('a database from a newer version of the app is refused, not damaged', () => {
    const file = path.join(dir, 'newer.sqlite');
    const db = new Database(file);
    db.pragma(`user_version = ${latest + 5}`);
    assert.throws(() => migrate(db, migrations), SchemaTooNewError);
    assert.equal(schemaVersion(db), latest + 5);
    db.close();
  });
});

test('an online backup is a complete, consistent copy', async () => {
  const db = openDatabase(path.join(dir, 'live.sqlite'));
  db.prepare(
    "INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('office.name.fa', '\"دفتر\"', 'now', 't')",
  ).run();
  const out = path.join(dir, 'backups', 'copy.sqlite');
  const result = await backupDatabase(db, out);
  db.close();
  assert.equal(result.path, out);
  assert.ok(!fs.existsSync(`${out}.partial`));
  const copy = new Database(out, { readonly: true });
  assert.equal(copy.pragma('integrity_check', { simple: true }), 'ok');
  assert.equal(schemaVersion(copy), latest);
  assert.equal(copy.prepare("SELECT value FROM settings WHERE key = 'office.name.fa'").pluck().get(), '"دفتر"');
  copy.close();
});
