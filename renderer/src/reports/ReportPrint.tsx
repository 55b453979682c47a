import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  directionOf,
  reportPrintRequestSchema,
  type AppError,
  type ReportPrintRequest,
} from '../../../main/core/contract';
import { ReportBody, ReportHeading } from './ReportBody';
import { fetchReport, type Loaded, type ReportInput } from './request';
import './Reports.css';

/** The print request in the page's address (contract/reports.ts reportPrintPath), checked by the contract. */
function requestOfPage(): ReportPrintRequest | null {
  try {
    const text = new URLSearchParams(window.location.search).get('request');
    const parsed = reportPrintRequestSchema.safeParse(JSON.parse(text ?? ''));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Tells the shell printing this page that it can print, or why it cannot (core/reports/pdf.ts). */
function announce(state: 'ready' | AppError): void {
  document.documentElement.dataset.print = state === 'ready' ? 'ready' : JSON.stringify(state);
}

/**
 * The report laid out for A4 paper (`?face=report-print`): no controls, every group in full,
 * charts at the paper's width, each part on a new page. The shell opens it unseen, waits for
 * <html data-print>, and prints it with Chromium (Electron's printToPDF, or page.pdf()).
 */
export function ReportPrint() {
  const { i18n } = useTranslation();
  const request = useMemo(() => requestOfPage(), []);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const printedAt = useMemo(() => new Date(), []);

  useEffect(() => {
    if (!request) {
      announce({ code: 'input.invalid' });
      return;
    }
    const { report, language, office: _office, ...input } = request;
    let live = true;
    void i18n.changeLanguage(language);
    // The charts measure their words to wrap them: only once the font is there.
    void document.fonts.ready
      .then(() => fetchReport(report, input as ReportInput<typeof report>))
      .then((result) => {
        if (!live) return;
        if (result.ok) setLoaded(result.loaded);
        else announce(result.error);
      });
    return () => {
      live = false;
    };
  }, [request, i18n]);

  useEffect(() => {
    if (!loaded) return;
    // Drawn once the next frame after React's commit has been laid out.
    requestAnimationFrame(() => requestAnimationFrame(() => announce('ready')));
  }, [loaded]);

  if (!request || !loaded) return null;
  return (
    <div className="report-print" dir={directionOf(request.language)} lang={request.language}>
      <ReportHeading kind={loaded.kind} report={loaded.report} office={request.office} printedAt={printedAt} />
      <ReportBody kind={loaded.kind} report={loaded.report} mode={{ print: true }} />
    </div>
  );
}
