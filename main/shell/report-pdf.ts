import { reportPrintPath } from '../core/contract';
import {
  checkPrintState,
  PRINT_MARGIN_MM,
  PRINT_STATE_SCRIPT,
  printState,
  type ReportPdfMaker,
} from '../core/reports/pdf';
import { launchChromiumShell, SHELL_ORIGIN } from './chromium';

/** A4 at CSS pixels: the print page is laid out for the paper, this only sizes the window it loads in. */
const A4_VIEWPORT = { width: 794, height: 1123 };

/**
 * Reports as PDF through Chromium's own printing, page.pdf(): for the Chromium shell, the
 * tests and `mizban report … --format pdf`. Each PDF gets its own headless Chromium (page.pdf
 * needs headless, and the shell `npm start` opens may have a window), its one page bound to the
 * print channels.
 */
export function chromiumReportPdf(rendererDir: string): ReportPdfMaker {
  return async (request, router) => {
    const shell = await launchChromiumShell({ router, rendererDir, headless: true });
    try {
      const page = await shell.openWindow({ role: 'admin', viewport: A4_VIEWPORT, hasTouch: false });
      await page.goto(SHELL_ORIGIN + reportPrintPath(request));
      checkPrintState(await printState(page.evaluate(PRINT_STATE_SCRIPT)));
      const margin = `${PRINT_MARGIN_MM}mm`;
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        margin: { top: margin, bottom: margin, left: margin, right: margin },
      });
      return new Uint8Array(pdf);
    } finally {
      await shell.close();
    }
  };
}
