import { findService } from '../catalogue/store';
import { maskMobile, maskNationalCode, parseTrackingCode } from '../contract';
import type { Db } from '../db/connection';
import { findByTrackingCode } from '../requests/rows';
import { DomainError } from '../router';
import { readSettings } from '../settings/store';
import type { ReceiptData } from './receipt-data';

/**
 * What the receipt of a request prints, from the database: the request row, its service's
 * documents, the office's name. Personal data leaves here masked; a request whose personal
 * data was purged prints without those lines.
 */
export function receiptDataFor(db: Db, trackingCode: string, options: { copy: boolean }): ReceiptData {
  const row = findByTrackingCode(db, trackingCode);
  if (!row) throw new DomainError('requests.not_found');
  const found = findService(db, row.service_code);
  if (!found) throw new DomainError('catalogue.service_not_found');
  const parsed = parseTrackingCode(row.tracking_code);
  if (!parsed.ok) throw new RangeError(`stored tracking code ${row.tracking_code}: ${parsed.error}`);
  return {
    agencyTitle: row.agency_title_fa,
    officeName: readSettings(db)['office.name.fa'],
    // The terminal that took the request, as its code says: a reprint after the terminal was renumbered still tells the truth.
    terminalNumber: parsed.terminal,
    serviceTitle: row.service_title_fa,
    serviceCode: row.service_code,
    trackingCode: row.tracking_code,
    createdAt: row.created_at,
    dueDate: row.due_date,
    dueDateEstimated: row.due_date_estimated === 1,
    documents: found.service.documents,
    maskedNationalCode: row.national_code === null ? null : maskNationalCode(row.national_code),
    // A legal ID is masked by the same rule as a national code: only its last four digits.
    maskedLegalId: row.legal_id === null ? null : maskNationalCode(row.legal_id),
    maskedMobile: row.mobile === null ? null : maskMobile(row.mobile),
    copy: options.copy,
  };
}
