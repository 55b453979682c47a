import {
  canMove,
  checkMobile,
  compactDigits,
  OPEN_STATUSES,
  REQUEST_STATUSES,
  searchKey,
  type QueueItem,
  type RequestDetail,
  type RequestPublic,
  type RequestStatus,
} from '../contract';
import { formatJalali, tehranClock } from '../calendar/jalali';
import type { Db } from '../db/connection';
import { DomainError } from '../router';
import { eventsOf, findByTrackingCode, REQUEST_SELECT, serviceRef, toPublic, type RequestRow } from './rows';

/**
 * A citizen's look-up: the tracking code and the last four digits of the mobile. A wrong
 * pair is answered exactly like an unknown code, so codes cannot be probed one by one.
 */
export function lookUp(db: Db, trackingCode: string, mobileLastFour: string): RequestPublic {
  const row = findByTrackingCode(db, trackingCode);
  if (!row || !row.mobile || !row.mobile.endsWith(mobileLastFour)) throw new DomainError('requests.not_found');
  return toPublic(row, eventsOf(db, row.id));
}

export function detail(db: Db, trackingCode: string): RequestDetail {
  const row = findByTrackingCode(db, trackingCode);
  if (!row) throw new DomainError('requests.not_found');
  return toDetail(db, row);
}

export function toDetail(db: Db, row: RequestRow): RequestDetail {
  const events = eventsOf(db, row.id);
  return {
    ...toPublic(row, events),
    channel: row.channel,
    applicant: {
      nationalCode: row.national_code,
      legalId: row.legal_id,
      company: row.company,
      name: row.name,
      mobile: row.mobile,
    },
    purged: row.purged_at !== null,
    events: events.map((event) => ({
      at: event.at,
      actor: event.actor,
      from: event.from_status,
      to: event.to_status,
      note: event.note,
      dueDate: event.due_date,
    })),
    allowed: REQUEST_STATUSES.filter((to) => canMove(row.status, to)),
  };
}

export interface QueueFilter {
  statuses?: RequestStatus[] | undefined;
  serviceCode?: string | undefined;
  agencyCode?: string | undefined;
  day?: string | undefined;
  search?: string | undefined;
  limit: number;
  offset: number;
}

/**
 * What the search box may hold, in any digits and with any spacing: a tracking code, a
 * national code or legal ID, a mobile in any of its forms; otherwise words of a name.
 */
function searchCondition(search: string, params: Record<string, unknown>): string | undefined {
  const digits = compactDigits(search);
  if (/^\+?\d+$/.test(digits)) {
    const conditions = ['r.tracking_code = @digits', 'r.national_code = @digits', 'r.legal_id = @digits'];
    params.digits = digits;
    const mobile = checkMobile(search);
    if (mobile.ok) {
      conditions.push('r.mobile = @mobile');
      params.mobile = mobile.value;
    }
    return `(${conditions.join(' OR ')})`;
  }
  const key = searchKey(search);
  if (key === '') return undefined;
  params.nameKey = key;
  return 'instr(r.name_key, @nameKey) > 0';
}

/** The clerk's queue: overdue first, then by due date (Jalali YYYY/MM/DD sorts as it reads). */
export function queue(db: Db, filter: QueueFilter, now: Date): { items: QueueItem[]; hasMore: boolean } {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: filter.limit + 1, offset: filter.offset };
  const statuses = filter.statuses && filter.statuses.length > 0 ? filter.statuses : undefined;
  const search = filter.search ? searchCondition(filter.search, params) : undefined;
  // With a search, the unary + keeps SQLite off the queue index, which would walk every open
  // request; the search's own indexes find the few rows at once (tests/bench/requests.bench.ts).
  const open = search ? '+r.is_open = 1' : 'r.is_open = 1';
  if (!statuses || statuses.every((status) => OPEN_STATUSES.includes(status))) where.push(open);
  if (statuses) {
    where.push(`r.status IN (${statuses.map((_, i) => `@status${i}`).join(', ')})`);
    statuses.forEach((status, i) => (params[`status${i}`] = status));
  }
  if (filter.serviceCode) {
    where.push('s.code = @serviceCode');
    params.serviceCode = filter.serviceCode;
  }
  if (filter.agencyCode) {
    where.push('a.code = @agencyCode');
    params.agencyCode = filter.agencyCode;
  }
  if (filter.day) {
    where.push('r.created_day = @day');
    params.day = filter.day;
  }
  if (search) where.push(search);

  const rows = db
    .prepare(
      `${REQUEST_SELECT} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY r.due_date, r.id LIMIT @limit OFFSET @offset`,
    )
    .all(params) as RequestRow[];
  const today = formatJalali(tehranClock(now).day);
  const items = rows.slice(0, filter.limit).map((row): QueueItem => ({
    trackingCode: row.tracking_code,
    status: row.status,
    service: serviceRef(row),
    name: row.name,
    createdAt: row.created_at,
    dueDate: row.due_date,
    dueDateEstimated: row.due_date_estimated === 1,
    overdue: OPEN_STATUSES.includes(row.status) && row.due_date < today,
    dueToday: OPEN_STATUSES.includes(row.status) && row.due_date === today,
  }));
  return { items, hasMore: rows.length > filter.limit };
}
