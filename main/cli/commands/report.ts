import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { z } from 'zod';
import { LANGUAGES, type Language } from '../../core/contract';
import {
  auditInputSchema,
  auditReportSchema,
  DEFAULT_ACCEPTANCE_TARGET,
  deliveryInputSchema,
  deliveryReportSchema,
  REPORT_FILE_FORMATS,
  reportPrintRequestSchema,
  satisfactionInputSchema,
  satisfactionReportSchema,
  type ReportFileFormat,
} from '../../core/contract/reports';
import { reportHandlers } from '../../core/reports/handlers';
import { runReport, type ReportJob } from '../../core/reports/worker';
import { DomainError } from '../../core/router';
import { readSettings } from '../../core/settings/store';
import { callerForWindow } from '../../shell/caller';
import { chromiumReportPdf } from '../../shell/report-pdf';
import { UsageError } from '../usage-error';

/** The options `mizban report …` reads, as parseArgs gives them. */
export interface ReportValues {
  questionnaire?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  by?: string | undefined;
  target?: string | undefined;
  service?: string | undefined;
  agency?: string | undefined;
  format?: string | undefined;
  lang?: string | undefined;
  out?: string | undefined;
}

const KINDS = ['satisfaction', 'delivery', 'audit'] as const;
type Kind = (typeof KINDS)[number];

/** A report's options checked by the channel's own schema: a mistake is said by option name. */
function parsed<S extends z.ZodType>(schema: S, input: Record<string, unknown>): z.output<S> {
  const result = schema.safeParse(Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)));
  if (result.success) return result.data;
  throw new UsageError(
    result.error.issues.map((issue) => `--${issue.path.join('.') || 'options'}: ${issue.message}`).join('; '),
  );
}

function jobOf(kind: Kind, values: ReportValues): ReportJob {
  const now = new Date().toISOString();
  const range = { from: values.from, to: values.to, service: values.service, agency: values.agency };
  if (kind === 'satisfaction') {
    if (!values.questionnaire) throw new UsageError('report satisfaction needs --questionnaire ID');
    const target = values.target === undefined ? DEFAULT_ACCEPTANCE_TARGET : Number(values.target);
    const input = parsed(satisfactionInputSchema, {
      ...range,
      questionnaire: values.questionnaire,
      by: values.by,
      target,
    });
    return { report: 'satisfaction', input: { ...input, target: input.target ?? target }, now };
  }
  if (values.questionnaire !== undefined || values.target !== undefined) {
    throw new UsageError(`report ${kind} takes neither --questionnaire nor --target`);
  }
  if (kind === 'delivery')
    return { report: 'delivery', input: parsed(deliveryInputSchema, { ...range, by: values.by }), now };
  if (values.by !== undefined) throw new UsageError('report audit takes no --by');
  return { report: 'audit', input: parsed(auditInputSchema, range), now };
}

function formatOf(value: string | undefined): ReportFileFormat | 'json' | 'pdf' {
  const format = value ?? 'json';
  if (format !== 'json' && format !== 'pdf' && !(REPORT_FILE_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError('--format takes json, csv, xlsx or pdf');
  }
  return format as ReportFileFormat | 'json' | 'pdf';
}

/** The built renderer beside this bundle (dist/cli → dist/renderer); from the sources, the build's. */
function rendererDir(): string {
  return typeof __dirname === 'string' ? path.join(__dirname, '../renderer') : path.resolve('dist/renderer');
}

/** The office's name in the report's language, as the report page's heading gives it. */
function officeName(dbPath: string, language: Language): string {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return readSettings(db)[language === 'fa' ? 'office.name.fa' : 'office.name.en'];
  } finally {
    db.close();
  }
}

/**
 * The report page's print layout made into an A4 PDF by Debian's Chromium (page.pdf), with
 * the figures computed here: what `reports.pdf` does in the app, through the same handler.
 */
async function reportPdf(dbPath: string, job: ReportJob, language: Language): Promise<Uint8Array> {
  const request = reportPrintRequestSchema.parse({
    report: job.report,
    ...job.input,
    language,
    office: officeName(dbPath, language),
  });
  const handlers = reportHandlers({ dbPath, pdf: chromiumReportPdf(rendererDir()) });
  const file = await handlers['reports.pdf'](request, callerForWindow('admin'));
  return Buffer.from(file.base64, 'base64');
}

function languageOf(value: string | undefined): Language {
  const language = value ?? 'fa';
  if (!(LANGUAGES as readonly string[]).includes(language)) throw new UsageError('--lang takes fa or en');
  return language as Language;
}

/** A refusal of the core, in words an administrator reads: the code, and each field's problem. */
function refused(error: unknown): never {
  if (!(error instanceof DomainError)) throw error;
  const issues = (error.details?.issues ?? []).map((issue) => `--${issue.path}: ${issue.code}`);
  throw new Error(`report refused: ${error.code}${issues.length > 0 ? ` (${issues.join('; ')})` : ''}`);
}

/**
 * `mizban report satisfaction|delivery|audit`: computed as the report page's channels do,
 * in a worker thread on a read-only connection; JSON (the channel's output), CSV, XLSX or
 * PDF (the report page's print layout, printed by Chromium).
 */
export async function report(dbPath: string, kind: string | undefined, values: ReportValues): Promise<string> {
  if (!(KINDS as readonly (string | undefined)[]).includes(kind)) {
    throw new UsageError('report takes satisfaction, delivery or audit');
  }
  const format = formatOf(values.format);
  if ((format === 'xlsx' || format === 'pdf') && !values.out) {
    throw new UsageError(`--format ${format} writes a file: give --out FILE`);
  }
  const job = jobOf(kind as Kind, values);
  if (!fs.existsSync(dbPath)) throw new Error(`no database at ${dbPath}`);

  let content: string | Uint8Array;
  try {
    if (format === 'json') {
      const schema = {
        satisfaction: satisfactionReportSchema,
        delivery: deliveryReportSchema,
        audit: auditReportSchema,
      };
      content = `${JSON.stringify(schema[job.report].parse(await runReport(dbPath, job)), null, 2)}\n`;
    } else if (format === 'pdf') {
      content = await reportPdf(dbPath, job, languageOf(values.lang));
    } else {
      const file = await runReport(dbPath, { ...job, file: { format, language: languageOf(values.lang) } });
      // ignoreBOM keeps the byte-order mark in the text: Excel needs it to read the Persian.
      content = format === 'csv' ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes) : file.bytes;
    }
  } catch (error) {
    refused(error);
  }
  if (!values.out) return content as string;
  fs.writeFileSync(values.out, content);
  return `wrote ${values.out}`;
}
