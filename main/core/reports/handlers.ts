import { Buffer } from 'node:buffer';
import type { z } from 'zod';
import { DEFAULT_ACCEPTANCE_TARGET, type reportChannels } from '../contract/reports';
import { DomainError, type Caller } from '../router';
import { printRouter, reportPdfFileName, type ReportPdfMaker } from './pdf';
import { runReport } from './worker';

type ReportChannels = typeof reportChannels;
type ReportHandlers = {
  [C in keyof ReportChannels]: (
    input: z.output<ReportChannels[C]['input']>,
    caller: Caller,
  ) => Promise<z.input<ReportChannels[C]['output']>>;
};

export interface ReportOptions {
  /** The terminal's database: each report opens it read-only in its own worker thread. */
  dbPath: string;
  now?: () => Date;
  /** The acceptance target when a request gives none. */
  target?: () => number;
  /** Prints a report's page as a PDF: the shell's Chromium does it; without one, `reports.pdf` is refused. */
  pdf?: ReportPdfMaker;
}

/** The report channels; every report is computed in a worker thread (worker.ts). */
export function reportHandlers({
  dbPath,
  now = () => new Date(),
  target = () => DEFAULT_ACCEPTANCE_TARGET,
  pdf,
}: ReportOptions): ReportHandlers {
  const handlers: ReportHandlers = {
    'reports.satisfaction': (input) =>
      runReport(dbPath, {
        report: 'satisfaction',
        input: { ...input, target: input.target ?? target() },
        now: now().toISOString(),
      }),
    'reports.delivery': (input) => runReport(dbPath, { report: 'delivery', input, now: now().toISOString() }),
    'reports.audit': (input) => runReport(dbPath, { report: 'audit', input, now: now().toISOString() }),
    'reports.export': async ({ format, language, ...request }) => {
      const file = { format, language };
      const at = now().toISOString();
      const made =
        request.report === 'satisfaction'
          ? await runReport(dbPath, {
              report: 'satisfaction',
              input: { ...withoutKind(request), target: request.target ?? target() },
              now: at,
              file,
            })
          : await runReport(dbPath, { report: request.report, input: withoutKind(request), now: at, file });
      return { fileName: made.fileName, mimeType: made.mimeType, base64: Buffer.from(made.bytes).toString('base64') };
    },
    'reports.pdf': async (request) => {
      if (!pdf) throw new DomainError('reports.pdf_unavailable');
      // The target is fixed here, so that the printed page states the one its figures were judged by.
      const printed = request.report === 'satisfaction' ? { ...request, target: request.target ?? target() } : request;
      const print = printRouter(handlers);
      const bytes = await pdf(printed, print.router).catch((error: unknown) => {
        throw print.fault() ?? error;
      });
      return {
        fileName: reportPdfFileName(printed),
        mimeType: 'application/pdf',
        base64: Buffer.from(bytes).toString('base64'),
      };
    },
  };
  return handlers;
}

function withoutKind<T extends { report: string }>({ report: _report, ...input }: T): Omit<T, 'report'> {
  return input;
}
