import type { z } from 'zod';
import { catalogueFileSchema, type CatalogueFile, type FieldIssue, type FileFormat } from '../contract';
import { catalogueFromCsv, type CatalogueColumn } from './csv';

export type ParsedCatalogue = { ok: true; catalogue: CatalogueFile } | { ok: false; issues: FieldIssue[] };

/** A CSV column for a schema path, so that an error names the column the person typed in. */
function csvColumn(path: readonly PropertyKey[]): CatalogueColumn | string {
  const [field, sub, leaf] = path.map(String);
  const language = leaf === 'en' || sub === 'en' ? 'en' : 'fa';
  switch (field) {
    case 'agencyCode':
      return 'agency_code';
    case 'title':
      return `title_${language}`;
    case 'workingDays':
      return 'working_days';
    case 'notElectronicReason':
      return `not_electronic_reason_${language}`;
    case 'fee':
      return sub === 'amountRial' ? 'fee_rial' : `fee_${sub}_${path[2] === 'en' ? 'en' : 'fa'}`;
    case 'steps':
    case 'documents':
    case 'rules':
      return `${field}_${language}`;
    case 'responsibleUnit':
      return `responsible_unit_${language}`;
    case 'faq':
      return `faq_${leaf === 'a' || path[2] === 'a' ? 'answers' : 'questions'}_${path[3] === 'en' ? 'en' : 'fa'}`;
    case 'complaint':
      return `complaint_${language}`;
    default:
      return field ?? '';
  }
}

function codeOf(issue: z.core.$ZodIssue): string {
  return issue.message.includes('.') ? issue.message : issue.code;
}

/**
 * Reads a catalogue file and checks all of it: every error names its row and field, and a
 * file with any error is refused whole.
 */
export function parseCatalogue(format: FileFormat, content: string): ParsedCatalogue {
  let raw: unknown;
  let rowOfService: (index: number) => number = (index) => index + 1;
  let rowOfAgency: (index: number) => number = (index) => index + 1;
  const csv = format === 'csv';
  try {
    if (csv) {
      const rows = catalogueFromCsv(content);
      if (rows.missingColumns.length > 0) {
        return {
          ok: false,
          issues: rows.missingColumns.map((column) => ({ path: column, code: 'file.column_missing' })),
        };
      }
      raw = rows.file;
      rowOfService = (index) => rows.rowOfService[index] ?? index + 1;
      rowOfAgency = (index) => rows.rowOfAgency[index] ?? index + 1;
    } else {
      raw = JSON.parse(content.replace(/^\ufeff/, ''));
    }
  } catch {
    return { ok: false, issues: [{ path: '', code: 'file.unreadable' }] };
  }

  const parsed = catalogueFileSchema.safeParse(raw);
  const issues: FieldIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((issue): FieldIssue => {
        const [list, index, ...rest] = issue.path;
        if ((list === 'services' || list === 'agencies') && typeof index === 'number') {
          const row = list === 'services' ? rowOfService(index) : rowOfAgency(index);
          const path = csv
            ? list === 'services'
              ? csvColumn(rest)
              : `agency_${csvColumn(rest)}`
            : `${list}.${rest.join('.')}`;
          return { row, path, code: codeOf(issue) };
        }
        return { path: issue.path.join('.'), code: codeOf(issue) };
      });

  // Across rows, on the file as it was read, so that these are named together with the rest.
  const listOf = (key: 'agencies' | 'services') => {
    const list = (raw as Record<string, unknown> | null)?.[key];
    return Array.isArray(list) ? (list as Record<string, unknown>[]) : [];
  };
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : undefined);
  const agencyCodes = new Set<string>();
  listOf('agencies').forEach((agency, i) => {
    const code = text(agency?.code);
    if (code === undefined) return;
    if (agencyCodes.has(code)) {
      issues.push({ row: rowOfAgency(i), path: csv ? 'agency_code' : 'agencies.code', code: 'code.duplicate' });
    }
    agencyCodes.add(code);
  });
  const serviceCodes = new Set<string>();
  listOf('services').forEach((service, i) => {
    const row = rowOfService(i);
    const code = text(service?.code);
    if (code !== undefined && serviceCodes.has(code)) {
      issues.push({ row, path: csv ? 'code' : 'services.code', code: 'code.duplicate' });
    }
    if (code !== undefined) serviceCodes.add(code);
    const agencyCode = text(service?.agencyCode);
    if (agencyCode !== undefined && !agencyCodes.has(agencyCode)) {
      issues.push({ row, path: csv ? 'agency_code' : 'services.agencyCode', code: 'agency.unknown' });
    }
  });
  if (!parsed.success || issues.length > 0) return { ok: false, issues };
  return { ok: true, catalogue: parsed.data };
}
