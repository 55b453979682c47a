import type { RequestPublic, RequestStatus } from '../contract';
import type { Db } from '../db/connection';

/** A request row with its service and agency titles, as the reads below select it. */
export interface RequestRow {
  id: number;
  tracking_code: string;
  status: RequestStatus;
  channel: 'kiosk' | 'counter' | 'import';
  created_at: string;
  created_day: string;
  due_date: string;
  due_date_estimated: number;
  waiting_since: string | null;
  national_code: string | null;
  legal_id: string | null;
  company: string | null;
  name: string | null;
  mobile: string | null;
  purged_at: string | null;
  service_code: string;
  service_title_fa: string;
  service_title_en: string;
  agency_title_fa: string;
  agency_title_en: string;
}

export const REQUEST_SELECT = `SELECT r.id, r.tracking_code, r.status, r.channel, r.created_at, r.created_day, r.due_date,
    r.due_date_estimated, r.waiting_since, r.national_code, r.legal_id, r.company, r.name, r.mobile, r.purged_at,
    s.code AS service_code, s.title_fa AS service_title_fa, s.title_en AS service_title_en,
    a.title_fa AS agency_title_fa, a.title_en AS agency_title_en
  FROM requests r JOIN services s ON s.id = r.service_id JOIN agencies a ON a.id = s.agency_id`;

export interface EventRow {
  at: string;
  actor: string;
  from_status: RequestStatus | null;
  to_status: RequestStatus;
  note: string | null;
  due_date: string | null;
}

export function findByTrackingCode(db: Db, trackingCode: string): RequestRow | undefined {
  return db.prepare(`${REQUEST_SELECT} WHERE r.tracking_code = ?`).get(trackingCode) as RequestRow | undefined;
}

export function eventsOf(db: Db, requestId: number): EventRow[] {
  return db
    .prepare(
      'SELECT at, actor, from_status, to_status, note, due_date FROM request_events WHERE request_id = ? ORDER BY id',
    )
    .all(requestId) as EventRow[];
}

export function serviceRef(row: RequestRow): RequestPublic['service'] {
  return {
    code: row.service_code,
    title: { fa: row.service_title_fa, en: row.service_title_en },
    agencyTitle: { fa: row.agency_title_fa, en: row.agency_title_en },
  };
}

/** What anyone holding the code and the mobile's last digits may see: stages and dates, no personal data. */
export function toPublic(row: RequestRow, events: readonly EventRow[]): RequestPublic {
  return {
    trackingCode: row.tracking_code,
    status: row.status,
    service: serviceRef(row),
    createdAt: row.created_at,
    dueDate: row.due_date,
    dueDateEstimated: row.due_date_estimated === 1,
    timeline: events.map((event) => ({ at: event.at, from: event.from_status, to: event.to_status })),
  };
}
