import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { openCore } from '../../main/core/app';
import type { ChannelOutput, Result } from '../../main/core/contract';
import { REPEATED_CRASHES_EVENT, type LogEntry } from '../../main/core/contract/kiosk';
import { repeatedCrashes } from '../../main/core/logs/handlers';
import { LOG_FILE_NAME, parseLogLine, RotatingLog } from '../../main/core/logs/rotating-log';
import { runStartupChecks } from '../../main/core/recovery/startup';
import { callerForWindow } from '../../main/shell/caller';
import { signedIn } from '../support/auth';
import { tempDir } from '../support/temp';

describe('the rotating log', () => {
  test('writes JSON lines and reads them back newest first', () => {
    const dir = tempDir();
    let tick = 0;
    const log = new RotatingLog({ dir, now: () => new Date(Date.UTC(2026, 0, 1, 8, 0, tick++)) });
    log.info('a', 'first');
    log.warn('b', 'second', new Error('boom'));
    log.error('c', 'third');
    const lines = fs.readFileSync(path.join(dir, LOG_FILE_NAME), 'utf8').trim().split('\n');
    assert.equal(lines.length, 3);
    assert.deepEqual(
      log.recent(10).map((entry) => [entry.event, entry.level, entry.message]),
      [
        ['c', 'error', 'third'],
        ['b', 'warn', 'second'],
        ['a', 'info', 'first'],
      ],
    );
    assert.match(log.recent(10)[1]?.details ?? '', /^Error: boom\n/);
    assert.deepEqual(log.recent(1).length, 1);
  });

  test('rotates by size and keeps only N old files', () => {
    const dir = tempDir();
    const log = new RotatingLog({ dir, maxBytes: 400, keep: 2 });
    for (let i = 0; i < 40; i++) log.info('n', `line ${i} ${'x'.repeat(40)}`);
    const files = fs.readdirSync(dir).sort();
    assert.deepEqual(files, [LOG_FILE_NAME, `${LOG_FILE_NAME}.1`, `${LOG_FILE_NAME}.2`]);
    for (const file of files) assert.ok(fs.statSync(path.join(dir, file)).size <= 400, file);
    const recent = log.recent(1000);
    assert.equal(recent[0]?.message.startsWith('line 39 '), true);
    // Continuous across files: newest first, no gaps.
    const numbers = recent.map((entry) => Number(entry.message.split(' ')[1]));
    assert.deepEqual(
      numbers,
      numbers.map((_, i) => 39 - i),
    );
    assert.ok(numbers.length < 40, 'the oldest lines are gone');
  });

  test('a new log object on the same folder goes on where the last one stopped', () => {
    const dir = tempDir();
    new RotatingLog({ dir, maxBytes: 300, keep: 1 }).info('a', 'x'.repeat(200));
    const again = new RotatingLog({ dir, maxBytes: 300, keep: 1 });
    again.info('b', 'y'.repeat(200));
    assert.deepEqual(fs.readdirSync(dir).sort(), [LOG_FILE_NAME, `${LOG_FILE_NAME}.1`]);
    assert.deepEqual(
      again.recent(5).map((e) => e.event),
      ['b', 'a'],
    );
  });

  test('a line cut short by a power cut is skipped; the others are read', () => {
    const dir = tempDir();
    new RotatingLog({ dir }).info('a', 'whole');
    fs.appendFileSync(path.join(dir, LOG_FILE_NAME), '{"at":"2026-01-01T00:00:00Z","level":"in');
    assert.equal(parseLogLine('{"at":"x","level":"fatal","event":"e","message":"m"}'), null);
    const log = new RotatingLog({ dir });
    log.info('b', 'after');
    assert.deepEqual(
      log.recent(5).map((e) => e.event),
      ['b', 'a'],
    );
  });

  test('writing never throws, even where the folder cannot be made', () => {
    const file = path.join(tempDir(), 'a-file');
    fs.writeFileSync(file, '');
    const log = new RotatingLog({ dir: path.join(file, 'logs') });
    assert.doesNotThrow(() => log.error('x', 'y'));
    assert.deepEqual(log.recent(5), []);
  });
});

describe('repeated crashes for the admin face', () => {
  test('counts the repeated-crash entries of the last 24 hours and names the last one', () => {
    const now = new Date('2026-01-02T12:00:00Z');
    const entry = (at: string, event = REPEATED_CRASHES_EVENT): LogEntry => ({
      at,
      level: 'error',
      event,
      message: '',
    });
    assert.deepEqual(
      repeatedCrashes(
        [
          entry('2026-01-02T11:00:00.000Z'),
          entry('2026-01-02T10:00:00.000Z', 'renderer.crashed'),
          entry('2026-01-01T13:00:00.000Z'),
          entry('2025-12-30T13:00:00.000Z'),
        ],
        now,
      ),
      { last24h: 2, lastAt: '2026-01-02T11:00:00.000Z' },
    );
    assert.deepEqual(repeatedCrashes([], now), { last24h: 0, lastAt: null });
  });
});

describe('the core: its log and its checks at start', () => {
  const dir = tempDir();
  const dbPath = path.join(dir, 'start.sqlite');
  const core = openCore({ dbPath, appVersion: 't', log: () => undefined });
  after(() => core.close());

  test('the log lives in a logs folder next to the database; the start is checked and logged', () => {
    assert.equal(core.logger.file, path.join(dir, 'logs', LOG_FILE_NAME));
    assert.deepEqual(core.startup, { quickCheck: 'ok', unfinishedPrintJobs: 0, recoveredPrintJobs: null });
    assert.ok(core.logger.recent(10).some((entry) => entry.event === 'db.quick_check'));
  });

  test('logs.recent answers the admin only, newest first, with the repeated crashes', async () => {
    const admin = await signedIn(core);
    core.logger.error(REPEATED_CRASHES_EVENT, 'The kiosk screen crashed 3 times in 10 minutes.');
    const result = (await core.router.call(admin, 'logs.recent', { limit: 2 })) as Result<ChannelOutput<'logs.recent'>>;
    assert.ok(result.ok);
    assert.equal(result.value.entries.length, 2);
    assert.equal(result.value.entries[0]?.event, REPEATED_CRASHES_EVENT);
    assert.equal(result.value.repeatedCrashes.last24h, 1);
    for (const caller of [callerForWindow('kiosk'), await signedIn(core, 'clerk')]) {
      assert.deepEqual(await core.router.call(caller, 'logs.recent', {}), {
        ok: false,
        error: { code: 'role.forbidden' },
      });
    }
  });

  test('a fault inside a handler is written to the log, not only to the console', async () => {
    core.db.exec('ALTER TABLE kiosk_exit_pin RENAME TO kiosk_exit_pin_gone');
    try {
      const result = await core.router.call(await signedIn(core), 'kiosk.pin.status', {});
      assert.deepEqual(result, { ok: false, error: { code: 'internal' } });
    } finally {
      core.db.exec('ALTER TABLE kiosk_exit_pin_gone RENAME TO kiosk_exit_pin');
    }
    const fault = core.logger.recent(1)[0];
    assert.equal(fault?.event, 'core.fault');
    assert.match(fault?.details ?? '', /kiosk_exit_pin/);
  });
});

describe('print jobs left in printing', () => {
  const dir = tempDir();
  const core = openCore({ dbPath: path.join(dir, 'jobs.sqlite'), appVersion: 't', log: () => undefined });
  after(() => core.close());

  function addJob(status: string): void {
    const request = core.db.prepare('SELECT id FROM requests LIMIT 1').get() as { id: number } | undefined;
    assert.ok(request, 'a request to hang the job on');
    core.db
      .prepare(
        "INSERT INTO print_jobs (request_id, kind, copy, status, created_at, updated_at) VALUES (?, 'receipt', 0, ?, 'now', 'now')",
      )
      .run(request.id, status);
  }

  test('are counted and logged; a wired recovery hook is called and reported', async () => {
    const made = await core.router.call(callerForWindow('kiosk'), 'requests.create', {
      serviceCode: '10110001',
      applicant: { nationalCode: '0499370899', name: 'زهرا احمدی', mobile: '09121234567' },
    });
    assert.ok(made.ok, JSON.stringify(made));
    addJob('printing');
    addJob('printing');
    const log = new RotatingLog({ dir: path.join(dir, 'other-logs') });
    assert.deepEqual(runStartupChecks(core.db, log), {
      quickCheck: 'ok',
      unfinishedPrintJobs: 2,
      recoveredPrintJobs: null,
    });
    assert.equal(log.recent(1)[0]?.event, 'print_jobs.unfinished');
    const report = runStartupChecks(core.db, log, { recoverUnfinishedPrintJobs: () => 2 });
    assert.equal(report.recoveredPrintJobs, 2);
    assert.equal(log.recent(1)[0]?.event, 'print_jobs.recovered');
  });
});
