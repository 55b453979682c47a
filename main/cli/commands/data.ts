import fs from 'node:fs';
import { openCoreDatabase } from '../../core/app';
import { CalendarStore } from '../../core/calendar/store';
import { catalogueToCsv } from '../../core/catalogue/csv';
import { parseCatalogue } from '../../core/catalogue/files';
import { applyCatalogue, readCatalogue } from '../../core/catalogue/store';
import { FILE_FORMATS, type FieldIssue, type FileFormat } from '../../core/contract';
import type { Db } from '../../core/db/connection';
import { exportRequests, importLedger } from '../../core/requests/files';
import { DomainError } from '../../core/router';
import { readSettings } from '../../core/settings/store';
import { exportResponses, importResponses } from '../../core/survey/files';
import { UsageError } from '../usage-error';

const ACTOR = 'cli';

/** The file a command reads: a clear refusal when it is not there. */
function readInput(file: string | undefined, what: string): string {
  if (!file) throw new UsageError(`${what} needs a FILE`);
  if (!fs.existsSync(file)) throw new Error(`no file at ${file}`);
  return fs.readFileSync(file, 'utf8');
}

function formatOf(value: string | undefined, fallback: FileFormat): FileFormat {
  const format = value ?? fallback;
  if (!(FILE_FORMATS as readonly string[]).includes(format)) throw new UsageError('--format takes json or csv');
  return format as FileFormat;
}

/** The database, which must exist or, for an import, is made (with the sample catalogue when `sampleIfNew`). */
function withDatabase<T>(dbPath: string, mustExist: boolean, work: (db: Db) => T, sampleIfNew = true): T {
  if (mustExist && !fs.existsSync(dbPath)) throw new Error(`no database at ${dbPath}`);
  const db = openCoreDatabase(dbPath, sampleIfNew);
  try {
    return work(db);
  } finally {
    db.close();
  }
}

/** One line per problem: the row, the field or column, the code; the whole file was refused. */
export class FileRefused extends Error {
  constructor(what: string, issues: readonly FieldIssue[]) {
    const lines = issues.map(
      (issue) => `  ${issue.row !== undefined ? `row ${issue.row}, ` : ''}${issue.path || 'file'}: ${issue.code}`,
    );
    super(
      `${what} refused, nothing was changed (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${lines.join('\n')}`,
    );
  }
}

function refusedFile(what: string, error: unknown): never {
  if (error instanceof DomainError && error.details?.issues) throw new FileRefused(what, error.details.issues);
  throw error;
}

/** `mizban catalogue import FILE`: checked whole, applied all or nothing. */
export function catalogueImport(dbPath: string, file: string | undefined, format: string | undefined): string {
  const content = readInput(file, 'catalogue import');
  const parsed = parseCatalogue(formatOf(format, file?.toLowerCase().endsWith('.csv') ? 'csv' : 'json'), content);
  if (!parsed.ok) throw new FileRefused(`${file}`, parsed.issues);
  // A new terminal set up with the agency's own catalogue gets no sample beside it.
  const counts = withDatabase(dbPath, false, (db) => applyCatalogue(db, parsed.catalogue, ACTOR), false);
  return `imported ${file}: agencies ${counts.agencies.added} added, ${counts.agencies.updated} updated; services ${counts.services.added} added, ${counts.services.updated} updated`;
}

/** `mizban catalogue export`: the whole catalogue, in the format an import takes back. */
export function catalogueExport(dbPath: string, format: string | undefined): string {
  const chosen = formatOf(format, 'json');
  return withDatabase(dbPath, true, (db) => {
    const catalogue = readCatalogue(db);
    return chosen === 'json' ? `${JSON.stringify(catalogue, null, 2)}\n` : catalogueToCsv(catalogue);
  });
}

/** `mizban requests import FILE.csv`: a paper ledger or another system's requests, all or nothing. */
export function requestsImport(dbPath: string, file: string | undefined): string {
  const content = readInput(file, 'requests import');
  return withDatabase(dbPath, false, (db) => {
    try {
      const { imported } = importLedger(db, new CalendarStore(db), readSettings(db), content, ACTOR);
      return `imported ${imported} request${imported === 1 ? '' : 's'} from ${file}`;
    } catch (error) {
      refusedFile(`${file}`, error);
    }
  });
}

/** `mizban responses import FILE.csv`: paper forms typed in later, other terminals' exports; all or nothing. */
export function responsesImport(dbPath: string, file: string | undefined): string {
  const content = readInput(file, 'responses import');
  return withDatabase(dbPath, false, (db) => {
    try {
      const { imported } = importResponses(db, content);
      return `imported ${imported} response${imported === 1 ? '' : 's'} from ${file}`;
    } catch (error) {
      refusedFile(`${file}`, error);
    }
  });
}

/** `mizban responses export`: the same format the import reads. */
export function responsesExport(dbPath: string): string {
  return withDatabase(dbPath, true, (db) => exportResponses(db));
}

/** `mizban requests export`: every request with every field. */
export function requestsExport(dbPath: string, format: string | undefined): string {
  const chosen = formatOf(format, 'csv');
  return withDatabase(dbPath, true, (db) => exportRequests(db, chosen));
}
