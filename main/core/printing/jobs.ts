import type { PrintJob } from '../contract';
import type { Db } from '../db/connection';

/** After this many tries a job stops retrying by itself and waits, 'failed', for the staff. */
export const MAX_ATTEMPTS = 8;

/** 1 s, 2 s, 4 s … at most a minute: a printer being refilled is not hammered. */
export function backoffMs(attempts: number): number {
  return Math.min(60_000, 1000 * 2 ** Math.max(0, attempts - 1));
}

interface JobRow {
  id: number;
  kind: PrintJob['kind'];
  tracking_code: string | null;
  copy: number;
  status: PrintJob['status'];
  attempts: number;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

const SELECT = `SELECT j.id, j.kind, r.tracking_code, j.copy, j.status, j.attempts, j.last_error, j.created_at, j.updated_at
  FROM print_jobs j LEFT JOIN requests r ON r.id = j.request_id`;

function toJob(row: JobRow): PrintJob {
  return {
    id: row.id,
    kind: row.kind,
    trackingCode: row.tracking_code,
    copy: row.copy === 1,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function findJob(db: Db, id: number): PrintJob | undefined {
  const row = db.prepare(`${SELECT} WHERE j.id = ?`).get(id) as JobRow | undefined;
  return row ? toJob(row) : undefined;
}

export function recentJobs(db: Db, limit: number): PrintJob[] {
  return (db.prepare(`${SELECT} ORDER BY j.id DESC LIMIT ?`).all(limit) as JobRow[]).map(toJob);
}

/** The next job due, marked 'printing' in the same statement, so that two loops never take one job. */
export function claimNextJob(db: Db, now: Date): PrintJob | undefined {
  const at = now.toISOString();
  const row = db
    .prepare(
      `UPDATE print_jobs SET status = 'printing', attempts = attempts + 1, updated_at = @at
       WHERE id = (SELECT id FROM print_jobs WHERE status = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= @at)
                   ORDER BY id LIMIT 1)
       RETURNING id`,
    )
    .get({ at }) as { id: number } | undefined;
  return row ? findJob(db, row.id) : undefined;
}

export function markPrinted(db: Db, id: number, printerStatus: string, now: Date): void {
  db.prepare(
    `UPDATE print_jobs SET status = 'done', last_error = NULL, printer_status = ?, next_attempt_at = NULL, updated_at = ?
     WHERE id = ?`,
  ).run(printerStatus, now.toISOString(), id);
}

/**
 * A try that did not print: back to the queue after a pause, or 'failed' after the last try.
 * If some of it may have reached the paper, what prints next is marked as a copy.
 */
export function markNotPrinted(
  db: Db,
  job: PrintJob,
  failure: { error: string; printerStatus: string | null; mayHavePrinted: boolean },
  now: Date,
): PrintJob['status'] {
  const status = job.attempts >= MAX_ATTEMPTS ? 'failed' : 'queued';
  db.prepare(
    `UPDATE print_jobs SET status = @status, last_error = @error, printer_status = @printerStatus,
       copy = CASE WHEN @mayHavePrinted THEN 1 ELSE copy END, next_attempt_at = @next, updated_at = @at
     WHERE id = @id`,
  ).run({
    status,
    error: failure.error,
    printerStatus: failure.printerStatus,
    mayHavePrinted: failure.mayHavePrinted ? 1 : 0,
    next: status === 'queued' ? new Date(now.getTime() + backoffMs(job.attempts)).toISOString() : null,
    at: now.toISOString(),
    id: job.id,
  });
  return status;
}

/** A failed job, queued again by a person: its tries start over. */
export function retryJob(db: Db, id: number, now: Date): boolean {
  const { changes } = db
    .prepare(
      `UPDATE print_jobs SET status = 'queued', attempts = 0, next_attempt_at = NULL, updated_at = ?
       WHERE id = ? AND status = 'failed'`,
    )
    .run(now.toISOString(), id);
  return changes === 1;
}

/** A new job: a receipt printed again (always a copy), a request's survey slip, or a test page. */
export function queueJob(
  db: Db,
  job: { kind: 'receipt' | 'survey_slip'; requestId: number } | { kind: 'test' },
  now: Date,
): number {
  const at = now.toISOString();
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO print_jobs (request_id, kind, copy, status, created_at, updated_at)
       VALUES (?, ?, ?, 'queued', ?, ?)`,
    )
    .run(job.kind === 'test' ? null : job.requestId, job.kind, job.kind === 'receipt' ? 1 : 0, at, at);
  return Number(lastInsertRowid);
}

/**
 * At start: a job left 'printing' died with the process that printed it. It goes back to the
 * queue as a copy, since part of it may be on paper already.
 */
export function recoverUnfinishedJobs(db: Db): number {
  return db
    .prepare(
      `UPDATE print_jobs SET status = 'queued', copy = CASE WHEN kind = 'receipt' THEN 1 ELSE copy END,
         next_attempt_at = NULL, updated_at = ? WHERE status = 'printing'`,
    )
    .run(new Date().toISOString()).changes;
}
