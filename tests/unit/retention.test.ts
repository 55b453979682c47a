import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openCore, openCoreDatabase } from '../../main/core/app';
import type { Db } from '../../main/core/db/connection';
import { nullLogger } from '../../main/core/logs/rotating-log';
import { deliveryReport } from '../../main/core/reports/delivery';
import {
  PERSONAL_COLUMNS,
  PURGE_BATCH_SQL,
  purgeCutoff,
  purgeExpired,
  RetentionService,
} from '../../main/core/retention/purge';
import { readSettings, writeSetting } from '../../main/core/settings/store';
import { mizban } from '../support/cli';
import { seedRequests } from '../support/seed-requests';
import { tempDir } from '../support/temp';

const DAY_MS = 86_400_000;
const NOW = new Date('2026-11-23T08:00:00Z');
const DAYS = 30;

type Row = Record<string, unknown>;

function rows(db: Db, sql: string): Row[] {
  return db.prepare(sql).all() as Row[];
}

/** Everything the purge must leave alone, besides the requests' other columns. */
function untouchedTables(db: Db): Record<string, Row[]> {
  return {
    request_events: rows(db, 'SELECT * FROM request_events ORDER BY id'),
    print_jobs: rows(db, 'SELECT * FROM print_jobs ORDER BY id'),
    survey_responses: rows(db, 'SELECT * FROM survey_responses ORDER BY id'),
    survey_answers: rows(db, 'SELECT * FROM survey_answers ORDER BY response_id, item_id'),
  };
}

/** A year of a desk's requests (closed and open, recent and old), with retention set. */
function seededDatabase(file: string, days: number): void {
  const db = openCoreDatabase(file, true);
  seedRequests(db, { count: 2000, seed: 5, now: NOW });
  writeSetting(db, { key: 'retention.days', value: days }, 'test:setup');
  db.close();
}

/** What the purge should make of a row: the identity gone from a closed request older than the cutoff. */
function expectedAfter(row: Row, cutoff: string, at: string): Row {
  const closed = ['delivered', 'rejected', 'cancelled'].includes(row.status as string);
  if (!closed || row.purged_at !== null || (row.closed_at as string) >= cutoff) return row;
  return { ...row, ...Object.fromEntries(PERSONAL_COLUMNS.map((column) => [column, null])), purged_at: at };
}

describe('retention: the purge erases the identity of closed requests older than the setting, and nothing else', () => {
  const file = path.join(tempDir(), 'retention.sqlite');
  let db: Db;
  before(() => {
    seededDatabase(file, DAYS);
    db = openCoreDatabase(file, false);
  });
  after(() => db.close());

  test('whole rows before and after: only those columns of those requests change, and purged_at is set', () => {
    const cutoff = purgeCutoff(DAYS, NOW) as string;
    const before = rows(db, 'SELECT * FROM requests ORDER BY id');
    const othersBefore = untouchedTables(db);
    const statisticsBefore = deliveryReport(db, {}, NOW);

    // The seeded year holds every case the purge must tell apart.
    const closedOld = before.filter((r) => r.closed_at !== null && (r.closed_at as string) < cutoff);
    assert.ok(closedOld.length > 1000, `closed long ago: ${closedOld.length}`);
    assert.ok(
      before.some((r) => r.closed_at !== null && (r.closed_at as string) >= cutoff),
      'closed recently',
    );
    assert.ok(
      before.some((r) => r.closed_at === null && (r.created_at as string) < cutoff),
      'open, though made long ago',
    );
    assert.ok(
      closedOld.some((r) => r.legal_id !== null && r.company !== null),
      'a company request among the old',
    );

    const erased = purgeExpired(db, DAYS, NOW);
    const after = rows(db, 'SELECT * FROM requests ORDER BY id');
    assert.equal(erased, closedOld.length);
    assert.deepEqual(
      after,
      before.map((row) => expectedAfter(row, cutoff, NOW.toISOString())),
    );
    assert.deepEqual(untouchedTables(db), othersBefore, 'events, print jobs and survey responses stay');
    assert.deepEqual(deliveryReport(db, {}, NOW), statisticsBefore, 'the statistics are the same');
  });

  test('a second run finds nothing: purged rows keep the time they were purged', () => {
    const before = rows(db, 'SELECT * FROM requests ORDER BY id');
    assert.equal(purgeExpired(db, DAYS, new Date(NOW.getTime() + 60_000)), 0);
    assert.deepEqual(rows(db, 'SELECT * FROM requests ORDER BY id'), before);
  });

  test('the daily run finds its requests through their index, not by walking every closed request', () => {
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${PURGE_BATCH_SQL}`)
      .all({ now: NOW.toISOString(), cutoff: NOW.toISOString(), limit: 1 }) as { detail: string }[];
    assert.ok(
      plan.some((step) => step.detail.includes('USING INDEX requests_retention')),
      JSON.stringify(plan),
    );
  });

  test('retention 0 keeps everything', () => {
    const before = rows(db, 'SELECT * FROM requests ORDER BY id');
    assert.equal(purgeCutoff(0, NOW), null);
    assert.equal(purgeExpired(db, 0, new Date(NOW.getTime() + 3650 * DAY_MS)), 0);
    assert.deepEqual(rows(db, 'SELECT * FROM requests ORDER BY id'), before);
  });

  test('a request still open is never purged, however old', () => {
    const open = rows(db, 'SELECT national_code, legal_id, name, mobile, purged_at FROM requests WHERE is_open = 1');
    assert.ok(open.length > 0);
    purgeExpired(db, 1, new Date(NOW.getTime() + 3650 * DAY_MS));
    assert.deepEqual(
      rows(db, 'SELECT national_code, legal_id, name, mobile, purged_at FROM requests WHERE is_open = 1'),
      open,
    );
    assert.ok(open.every((row) => row.purged_at === null && row.name !== null));
  });
});

describe('retention in the running terminal', () => {
  test('the core purges once soon after it starts, by its own clock', async () => {
    const file = path.join(tempDir(), 'start.sqlite');
    seededDatabase(file, DAYS);
    const core = openCore({ dbPath: file, appVersion: 't', log: () => undefined, now: () => NOW });
    try {
      const cutoff = purgeCutoff(DAYS, NOW) as string;
      const due = core.db
        .prepare('SELECT count(*) FROM requests WHERE closed_at < ? AND purged_at IS NULL')
        .pluck()
        .get(cutoff) as number;
      assert.ok(due > 0);
      await new Promise((resolve) => setTimeout(resolve, 20));
      await core.retention.idle();
      assert.equal(
        core.db.prepare('SELECT count(*) FROM requests WHERE purged_at = ?').pluck().get(NOW.toISOString()),
        due,
      );
      assert.ok(
        core.logger.recent(20).some((entry) => entry.event === 'retention.purged'),
        'the purge is in the terminal log',
      );
    } finally {
      core.close();
    }
  });

  test('then every day: what passes the setting overnight goes at the next day’s run; stop() ends the runs', async (t) => {
    const file = path.join(tempDir(), 'daily.sqlite');
    seededDatabase(file, DAYS);
    const db = openCoreDatabase(file, false);
    t.after(() => db.close());
    let clock = NOW;
    const runs: number[] = [];
    t.mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
    const service = new RetentionService({
      db,
      settings: () => readSettings(db),
      now: () => clock,
      logger: {
        ...nullLogger,
        info: (_event, message) => runs.push(Number(/of (\d+) request/.exec(message)?.[1])),
      },
    });
    const purged = () =>
      db.prepare('SELECT count(*) FROM requests WHERE purged_at IS NOT NULL').pluck().get() as number;
    const dueBy = (at: Date) =>
      db
        .prepare('SELECT count(*) FROM requests WHERE closed_at < ? AND purged_at IS NULL')
        .pluck()
        .get(purgeCutoff(DAYS, at)) as number;

    service.start();
    t.mock.timers.tick(0);
    await service.idle();
    const first = purged();
    assert.ok(first > 0);
    assert.equal(dueBy(NOW), 0);

    // A day later some requests closed 30 to 31 days before it: nothing happens until the timer says so.
    clock = new Date(NOW.getTime() + DAY_MS);
    const overnight = dueBy(clock);
    assert.ok(overnight > 0, 'the seeded year closes requests every day');
    t.mock.timers.tick(DAY_MS - 1);
    await service.idle();
    assert.equal(purged(), first);
    t.mock.timers.tick(1);
    await service.idle();
    assert.equal(purged(), first + overnight);
    assert.deepEqual(runs, [first, overnight]);

    service.stop();
    clock = new Date(NOW.getTime() + 10 * DAY_MS);
    t.mock.timers.tick(10 * DAY_MS);
    await service.idle();
    assert.equal(purged(), first + overnight, 'no run after stop()');
  });
});

describe('mizban purge', () => {
  test('erases what the setting says and prints how many', () => {
    const file = path.join(tempDir(), 'cli.sqlite');
    seededDatabase(file, DAYS);
    const db = openCoreDatabase(file, false);
    const due = db
      .prepare('SELECT count(*) FROM requests WHERE closed_at < ? AND purged_at IS NULL')
      .pluck()
      .get(purgeCutoff(DAYS, new Date())) as number;
    db.close();
    assert.ok(due > 0);

    const run = mizban('purge', '--db', file);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      run.stdout.trim(),
      `purged ${due} requests: personal data erased from requests closed more than ${DAYS} days ago`,
    );
    const again = mizban('purge', '--db', file);
    assert.match(again.stdout, /^purged 0 requests/);
  });

  test('with retention off it erases nothing and says why', () => {
    const file = path.join(tempDir(), 'off.sqlite');
    seededDatabase(file, 0);
    const run = mizban('purge', '--db', file);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout.trim(), 'purged 0 requests: retention.days is 0, personal data is kept');
    const db = openCoreDatabase(file, false);
    assert.equal(db.prepare('SELECT count(*) FROM requests WHERE purged_at IS NOT NULL').pluck().get(), 0);
    db.close();
  });

  test('refuses a database that is not there', () => {
    const run = mizban('purge', '--db', path.join(tempDir(), 'none.sqlite'));
    assert.equal(run.code, 1);
    assert.match(run.stderr, /no database at/);
  });
});
