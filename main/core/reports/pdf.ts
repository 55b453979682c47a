import { appErrorSchema, channels, fail, ok, type ReportPrintRequest, type Result } from '../contract';
import { DomainError, type Caller, type Handlers, type Router } from '../router';

/**
 * What both shells share to print a report as a PDF. The core cannot print: Chromium does,
 * Electron's webContents.printToPDF (main/report-pdf.ts) or the Chromium shell's page.pdf()
 * (main/shell/report-pdf.ts). Either opens the print page (`?face=report-print`), which
 * asks the report channels for its figures like the report page does, and prints it once
 * the page says it is drawn.
 */

/**
 * Prints one report; the shell that opened the core gives it. `router` is what the print
 * page's window is to be bound to: the print channels alone.
 */
export type ReportPdfMaker = (request: ReportPrintRequest, router: Router) => Promise<Uint8Array>;

/** What a print page asks: the figures, nothing that changes a thing. */
const PRINT_CHANNELS = ['reports.satisfaction', 'reports.delivery', 'reports.audit'] as const;
type PrintChannel = (typeof PRINT_CHANNELS)[number];
export type PrintHandlers = Pick<Handlers, PrintChannel>;

function isPrintChannel(channel: string): channel is PrintChannel {
  return (PRINT_CHANNELS as readonly string[]).includes(channel);
}

/**
 * The router a print window is bound to: the report channels it draws from and nothing
 * else, for a window nobody sees. Whoever asked for the PDF was let through `reports.pdf`
 * by the core's router, so these calls are not checked again for a role (the report
 * handlers do not read the caller). A fault inside is kept, so that `reports.pdf` fails
 * with it rather than with the page's words for it.
 */
export function printRouter(handlers: PrintHandlers): { router: Router; fault(): unknown } {
  let fault: unknown;
  const call = async (_window: unknown, channel: string, input: unknown): Promise<Result<unknown>> => {
    if (!isPrintChannel(channel)) return fail('role.forbidden');
    const parsed = channels[channel].input.safeParse(input ?? {});
    if (!parsed.success) return fail('input.invalid');
    const handler = handlers[channel] as (input: unknown, caller?: Caller) => unknown;
    try {
      return ok(await handler(parsed.data));
    } catch (error) {
      if (error instanceof DomainError) return fail(error.code, error.details);
      fault ??= error;
      return fail('internal');
    }
  };
  // Nothing is pushed to a print page, and nobody signs in on it.
  const router = { call, subscribe: () => () => undefined, release: () => undefined };
  return { router, fault: () => fault };
}

/**
 * The print page writes its state on <html data-print>: 'ready' once the figures are drawn
 * and the font is loaded, or the core's refusal as JSON (`{"code": …}`). The makers wait
 * for it with this script (a string: Electron's executeJavaScript takes source text).
 */
export const PRINT_STATE_SCRIPT = `new Promise((resolve) => {
  const check = () => {
    const state = document.documentElement.dataset.print;
    if (state) resolve(state);
    else setTimeout(check, 50);
  };
  check();
})`;

/** How long a print page may take to draw before the PDF is given up. */
const PRINT_TIMEOUT_MS = 60_000;

/** The page's state once it has one (checkPrintState reads it), or a failure after PRINT_TIMEOUT_MS. */
export async function printState(evaluate: Promise<unknown>): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the print page was not drawn within ${PRINT_TIMEOUT_MS / 1000} s`)),
      PRINT_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([evaluate, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The A4 page's margins, also the print stylesheet's @page margin (renderer/src/reports/Reports.css). */
export const PRINT_MARGIN_MM = 15;
export const PRINT_MARGIN_INCHES = PRINT_MARGIN_MM / 25.4;

/** 'mizban-satisfaction-national-16-1403-01-01-1403-12-29.pdf', as the CSV and XLSX files are named. */
export function reportPdfFileName(request: ReportPrintRequest): string {
  const subject = request.report === 'satisfaction' ? `-${request.questionnaire}` : '';
  const days = [request.from ?? 'start', request.to ?? 'now'].map((day) => day.replaceAll('/', '-')).join('-');
  return `mizban-${request.report}${subject}-${days}.pdf`;
}

/** Goes on to print when the page is ready; else throws the refusal the page met, as the channel's own. */
export function checkPrintState(state: unknown): void {
  if (state === 'ready') return;
  let error: unknown;
  try {
    error = JSON.parse(String(state));
  } catch {
    error = undefined;
  }
  const refusal = appErrorSchema.safeParse(error);
  if (refusal.success) throw new DomainError(refusal.data.code, refusal.data.details);
  throw new Error(`the print page ended in an unknown state: ${String(state)}`);
}
