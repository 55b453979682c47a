import {
  applicantSchemaFor,
  makeTrackingCode,
  searchKey,
  type Applicant,
  type FieldIssue,
  type IntakeChannel,
  type Settings,
} from '../contract';
import type { CalendarStore } from '../calendar/store';
import { formatJalali, tehranClock } from '../calendar/jalali';
import type { Db } from '../db/connection';
import { DomainError } from '../router';
import { findByTrackingCode, type RequestRow } from './rows';

export interface IntakeContext {
  db: Db;
  calendar: CalendarStore;
  settings: Settings;
  channel: IntakeChannel;
  actor: string;
  /** When the request was made; the intake's own clock unless a ledger import says otherwise. */
  at: Date;
}

interface ServiceForIntake {
  id: number;
  type: 'G2C' | 'G2B';
  working_days: number;
  active: number;
}

/** The person's fields, checked for the service's type; every bad field is named. */
export function checkApplicant(type: 'G2C' | 'G2B', raw: Record<string, unknown>): Applicant {
  const parsed = applicantSchemaFor(type).safeParse(raw);
  if (!parsed.success) {
    const issues: FieldIssue[] = parsed.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      code: issue.message.includes('.') ? issue.message : issue.code,
    }));
    throw new DomainError('input.invalid', { issues });
  }
  return parsed.data;
}

export function serviceForIntake(db: Db, serviceCode: string): ServiceForIntake {
  const service = db.prepare('SELECT id, type, working_days, active FROM services WHERE code = ?').get(serviceCode) as
    ServiceForIntake | undefined;
  if (!service) throw new DomainError('catalogue.service_not_found');
  if (service.active !== 1) throw new DomainError('requests.service_inactive');
  return service;
}

/**
 * Takes a request: its row, its first event and its receipt's print job in one
 * transaction, so that a receipt that printed is a request on disk, and a request on disk
 * has its receipt queued (not for a ledger's past rows). The tracking code is the terminal's number, the terminal's next
 * sequence number and a check digit: unique across terminals that never talk to each other.
 */
export function takeRequest(
  ctx: IntakeContext,
  serviceCode: string,
  rawApplicant: Record<string, unknown>,
): { row: RequestRow; printJobId: number | null } {
  const { db } = ctx;
  const service = serviceForIntake(db, serviceCode);
  const applicant = checkApplicant(service.type, rawApplicant);
  const due = ctx.calendar.dueDate(ctx.at, service.working_days, ctx.settings);
  const terminal = ctx.settings['terminal.number'];
  const createdAt = ctx.at.toISOString();
  const now = new Date().toISOString();

  return db
    .transaction(() => {
      const sequence = db
        .prepare(
          `INSERT INTO tracking_sequence (terminal, last) VALUES (?, 1)
           ON CONFLICT (terminal) DO UPDATE SET last = last + 1 RETURNING last`,
        )
        .pluck()
        .get(terminal) as number;
      const trackingCode = makeTrackingCode(terminal, sequence);
      const { lastInsertRowid } = db
        .prepare(
          `INSERT INTO requests (tracking_code, terminal, sequence, service_id, channel, status, created_at, created_day,
             due_date, due_date_estimated, national_code, legal_id, company, name, mobile, name_key, updated_at)
           VALUES (@trackingCode, @terminal, @sequence, @serviceId, @channel, 'registered', @createdAt, @createdDay,
             @dueDate, @estimated, @nationalCode, @legalId, @company, @name, @mobile, @nameKey, @now)`,
        )
        .run({
          trackingCode,
          terminal,
          sequence,
          serviceId: service.id,
          channel: ctx.channel,
          createdAt,
          createdDay: formatJalali(tehranClock(ctx.at).day),
          dueDate: formatJalali(due.dueDay),
          estimated: due.estimated ? 1 : 0,
          nationalCode: applicant.nationalCode ?? null,
          legalId: applicant.legalId ?? null,
          company: applicant.company ?? null,
          name: applicant.name,
          mobile: applicant.mobile,
          nameKey: searchKey(`${applicant.name} ${applicant.company ?? ''}`),
          now,
        });
      const requestId = Number(lastInsertRowid);
      db.prepare(
        `INSERT INTO request_events (request_id, at, actor, from_status, to_status, note, due_date)
         VALUES (?, ?, ?, NULL, 'registered', NULL, ?)`,
      ).run(requestId, createdAt, ctx.actor, formatJalali(due.dueDay));
      const printJobId =
        ctx.channel === 'import'
          ? null
          : Number(
              db
                .prepare(
                  `INSERT INTO print_jobs (request_id, kind, copy, status, created_at, updated_at)
                   VALUES (?, 'receipt', 0, 'queued', ?, ?)`,
                )
                .run(requestId, now, now).lastInsertRowid,
            );
      return { row: findByTrackingCode(db, trackingCode) as RequestRow, printJobId };
    })
    .immediate();
}
