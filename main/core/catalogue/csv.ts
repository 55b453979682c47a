import type { Bilingual, CatalogueFile } from '../contract';
import { readCsv, writeCsv } from '../csv';

/**
 * The catalogue as a spreadsheet: one row per service, its agency's code and titles beside
 * it (rows of one agency repeat them). Lists (steps, documents, rules, FAQ) are one cell per
 * language, one item per line, the Persian and English lines matched by their order.
 */
export const CATALOGUE_COLUMNS = [
  'agency_code',
  'agency_title_fa',
  'agency_title_en',
  'agency_sample',
  'code',
  'title_fa',
  'title_en',
  'type',
  'delivery',
  'not_electronic_reason_fa',
  'not_electronic_reason_en',
  'working_days',
  'fee_rial',
  'fee_how_fa',
  'fee_how_en',
  'fee_where_fa',
  'fee_where_en',
  'steps_fa',
  'steps_en',
  'documents_fa',
  'documents_en',
  'rules_fa',
  'rules_en',
  'complaint_fa',
  'complaint_en',
  'responsible_unit_fa',
  'responsible_unit_en',
  'faq_questions_fa',
  'faq_questions_en',
  'faq_answers_fa',
  'faq_answers_en',
  'active',
  'sample',
] as const;
export type CatalogueColumn = (typeof CATALOGUE_COLUMNS)[number];
type Row = Record<CatalogueColumn, string>;

/** Persian and English lines are matched by their position, blank lines included: an item may lack English. */
function list(fa: string, en: string): Bilingual[] {
  const english = en.split(/\r?\n/).map((line) => line.trim());
  return fa.split(/\r?\n/).flatMap((line, i) => {
    const text = line.trim();
    if (text === '') return [];
    return english[i] ? [{ fa: text, en: english[i] }] : [{ fa: text }];
  });
}

function text(fa: string, en: string): Bilingual | undefined {
  if (fa.trim() === '' && en.trim() === '') return undefined;
  return en.trim() === '' ? { fa } : { fa, en };
}

/** A number cell as a number when it is one; anything else is left for the schema to refuse by name. */
function numberCell(cell: string): unknown {
  const trimmed = cell.trim();
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function booleanCell(cell: string, empty: boolean): unknown {
  const value = cell.trim().toLowerCase();
  if (value === '') return empty;
  if (['yes', 'true', '1', 'بله'].includes(value)) return true;
  if (['no', 'false', '0', 'خیر'].includes(value)) return false;
  return value;
}

export interface CsvRows {
  /** The catalogue as the rows say it, not yet checked: the schema names what is wrong. */
  file: { format: 1; agencies: unknown[]; services: unknown[] };
  /** Which CSV row each service and each agency came from (1 = first data row). */
  rowOfService: number[];
  rowOfAgency: number[];
  missingColumns: string[];
}

export function catalogueFromCsv(content: string): CsvRows {
  const { header, records } = readCsv(content) as { header: string[]; records: Row[] };
  const missingColumns = CATALOGUE_COLUMNS.filter((column) => !header.includes(column));
  const agencies = new Map<string, unknown>();
  const services: unknown[] = [];
  const rowOfAgency: number[] = [];
  for (const [index, row] of records.entries()) {
    const cell = (column: CatalogueColumn) => row[column] ?? '';
    if (!agencies.has(cell('agency_code'))) {
      rowOfAgency.push(index + 1);
      agencies.set(cell('agency_code'), {
        code: cell('agency_code'),
        title: { fa: cell('agency_title_fa'), en: cell('agency_title_en') },
        sample: booleanCell(cell('agency_sample'), false),
      });
    }
    const questions = list(cell('faq_questions_fa'), cell('faq_questions_en'));
    const answers = list(cell('faq_answers_fa'), cell('faq_answers_en'));
    services.push({
      code: cell('code'),
      agencyCode: cell('agency_code'),
      title: { fa: cell('title_fa'), en: cell('title_en') },
      type: cell('type').trim(),
      delivery: cell('delivery').trim(),
      notElectronicReason: text(cell('not_electronic_reason_fa'), cell('not_electronic_reason_en')),
      workingDays: numberCell(cell('working_days')),
      fee: {
        amountRial: numberCell(cell('fee_rial')),
        how: text(cell('fee_how_fa'), cell('fee_how_en')),
        where: text(cell('fee_where_fa'), cell('fee_where_en')),
      },
      steps: list(cell('steps_fa'), cell('steps_en')),
      documents: list(cell('documents_fa'), cell('documents_en')),
      rules: list(cell('rules_fa'), cell('rules_en')),
      complaint: text(cell('complaint_fa'), cell('complaint_en')),
      responsibleUnit: text(cell('responsible_unit_fa'), cell('responsible_unit_en')),
      faq: questions.map((q, i) => ({ q, a: answers[i] })),
      active: booleanCell(cell('active'), true),
      sample: booleanCell(cell('sample'), false),
    });
  }
  return {
    file: { format: 1, agencies: [...agencies.values()], services },
    rowOfService: services.map((_, i) => i + 1),
    rowOfAgency,
    missingColumns,
  };
}

const joinFa = (items: Bilingual[]) => items.map((item) => item.fa).join('\n');
const joinEn = (items: Bilingual[]) => items.map((item) => item.en ?? '').join('\n');

export function catalogueToCsv(catalogue: CatalogueFile): string {
  const agencies = new Map(catalogue.agencies.map((agency) => [agency.code, agency]));
  const rows = catalogue.services.map((service): Row => {
    const agency = agencies.get(service.agencyCode);
    return {
      agency_code: service.agencyCode,
      agency_title_fa: agency?.title.fa ?? '',
      agency_title_en: agency?.title.en ?? '',
      agency_sample: agency?.sample ? 'yes' : 'no',
      code: service.code,
      title_fa: service.title.fa,
      title_en: service.title.en,
      type: service.type,
      delivery: service.delivery,
      not_electronic_reason_fa: service.notElectronicReason?.fa ?? '',
      not_electronic_reason_en: service.notElectronicReason?.en ?? '',
      working_days: String(service.workingDays),
      fee_rial: String(service.fee.amountRial),
      fee_how_fa: service.fee.how.fa,
      fee_how_en: service.fee.how.en ?? '',
      fee_where_fa: service.fee.where.fa,
      fee_where_en: service.fee.where.en ?? '',
      steps_fa: joinFa(service.steps),
      steps_en: joinEn(service.steps),
      documents_fa: joinFa(service.documents),
      documents_en: joinEn(service.documents),
      rules_fa: joinFa(service.rules),
      rules_en: joinEn(service.rules),
      complaint_fa: service.complaint.fa,
      complaint_en: service.complaint.en ?? '',
      responsible_unit_fa: service.responsibleUnit.fa,
      responsible_unit_en: service.responsibleUnit.en ?? '',
      faq_questions_fa: joinFa(service.faq.map((f) => f.q)),
      faq_questions_en: joinEn(service.faq.map((f) => f.q)),
      faq_answers_fa: joinFa(service.faq.map((f) => f.a)),
      faq_answers_en: joinEn(service.faq.map((f) => f.a)),
      active: service.active ? 'yes' : 'no',
      sample: service.sample ? 'yes' : 'no',
    };
  });
  return writeCsv(rows, CATALOGUE_COLUMNS);
}
