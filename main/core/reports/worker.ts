import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { ErrorCode, Language } from '../contract';
import type {
  AuditInput,
  AuditReport,
  DeliveryInput,
  DeliveryReport,
  ReportFileFormat,
  SatisfactionInput,
  SatisfactionReport,
} from '../contract/reports';
import type { Db } from '../db/connection';
import { DomainError } from '../router';
import { auditReport } from './audit';
import { deliveryReport } from './delivery';
import { reportFile, type ReportFile } from './files';
import { satisfactionReport } from './satisfaction';

/**
 * Reports are heavy reads (a year of answers is millions of rows), so each one runs in a
 * worker thread on its own read-only connection, and the main process keeps answering.
 *
 * The worker runs this very module, wherever it was loaded from:
 * - in the dist/*.cjs bundles, the bundle file itself (`__filename`): no separate worker
 *   file to build or to ship inside app.asar. Loading the bundle runs every module it
 *   holds, this one after its own imports and before the entry's code (the CLI's argument
 *   parsing, Electron's app set-up), which must not run in a worker: so, in a worker, this
 *   module starts the job and then throws `WorkerStarted`, which ends the loading there,
 *   and the small loader below catches it while the job goes on;
 * - under tsx (tests, benchmarks), the source file, through tsx's loader, found from the
 *   working directory (the repository, for those runs), as printing/fonts.ts does: naming
 *   `import.meta` would make esbuild warn on every CommonJS build.
 */

const TAG = 'mizban.report';

export type ReportJob = (
  | { report: 'satisfaction'; input: SatisfactionInput & { target: number } }
  | { report: 'delivery'; input: DeliveryInput }
  | { report: 'audit'; input: AuditInput }
) & {
  /** The instant "now" is, ISO 8601: what is overdue depends on it. */
  now: string;
  /** A file rather than the report's JSON. */
  file?: { format: ReportFileFormat; language: Language };
};

type ReportOf<J extends ReportJob> = J['report'] extends 'satisfaction'
  ? SatisfactionReport
  : J['report'] extends 'delivery'
    ? DeliveryReport
    : AuditReport;
export type JobResult<J extends ReportJob> = J['file'] extends object ? ReportFile : ReportOf<J>;

type Answer =
  { ok: true; value: unknown } | { ok: false; code?: ErrorCode; details?: DomainError['details']; message: string };

class WorkerStarted extends Error {
  readonly mizbanReportWorker = true;
}

const LOADER = `
const { workerData } = require('node:worker_threads');
const started = (error) => {
  if (!(error && error.mizbanReportWorker)) throw error;
};
if (workerData.source) {
  import('tsx/esm/api')
    .then((tsx) => {
      tsx.register();
      return import(workerData.script);
    })
    .catch(started);
} else {
  try {
    require(workerData.script);
  } catch (error) {
    started(error);
  }
}`;

function script(): { script: string; source: boolean } {
  if (typeof __filename === 'string') return { script: __filename, source: false };
  return { script: pathToFileURL(path.join(process.cwd(), 'main/core/reports/worker.ts')).href, source: true };
}

/** Runs a report in a new worker thread and answers what it computed, or its refusal. */
export function runReport<J extends ReportJob>(dbPath: string, job: J): Promise<JobResult<J>> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const worker = new Worker(LOADER, { eval: true, workerData: { tag: TAG, ...script(), dbPath, job } });
    worker.once('message', (answer: Answer) => {
      answered = true;
      if (answer.ok) resolve(answer.value as JobResult<J>);
      else reject(answer.code ? new DomainError(answer.code, answer.details) : new Error(answer.message));
    });
    worker.once('error', (error) => {
      answered = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the report worker stopped (exit code ${code}) without an answer`));
    });
  });
}

/** The report a job asks for, on an open connection. */
export function computeReport(db: Db, job: ReportJob): SatisfactionReport | DeliveryReport | AuditReport {
  switch (job.report) {
    case 'satisfaction':
      return satisfactionReport(db, job.input);
    case 'delivery':
      return deliveryReport(db, job.input, new Date(job.now));
    case 'audit':
      return auditReport(db, job.input);
  }
}

async function answerJob(dbPath: string, job: ReportJob): Promise<Answer> {
  try {
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      const report = computeReport(db, job);
      return { ok: true, value: job.file ? await reportFile(job.report, report, job.file) : report };
    } finally {
      db.close();
    }
  } catch (error) {
    if (error instanceof DomainError)
      return { ok: false, code: error.code, details: error.details, message: error.message };
    return { ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

if (!isMainThread && (workerData as { tag?: string } | null)?.tag === TAG) {
  const { dbPath, job } = workerData as { dbPath: string; job: ReportJob };
  void answerJob(dbPath, job).then((answer) => parentPort?.postMessage(answer));
  throw new WorkerStarted();
}
