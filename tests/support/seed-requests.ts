import { tehranInstant } from '../../main/core/calendar/instant';
import { formatJalali, tehranClock, type Day } from '../../main/core/calendar/jalali';
import { CalendarStore } from '../../main/core/calendar/store';
import { checkLegalId, makeTrackingCode, searchKey, type RequestStatus } from '../../main/core/contract';
import type { Db } from '../../main/core/db/connection';
import { readSettings } from '../../main/core/settings/store';
import { prng } from './random';

/**
 * A year of a busy terminal, written straight into SQLite for benchmarks: requests of the
 * catalogue's active services, spread over the past year, with their events and receipts.
 * One transaction and one prepared statement per table; nothing goes through the router,
 * which would take an hour for a million requests (one fsync each).
 */

export interface SeedOptions {
  count: number;
  /** The PRNG's seed: the same seed gives the same rows. */
  seed: number;
  now?: Date;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Requests made longer ago than this are mostly closed; recent ones mostly open. */
const RECENT_DAYS = 30;

const FIRST_NAMES = ['زهرا', 'علی', 'فاطمه', 'محمد', 'مریم', 'حسین', 'نرگس', 'رضا', 'سارا', 'مهدی', 'لیلا', 'امیر'];
const LAST_NAMES = ['احمدی', 'رضایی', 'کریمی', 'موسوی', 'حسینی', 'محمدی', 'جعفری', 'قاسمی', 'صادقی', 'رحیمی'];
const COMPANIES = ['صنایع ۲۰۰۰ (سهامی خاص)', 'شرکت نان قزوین', 'مؤسسه خانۀ هنر', 'بازرگانی البرز', 'فولاد تاکستان'];

/** The events a request went through to reach each status, after 'registered'. */
const PATHS: Record<RequestStatus, RequestStatus[]> = {
  registered: [],
  in_progress: ['in_progress'],
  waiting_citizen: ['in_progress', 'waiting_citizen'],
  ready: ['in_progress', 'ready'],
  delivered: ['in_progress', 'ready', 'delivered'],
  rejected: ['in_progress', 'rejected'],
  cancelled: ['cancelled'],
};

/** Cumulative weights, old requests then recent ones. */
const OLD_STATUSES: [RequestStatus, number][] = [
  ['delivered', 0.88],
  ['rejected', 0.93],
  ['cancelled', 0.98],
  ['in_progress', 0.99],
  ['waiting_citizen', 1],
];
const RECENT_STATUSES: [RequestStatus, number][] = [
  ['registered', 0.3],
  ['in_progress', 0.55],
  ['waiting_citizen', 0.65],
  ['ready', 0.8],
  ['delivered', 0.95],
  ['rejected', 0.97],
  ['cancelled', 1],
];

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

function pickStatus(table: readonly [RequestStatus, number][], r: number): RequestStatus {
  return table.find(([, upTo]) => r < upTo)?.[0] ?? 'delivered';
}

/**
 * The i-th of a billion distinct 9-digit bodies: i times a number prime to 10^9 is a
 * permutation, so the codes are distinct and not in order, as people's are.
 */
function body(i: number, multiplier: number, offset: number): string {
  return String((i * multiplier + offset) % 1_000_000_000).padStart(9, '0');
}

/** The i-th distinct national code, with identity.ts's check digit: s = Σ d[i]·(10−i), r = s mod 11. */
export function nationalCode(i: number): string {
  const digits = body(i, 387_420_489, 123_456_789);
  let sum = 0;
  for (let k = 0; k < 9; k++) sum += (digits.charCodeAt(k) - 48) * (10 - k);
  const remainder = sum % 11;
  return `${digits}${remainder < 2 ? remainder : 11 - remainder}`;
}

/** G2B rows are few: finding the legal ID's check digit by trying each is fast enough. */
function legalId(i: number): string {
  const prefix = `1${body(i, 282_475_249, 987_654_321)}`;
  for (let digit = 0; digit <= 9; digit++) if (checkLegalId(`${prefix}${digit}`).ok) return `${prefix}${digit}`;
  throw new Error(`no legal ID for ${prefix}`);
}

/** The i-th distinct mobile number. */
export function mobile(i: number): string {
  return `09${body(i, 123_454_321, 555_000_111)}`;
}

/** Seeds `count` requests after the terminal's last sequence number; the counts written. */
export function seedRequests(db: Db, options: SeedOptions): { requests: number; events: number } {
  const random = prng(options.seed);
  const now = options.now ?? new Date();
  const settings = readSettings(db);
  const calendar = new CalendarStore(db);
  const terminal = settings['terminal.number'];
  const today = tehranClock(now).day;
  const services = db.prepare('SELECT id, type, working_days FROM services WHERE active = 1 ORDER BY id').all() as {
    id: number;
    type: 'G2C' | 'G2B';
    working_days: number;
  }[];

  // Per day and service, computed once: the same due dates intake would give at 10:00.
  const days = new Map<Day, { midnight: number; jalali: string; due: Map<number, [string, number]> }>();
  for (let day = today - 365; day <= today; day++) {
    const due = new Map<number, [string, number]>();
    for (const service of services) {
      const { dueDay, estimated } = calendar.dueDate(tehranInstant(day, 600), service.working_days, settings);
      due.set(service.working_days, [formatJalali(dueDay), estimated ? 1 : 0]);
    }
    days.set(day, { midnight: tehranInstant(day, 0).getTime(), jalali: formatJalali(day), due });
  }
  const names = FIRST_NAMES.flatMap((first) => LAST_NAMES.map((last) => `${first} ${last}`));
  const nameKeys = new Map(names.map((name) => [name, searchKey(name)]));
  const companyKeys = new Map(
    names.flatMap((name) => COMPANIES.map((company) => [`${name}|${company}`, searchKey(`${name} ${company}`)])),
  );

  const insertRequest = db.prepare(
    `INSERT INTO requests (tracking_code, terminal, sequence, service_id, channel, status, created_at, created_day,
       due_date, due_date_estimated, waiting_since, national_code, legal_id, company, name, mobile, name_key,
       closed_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO request_events (request_id, at, actor, from_status, to_status, note, due_date)
     VALUES (?, ?, ?, ?, ?, NULL, ?)`,
  );
  const insertPrintJob = db.prepare(
    `INSERT INTO print_jobs (request_id, kind, copy, status, attempts, created_at, updated_at)
     VALUES (?, 'receipt', 0, 'done', 1, ?, ?)`,
  );

  let events = 0;
  db.transaction(() => {
    const given = db.prepare('SELECT last FROM tracking_sequence WHERE terminal = ?').pluck().get(terminal);
    const first = ((given as number | undefined) ?? 0) + 1;
    for (let i = 0; i < options.count; i++) {
      const sequence = first + i;
      // Squared: a few services take most requests, as at a real desk.
      const service = services[Math.floor(random() ** 2 * services.length)] as (typeof services)[number];
      const age = Math.floor(random() * 366);
      const day = days.get(today - age) as NonNullable<ReturnType<typeof days.get>>;
      const created = day.midnight + (450 + Math.floor(random() * 360)) * 60_000; // office hours, 07:30-13:30
      const [dueDate, estimated] = day.due.get(service.working_days) as [string, number];
      const status = pickStatus(age > RECENT_DAYS ? OLD_STATUSES : RECENT_STATUSES, random());
      const path = PATHS[status];
      const closed = ['delivered', 'rejected', 'cancelled'].includes(status);
      const name = pick(names, random);
      const company = service.type === 'G2B' ? pick(COMPANIES, random) : null;
      const channel = random() < 0.6 ? 'kiosk' : random() < 0.9 ? 'counter' : 'import';
      // Each later event a few hours to a few days after the one before, never in the future.
      const times = [created];
      for (let k = 0; k < path.length; k++) {
        times.push(Math.min(now.getTime(), (times[k] as number) + HOUR_MS + Math.floor(random() * 3 * DAY_MS)));
      }
      const iso = times.map((time) => new Date(time).toISOString());
      const last = iso[iso.length - 1] as string;

      const { lastInsertRowid } = insertRequest.run(
        makeTrackingCode(terminal, sequence),
        terminal,
        sequence,
        service.id,
        channel,
        status,
        iso[0],
        day.jalali,
        dueDate,
        estimated,
        status === 'waiting_citizen' ? formatJalali(tehranClock(new Date(last)).day) : null,
        service.type === 'G2C' ? nationalCode(sequence) : null,
        service.type === 'G2B' ? legalId(sequence) : null,
        company,
        name,
        mobile(sequence),
        company ? companyKeys.get(`${name}|${company}`) : nameKeys.get(name),
        closed ? last : null,
        last,
      );
      const actor = channel === 'kiosk' ? 'window:kiosk' : 'window:counter';
      insertEvent.run(lastInsertRowid, iso[0], actor, null, 'registered', dueDate);
      let from: RequestStatus = 'registered';
      path.forEach((to, k) => {
        insertEvent.run(lastInsertRowid, iso[k + 1], 'window:counter', from, to, null);
        from = to;
      });
      events += 1 + path.length;
      insertPrintJob.run(lastInsertRowid, iso[0], iso[0]);
    }
    db.prepare(
      `INSERT INTO tracking_sequence (terminal, last) VALUES (?, ?)
       ON CONFLICT (terminal) DO UPDATE SET last = excluded.last`,
    ).run(terminal, first + options.count - 1);
  }).immediate();
  return { requests: options.count, events };
}
