import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { ErrorCode } from './contract';
import { DomainError } from './router';

/**
 * CSV as every file of the terminal reads and writes it: UTF-8 with a byte-order mark
 * (Excel opens it with the Persian intact), CRLF line ends, a header row.
 */
export const BOM = '\ufeff';

export class CsvUnreadable extends Error {}

/** The header (also of a file with no rows) and the rows by column name; a row may lack trailing cells. */
export function readCsv(content: string): { header: string[]; records: Record<string, string>[] } {
  let header: string[] = [];
  try {
    const records = parse(content, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      columns: (names: string[]) => (header = names.map((name) => name.trim())),
    }) as Record<string, string>[];
    return { header, records };
  } catch (error) {
    throw new CsvUnreadable(error instanceof Error ? error.message : String(error));
  }
}

/**
 * A file of rows to import: unreadable, or lacking a column it needs, it is refused with
 * `refusal` and issues that say so (`file.unreadable`, `file.column_missing` naming the column).
 */
export function readCsvFile(
  content: string,
  refusal: ErrorCode,
  required: readonly string[],
): { header: string[]; records: Record<string, string>[] } {
  let file: { header: string[]; records: Record<string, string>[] };
  try {
    file = readCsv(content);
  } catch (error) {
    if (error instanceof CsvUnreadable)
      throw new DomainError(refusal, { issues: [{ path: '', code: 'file.unreadable' }] });
    throw error;
  }
  const missing = required.filter((column) => !file.header.includes(column));
  if (file.header.length > 0 && missing.length > 0) {
    throw new DomainError(refusal, {
      issues: missing.map((column) => ({ path: column, code: 'file.column_missing' })),
    });
  }
  return file;
}

export function writeCsv(records: readonly Record<string, unknown>[], columns: readonly string[]): string {
  return (
    BOM +
    stringify(records as Record<string, unknown>[], {
      header: true,
      columns: [...columns],
      record_delimiter: '\r\n',
      cast: { boolean: (value) => (value ? 'yes' : 'no') },
    })
  );
}
