import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { prng } from '../support/random';
import { tempDir } from '../support/temp';

/**
 * Issue 9: a kiosk loses power without warning. A child takes requests in a loop and is
 * killed with SIGKILL at a random moment, round after round on the same database file;
 * then every request any child reported as committed must be there, whole, and the file sound.
 * A kill loses the process, not what the kernel already holds: it tests the transactions,
 * not the fsync that synchronous=FULL adds against a power cut.
 */

const ROUNDS = 30;
/** Commits a child must report before its kill is armed: it is killed mid-loop, never while opening. */
const COMMITS_BEFORE_KILL = 3;
const KILL_DELAY_MS = { min: 2, max: 300 };
const ROUND_TIMEOUT_MS = 20_000;
/** The kill moments come from a seeded PRNG, so that a failing run can be replayed. */
const SEED = 0x9e3779b9;

const ROOT = path.resolve(import.meta.dirname, '../..');
const CHILD = path.join(ROOT, 'tests/support/intake-child.ts');

/** One round: a child on `dbPath`, killed `delay` ms after its first few commits; the codes it reported. */
function killedRound(dbPath: string, round: number, delay: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', './build/sql-loader.mjs', CHILD, dbPath, String(round)],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const codes: string[] = [];
    let pending = '';
    const strays: string[] = [];
    let stderr = '';
    let armed = false;
    const timeout = setTimeout(() => child.kill('SIGKILL'), ROUND_TIMEOUT_MS);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^committed (\d{11})$/.exec(line);
        if (match?.[1]) codes.push(match[1]);
        else strays.push(line);
      }
      if (!armed && codes.length >= COMMITS_BEFORE_KILL) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delay);
      }
    });
    child.on('error', reject);
    // 'close', not 'exit': every line the child wrote before it died has been read.
    child.on('close', (code, signal) => {
      clearTimeout(timeout);
      if (strays.length > 0) return reject(new Error(`round ${round}: unexpected output ${JSON.stringify(strays)}`));
      if (signal === 'SIGKILL' && armed) return resolve(codes);
      // Unarmed, only the round's timeout kills the child.
      const why =
        signal === 'SIGKILL'
          ? `made only ${codes.length} commits in ${ROUND_TIMEOUT_MS} ms`
          : `exited (code ${code}, signal ${signal}) before its kill`;
      reject(new Error(`round ${round}: the child ${why}\n${stderr}`));
    });
  });
}

test('requests reported as committed survive SIGKILL at random moments', { timeout: 120_000 }, async (t) => {
  const dbPath = path.join(tempDir('mizban-crash-'), 'terminal.sqlite');
  const random = prng(SEED);
  const reported: string[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const delay = KILL_DELAY_MS.min + Math.floor(random() * (KILL_DELAY_MS.max - KILL_DELAY_MS.min));
    reported.push(...(await killedRound(dbPath, round, delay)));
  }

  const db = new Database(dbPath);
  try {
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    assert.deepEqual(db.pragma('foreign_key_check'), []);

    assert.equal(new Set(reported).size, reported.length, 'a tracking code was reported twice');
    const whole = db.prepare(
      `SELECT
         (SELECT count(*) FROM request_events e
           WHERE e.request_id = r.id AND e.from_status IS NULL AND e.to_status = 'registered') AS firstEvents,
         (SELECT count(*) FROM print_jobs p WHERE p.request_id = r.id AND p.kind = 'receipt' AND p.copy = 0) AS receipts
       FROM requests r WHERE r.tracking_code = ?`,
    );
    for (const code of reported) {
      const row = whole.get(code) as { firstEvents: number; receipts: number } | undefined;
      assert.ok(row, `request ${code} was reported as committed but is not in the database`);
      assert.deepEqual(row, { firstEvents: 1, receipts: 1 }, `request ${code} is not whole`);
    }

    // The request row, its first event and its print job are one transaction: none is ever written alone.
    const orphans = db
      .prepare(
        `SELECT
           (SELECT count(*) FROM requests r WHERE NOT EXISTS (SELECT 1 FROM request_events e WHERE e.request_id = r.id)
              OR NOT EXISTS (SELECT 1 FROM print_jobs p WHERE p.request_id = r.id)) AS requests,
           (SELECT count(*) FROM request_events) - (SELECT count(*) FROM requests) AS extraEvents,
           (SELECT count(*) FROM print_jobs) - (SELECT count(*) FROM requests) AS extraPrintJobs`,
      )
      .get();
    assert.deepEqual(orphans, { requests: 0, extraEvents: 0, extraPrintJobs: 0 });

    // Terminal 1: the default number, which the children never change.
    const counts = db
      .prepare(
        `SELECT count(*) AS requests, count(DISTINCT tracking_code) AS codes, count(DISTINCT sequence) AS sequences,
           max(sequence) AS lastSequence, (SELECT last FROM tracking_sequence WHERE terminal = 1) AS counter
         FROM requests WHERE terminal = 1`,
      )
      .get() as { requests: number; codes: number; sequences: number; lastSequence: number; counter: number };
    assert.equal(counts.codes, counts.requests, 'tracking codes are not unique');
    assert.equal(counts.sequences, counts.requests, 'a sequence number of this terminal was given twice');
    // The counter moves in the request's transaction: no number is skipped, none is handed out again.
    assert.equal(counts.lastSequence, counts.requests);
    assert.equal(counts.counter, counts.requests);

    // A request may have committed just before the kill, too late for its line to be written:
    // it is in the database but was never reported. The loop awaits each commit before the
    // next, so there is at most one such request per kill.
    t.diagnostic(`${ROUNDS} kills, ${reported.length} requests reported, ${counts.requests} in the database`);
    assert.ok(counts.requests >= reported.length, `${counts.requests} requests, ${reported.length} reported`);
    assert.ok(counts.requests <= reported.length + ROUNDS, `${counts.requests} requests, ${reported.length} reported`);
  } finally {
    db.close();
  }
});
