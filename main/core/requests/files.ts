import {
  formatTrackingCode,
  normalizeDigits,
  type FieldIssue,
  type FileFormat,
  type IntakeChannel,
  type RequestStatus,
  type Settings,
} from '../contract';
import { tehranInstant } from '../calendar/instant';
import { formatJalali, parseClock, parseJalali, tehranClock } from '../calendar/jalali';
import type { CalendarStore } from '../calendar/store';
import { readCsvFile, writeCsv } from '../csv';
import type { Db } from '../db/connection';
import { DomainError } from '../router';
import { checkApplicant, serviceForIntake, takeRequest } from './intake';

/** The columns of a ledger brought from paper or another system. */
export const IMPORT_COLUMNS = ['created_at', 'service_code', 'national_code', 'legal_id', 'name', 'mobile'] as const;

/** Applicant fields as the file's columns call them, so that an error names the column. */
const COLUMN_OF_FIELD: Record<string, string> = {
  nationalCode: 'national_code',
  legalId: 'legal_id',
  company: 'company',
  name: 'name',
  mobile: 'mobile',
};

interface LedgerRow {
  at: Date;
  serviceCode: string;
  applicant: Record<string, unknown>;
}

/** 'YYYY/MM/DD HH:MM' on the Tehran clock, in any digits. */
function parseLedgerTime(text: string): Date | undefined {
  const match = /^(\S+)\s+(\S+)$/.exec(normalizeDigits(text.trim()));
  if (!match) return undefined;
  const day = parseJalali(match[1] ?? '');
  const minutes = parseClock(match[2] ?? '');
  return day === undefined || minutes === undefined ? undefined : tehranInstant(day, minutes);
}

function issuesOf(error: unknown, row: number): FieldIssue[] {
  if (error instanceof DomainError) {
    const issues = error.details?.issues;
    if (issues && issues.length > 0) {
      return issues.map((issue) => ({ row, path: COLUMN_OF_FIELD[issue.path] ?? issue.path, code: issue.code }));
    }
    return [{ row, path: 'service_code', code: error.code }];
  }
  throw error;
}

/**
 * Reads a ledger CSV and checks every row before anything is written: a file with any bad
 * row changes nothing, and every error names its row (1 = the first data row) and column.
 * A G2B row's `name` is the company's; a `company` column, when present, wins. Rows from the
 * past queue no receipt: nobody stands at the printer for them.
 */
export function readLedger(db: Db, calendar: CalendarStore, settings: Settings, content: string): LedgerRow[] {
  const { records } = readCsvFile(content, 'requests.import_invalid', IMPORT_COLUMNS);
  const issues: FieldIssue[] = [];
  const rows: LedgerRow[] = [];
  records.forEach((record, index) => {
    const row = index + 1;
    const serviceCode = (record.service_code ?? '').trim();
    const at = parseLedgerTime(record.created_at ?? '');
    if (!at) issues.push({ row, path: 'created_at', code: 'calendar.date_invalid' });
    let service: ReturnType<typeof serviceForIntake>;
    try {
      service = serviceForIntake(db, serviceCode);
    } catch (error) {
      issues.push(...issuesOf(error, row));
      return;
    }
    const applicant: Record<string, unknown> =
      service.type === 'G2C'
        ? { nationalCode: record.national_code, name: record.name, mobile: record.mobile }
        : {
            legalId: record.legal_id,
            company: record.company || record.name,
            name: record.name,
            mobile: record.mobile,
          };
    try {
      checkApplicant(service.type, applicant);
    } catch (error) {
      issues.push(...issuesOf(error, row));
    }
    if (!at) return;
    try {
      // A day the calendar cannot count from (outside its years) is this row's problem, said by its column.
      calendar.dueDate(at, service.working_days, settings);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      issues.push({ row, path: 'created_at', code: error.code });
      return;
    }
    rows.push({ at, serviceCode, applicant });
  });
  if (issues.length > 0) throw new DomainError('requests.import_invalid', { issues });
  return rows;
}

/** Takes every ledger row as a request of this terminal, all in one transaction. */
export function importLedger(
  db: Db,
  calendar: CalendarStore,
  settings: Settings,
  content: string,
  actor: string,
): { imported: number } {
  const rows = readLedger(db, calendar, settings, content);
  db.transaction(() => {
    for (const row of rows) {
      takeRequest(
        { db, calendar, settings, channel: 'import' satisfies IntakeChannel, actor, at: row.at },
        row.serviceCode,
        row.applicant,
      );
    }
  }).immediate();
  return { imported: rows.length };
}

/** Every field of a request, in the order an export lists them (also when there is no request yet). */
export const EXPORT_COLUMNS = [
  'tracking_code',
  'tracking_code_display',
  'status',
  'channel',
  'created_at',
  'service_code',
  'national_code',
  'legal_id',
  'company',
  'name',
  'mobile',
  'due_date',
  'due_date_estimated',
  'closed_at',
  'purged',
] as const;

interface ExportRow {
  tracking_code: string;
  status: RequestStatus;
  channel: IntakeChannel;
  created_at: string;
  service_code: string;
  national_code: string | null;
  legal_id: string | null;
  company: string | null;
  name: string | null;
  mobile: string | null;
  due_date: string;
  due_date_estimated: number;
  closed_at: string | null;
  purged: number;
}

function jalaliTime(iso: string): string {
  const clock = tehranClock(new Date(iso));
  const hh = String(Math.floor(clock.minutes / 60)).padStart(2, '0');
  const mm = String(clock.minutes % 60).padStart(2, '0');
  return `${formatJalali(clock.day)} ${hh}:${mm}`;
}

/** Every request with every field, dates as Jalali 'YYYY/MM/DD' (and 'HH:MM' on the Tehran clock). */
export function exportRequests(db: Db, format: FileFormat): string {
  const rows = db
    .prepare(
      `SELECT r.tracking_code, r.status, r.channel, r.created_at, s.code AS service_code, r.national_code, r.legal_id,
         r.company, r.name, r.mobile, r.due_date, r.due_date_estimated, r.closed_at, r.purged_at IS NOT NULL AS purged
       FROM requests r JOIN services s ON s.id = r.service_id ORDER BY r.id`,
    )
    .all() as ExportRow[];
  const records = rows.map((row) => ({
    tracking_code: row.tracking_code,
    tracking_code_display: formatTrackingCode(row.tracking_code),
    status: row.status,
    channel: row.channel,
    created_at: jalaliTime(row.created_at),
    service_code: row.service_code,
    national_code: row.national_code,
    legal_id: row.legal_id,
    company: row.company,
    name: row.name,
    mobile: row.mobile,
    due_date: row.due_date,
    due_date_estimated: row.due_date_estimated === 1,
    closed_at: row.closed_at ? jalaliTime(row.closed_at) : null,
    purged: row.purged === 1,
  }));
  if (format === 'json') return `${JSON.stringify(records, null, 2)}\n`;
  return writeCsv(records, EXPORT_COLUMNS);
}
