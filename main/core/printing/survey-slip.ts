import { formatTrackingCode, toPersianDigits } from '../contract';
import type { Db } from '../db/connection';
import { findByTrackingCode } from '../requests/rows';
import { DomainError } from '../router';
import { readSettings } from '../settings/store';
import type { PaperWidth } from './bitmap';
import { queueJob } from './jobs';
import { drawSheet, STYLE, type DrawnSheet } from './layout';

/**
 * The survey slip (برگهٔ نظرسنجی): what the counter prints, on delivery, for a citizen who
 * answers the questionnaire later at a kiosk. It carries the tracking code and its QR and
 * nothing personal: the survey needs only the code, and the answers are not tied to it.
 */
export interface SurveySlipData {
  officeName: string;
  terminalNumber: number;
  serviceTitle: string;
  trackingCode: string;
}

/** The words of the slip, apart from where they go: the tests read them, the layout draws them. */
export interface SurveySlipText {
  office: string;
  title: string;
  service: string;
  codeLabel: string;
  /** Grouped, Persian digits, as on the receipt. */
  trackingCode: string;
  /** The bare 11 Latin digits: what the kiosk's scanner reads. */
  qr: string;
  lines: string[];
}

/** The slip of a request, queued behind what the printer has to print already. */
export function queueSurveySlip(db: Db, trackingCode: string, now: Date): number {
  const row = findByTrackingCode(db, trackingCode);
  if (!row) throw new DomainError('requests.not_found');
  return queueJob(db, { kind: 'survey_slip', requestId: row.id }, now);
}

export function surveySlipDataFor(db: Db, trackingCode: string): SurveySlipData {
  const row = findByTrackingCode(db, trackingCode);
  if (!row) throw new DomainError('requests.not_found');
  const settings = readSettings(db);
  return {
    officeName: settings['office.name.fa'],
    terminalNumber: settings['terminal.number'],
    serviceTitle: row.service_title_fa,
    trackingCode: row.tracking_code,
  };
}

export function surveySlipText(data: SurveySlipData): SurveySlipText {
  return {
    office: `${data.officeName}\u00a0· پایانهٔ\u00a0${toPersianDigits(data.terminalNumber)}`,
    title: 'نظرسنجی',
    service: `خدمت: ${data.serviceTitle}`,
    codeLabel: 'کد رهگیری',
    trackingCode: toPersianDigits(formatTrackingCode(data.trackingCode)),
    qr: data.trackingCode,
    lines: [
      'نظر شما دربارهٔ خدمتی که گرفتید، کار این دفتر را بهتر می‌کند.',
      'در کیوسک «نظر دادن» را بزنید و این کد را وارد کنید، یا برگه را جلوی اسکنر بگیرید.',
      'پاسخ شما بی‌نام ثبت می‌شود: به این کد و به نام شما پیوند نمی‌خورد.',
    ],
  };
}

export interface RenderedSurveySlip extends DrawnSheet {
  text: SurveySlipText;
}

/** The slip on 80 or 58 mm paper: the receipt's sheet, fonts and QR size, so both scan alike. */
export function renderSurveySlip(data: SurveySlipData, paper: PaperWidth): RenderedSurveySlip {
  const text = surveySlipText(data);
  const drawn = drawSheet(paper, (sheet) => {
    sheet.paragraph(text.office, STYLE.office, 'center');
    sheet.rule();
    sheet.paragraph(text.title, STYLE.title, 'center');
    sheet.paragraph(text.service, STYLE.body, 'center');
    sheet.rule();
    sheet.paragraph(text.codeLabel, STYLE.label, 'center');
    sheet.code(text.trackingCode);
    const qr = sheet.qr(text.qr);
    sheet.rule();
    for (const line of text.lines) sheet.paragraph(line, STYLE.small);
    return qr;
  });
  return { text, ...drawn };
}
