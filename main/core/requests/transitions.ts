import { canMove, OPEN_STATUSES, type RequestDetail, type RequestStatus, type Settings } from '../contract';
import type { CalendarStore } from '../calendar/store';
import { formatJalali, parseJalali, tehranClock } from '../calendar/jalali';
import type { Db } from '../db/connection';
import { DomainError } from '../router';
import { findByTrackingCode, type RequestRow } from './rows';
import { toDetail } from './queries';

export interface TransitionContext {
  db: Db;
  calendar: CalendarStore;
  settings: Settings;
  actor: string;
  now: Date;
}

/**
 * The due date after a wait for the citizen: the agency's clock stops while the citizen
 * owes it something, so the working days waited are added (when the setting says so).
 */
function dueDateAfterWaiting(ctx: TransitionContext, row: RequestRow, today: number): string | undefined {
  if (!ctx.settings['requests.waitingExtendsDueDate'] || !row.waiting_since) return undefined;
  const since = parseJalali(row.waiting_since);
  const due = parseJalali(row.due_date);
  if (since === undefined || due === undefined) return undefined;
  const work = ctx.calendar.work(ctx.settings['calendar.thursday']);
  const waited = work.workingDaysBetween(since, today);
  return waited > 0 ? formatJalali(work.addWorkingDays(due, waited)) : undefined;
}

/** Moves a request along the table of allowed transitions; the move is an event in the log. */
export function moveRequest(
  ctx: TransitionContext,
  trackingCode: string,
  to: RequestStatus,
  note: string | undefined,
): { detail: RequestDetail; from: RequestStatus } {
  const { db } = ctx;
  return db
    .transaction(() => {
      const row = findByTrackingCode(db, trackingCode);
      if (!row) throw new DomainError('requests.not_found');
      if (!canMove(row.status, to)) throw new DomainError('requests.transition_invalid');
      const at = ctx.now.toISOString();
      const today = tehranClock(ctx.now).day;
      const newDue = row.status === 'waiting_citizen' ? dueDateAfterWaiting(ctx, row, today) : undefined;
      const closed = !OPEN_STATUSES.includes(to);
      db.prepare(
        `UPDATE requests SET status = @to, updated_at = @at,
           due_date = coalesce(@newDue, due_date),
           waiting_since = CASE WHEN @to = 'waiting_citizen' THEN @today ELSE NULL END,
           closed_at = CASE WHEN @closed THEN @at ELSE closed_at END
         WHERE id = @id`,
      ).run({ to, at, newDue: newDue ?? null, today: formatJalali(today), closed: closed ? 1 : 0, id: row.id });
      db.prepare(
        `INSERT INTO request_events (request_id, at, actor, from_status, to_status, note, due_date)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(row.id, at, ctx.actor, row.status, to, note && note.length > 0 ? note : null, newDue ?? null);
      return { detail: toDetail(db, findByTrackingCode(db, trackingCode) as RequestRow), from: row.status };
    })
    .immediate();
}
