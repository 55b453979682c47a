import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import { dateOf, parseJalali } from '../calendar/jalali';
import { formatJalaliDate, formatTime, formatTrackingCode, toPersianDigits } from '../contract';
import { PAPER_DOTS, type Bitmap, type PaperWidth } from './bitmap';
import { RECEIPT_FONT_FAMILY, registerReceiptFonts } from './fonts';
import { rgbaToBitmap } from './raster';
import type { ReceiptData } from './receipt-data';

/**
 * The service receipt (رسید خدمت), drawn: one layout for 80 mm (576 dots) and 58 mm (384 dots)
 * paper. Sizes are in dots (8 a millimetre) and the same on both papers, because a letter must
 * be as legible on either; the narrower paper wraps more lines and the receipt grows. Only the
 * tracking code, which must stay on one line, shrinks to fit.
 *
 * Bidi and shaping are Skia's (HarfBuzz and ICU's bidi algorithm). Checked against Chromium with
 * the same font: both give the same result, including that a bare '001-0000123-4' after Persian
 * words comes out as '4-0000123-001' (the digits become Arabic numbers and the hyphens take the
 * line's direction, as the Unicode bidi algorithm says). Numbers inside Persian lines are
 * therefore wrapped in left-to-right isolates, and the lines are composed whole, not in runs.
 */

/** A left-to-right isolate (LRI … PDI): the text keeps its typed order inside a right-to-left line. */
export function ltr(text: string): string {
  return `\u2066${text}\u2069`;
}

/** Everything the receipt says, in the words and digits it prints them. */
export interface ReceiptText {
  /** «رونوشت» on a receipt printed again; null on the first print. */
  copyMark: string | null;
  agency: string;
  office: string;
  title: string;
  service: string;
  serviceCode: string;
  trackingLabel: string;
  /** Grouped, Persian digits; drawn on a line of its own, left to right. */
  trackingCode: string;
  /** What the QR code holds: the bare 11 Latin digits, as parseTrackingCode and the scanners take them. */
  qr: string;
  created: string;
  due: string;
  /** Why «تخمینی» stands after the due date; null when it does not. */
  estimatedNote: string | null;
  /** The masked national code or legal ID and mobile, one line each. */
  identity: string[];
  documentsHeading: string;
  documents: string[];
  followUp: string[];
}

function jalaliDayDate(jalali: string): Date {
  const day = parseJalali(jalali);
  if (day === undefined) throw new RangeError(`not a Jalali date: ${jalali}`);
  return dateOf(day);
}

/** Masked numbers as printed: Persian digits, stars and all, in typed order. */
function masked(label: string, value: string | null): string[] {
  return value === null ? [] : [`${label}: ${ltr(toPersianDigits(value))}`];
}

/** The words of the receipt, decided apart from where they go: tests read them, the layout draws them. */
export function receiptText(data: ReceiptData): ReceiptText {
  const created = new Date(data.createdAt);
  return {
    copyMark: data.copy ? 'رونوشت' : null,
    agency: data.agencyTitle,
    // No-break spaces: a line may break after the dot, never inside «پایانهٔ ۱».
    office: `${data.officeName}\u00a0· پایانهٔ\u00a0${toPersianDigits(data.terminalNumber)}`,
    title: 'رسید خدمت',
    service: data.serviceTitle,
    serviceCode: `کد خدمت: ${ltr(toPersianDigits(data.serviceCode))}`,
    trackingLabel: 'کد رهگیری',
    trackingCode: toPersianDigits(formatTrackingCode(data.trackingCode)),
    qr: data.trackingCode,
    // A no-break space: the time never goes to a line of its own, away from «ساعت».
    created: `تاریخ ثبت: ${formatJalaliDate(created, 'fa')}، ساعت\u00a0${ltr(formatTime(created, 'fa'))}`,
    due: `موعد تحویل: ${formatJalaliDate(jalaliDayDate(data.dueDate), 'fa')}${data.dueDateEstimated ? ' (تخمینی)' : ''}`,
    estimatedNote: data.dueDateEstimated
      ? 'تخمینی: تاریخ یکی از تعطیلات پیش از این موعد هنوز قطعی نیست و موعد ممکن است جابه‌جا شود.'
      : null,
    identity: [
      ...masked('کد ملی', data.maskedNationalCode),
      ...masked('شناسه ملی', data.maskedLegalId),
      ...masked('تلفن همراه', data.maskedMobile),
    ],
    documentsHeading: data.documents.length > 0 ? 'مدارکی که باید همراه بیاورید:' : 'مدرک دیگری لازم نیست.',
    documents: data.documents.map((document) => document.fa),
    followUp: [
      'پیگیری: کد رهگیری و چهار رقم آخر تلفن همراه خود را در کیوسک وارد کنید.',
      'نظرسنجی: پس از دریافت خدمت، با همین کد رهگیری در کیوسک به پرسش‌نامهٔ رضایت پاسخ دهید.',
    ],
  };
}

/** Blank dots at each side: room for glyphs that reach past their advance, and what the tests hold free of ink. */
export const SIDE_MARGIN = 8;

const TOP_MARGIN = 16;
const BOTTOM_MARGIN = 24;
const SECTION_GAP = 14;
const RULE_DOTS = 2;
const TRACKING_CODE_MAX_SIZE = 52;
/** About 21 mm: scans off thermal paper from a kiosk's reader at arm's length. */
const QR_TARGET_DOTS = 168;
const QR_MIN_MODULE = 4;
/** The blank border a QR reader needs around the symbol, in modules. */
const QR_QUIET_MODULES = 4;

export interface Style {
  weight: 500 | 700;
  size: number;
}

export const STYLE = {
  band: { weight: 700, size: 30 },
  agency: { weight: 700, size: 26 },
  office: { weight: 500, size: 22 },
  title: { weight: 700, size: 36 },
  service: { weight: 700, size: 26 },
  label: { weight: 700, size: 22 },
  body: { weight: 500, size: 22 },
  due: { weight: 700, size: 24 },
  small: { weight: 500, size: 20 },
} satisfies Record<string, Style>;

function fontOf(style: Style): string {
  return `${style.weight} ${style.size}px "${RECEIPT_FONT_FAMILY}"`;
}

type Op =
  | {
      kind: 'text';
      text: string;
      style: Style;
      x: number;
      y: number;
      align: 'right' | 'center';
      rtl: boolean;
      white?: true;
    }
  | { kind: 'box'; x: number; y: number; width: number; height: number }
  | { kind: 'qr'; x: number; y: number; module: number; size: number; dark: Uint8Array };

let measurer: SKRSContext2D | undefined;

function measuring(): SKRSContext2D {
  registerReceiptFonts();
  measurer ??= createCanvas(1, 1).getContext('2d');
  return measurer;
}

/**
 * Lays the receipt out top to bottom as drawing operations, each at its final place, so that
 * the canvas is made at the receipt's exact height and drawn once.
 */
export class Sheet {
  readonly ops: Op[] = [];
  y = TOP_MARGIN;
  readonly left = SIDE_MARGIN;
  readonly right: number;
  readonly contentWidth: number;
  readonly ctx = measuring();

  constructor(readonly width: number) {
    this.right = width - SIDE_MARGIN;
    this.contentWidth = this.right - this.left;
  }

  measure(text: string, style: Style): number {
    this.ctx.font = fontOf(style);
    return this.ctx.measureText(text).width;
  }

  /** The line height and baseline of a style, from the font's own extents: no mark of one line touches the next. */
  metrics(style: Style): { ascent: number; height: number } {
    this.ctx.font = fontOf(style);
    const m = this.ctx.measureText('ا');
    return {
      ascent: Math.ceil(m.fontBoundingBoxAscent),
      height: Math.ceil(m.fontBoundingBoxAscent + m.fontBoundingBoxDescent),
    };
  }

  /**
   * Greedy line breaking at spaces, measured line by line (shaping joins letters, so a line is
   * not the sum of its words). A word wider than the line is cut between characters rather
   * than let out of the paper. Isolates hold no spaces, so a line never breaks inside one.
   */
  wrap(text: string, style: Style, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    // Any white space breaks but the no-break space, which binds what must stay together.
    for (const word of text.split(/[^\S\u00a0]+/).filter((w) => w !== '')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (this.measure(candidate, style) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = '';
      for (const char of word) {
        if (line !== '' && this.measure(line + char, style) > width) {
          lines.push(line);
          line = '';
        }
        line += char;
      }
    }
    if (line !== '') lines.push(line);
    return lines;
  }

  paragraph(text: string, style: Style, align: 'right' | 'center' = 'right', indent = 0): void {
    const { ascent, height } = this.metrics(style);
    const x = align === 'center' ? this.width / 2 : this.right - indent;
    for (const line of this.wrap(text, style, this.contentWidth - indent)) {
      this.ops.push({ kind: 'text', text: line, style, x, y: this.y + ascent, align, rtl: true });
      this.y += height;
    }
  }

  /** A list item: a bullet at the right edge, the text hanging beside it. */
  bullet(text: string, style: Style): void {
    const { ascent } = this.metrics(style);
    const dot = Math.round(style.size / 4);
    const indent = dot * 3;
    this.ops.push({
      kind: 'box',
      x: this.right - dot * 2,
      y: this.y + ascent - Math.round(style.size * 0.45),
      width: dot,
      height: dot,
    });
    this.paragraph(text, style, 'right', indent);
  }

  /** The tracking code: one line, left to right, as large as the paper allows. */
  code(text: string): void {
    let style: Style = { weight: 700, size: TRACKING_CODE_MAX_SIZE };
    const width = this.measure(text, style);
    if (width > this.contentWidth) style = { ...style, size: Math.floor((style.size * this.contentWidth) / width) };
    const { ascent, height } = this.metrics(style);
    this.ops.push({ kind: 'text', text, style, x: this.width / 2, y: this.y + ascent, align: 'center', rtl: false });
    this.y += height;
  }

  /** White text on a black band across the paper: a copy is told from the first print at a glance. */
  band(text: string): void {
    const { ascent, height } = this.metrics(STYLE.band);
    const padding = 6;
    this.ops.push({ kind: 'box', x: this.left, y: this.y, width: this.contentWidth, height: height + 2 * padding });
    const y = this.y + padding + ascent;
    this.ops.push({
      kind: 'text',
      text,
      style: STYLE.band,
      x: this.width / 2,
      y,
      align: 'center',
      rtl: true,
      white: true,
    });
    this.y += height + 2 * padding;
  }

  /**
   * The QR code, centred, with its quiet zone kept blank above and below. Whole dots per
   * module, squares with no smoothing: every module prints as the same crisp block.
   */
  qr(content: string): QrPlace {
    const { modules } = QRCode.create(content, { errorCorrectionLevel: 'Q' });
    const size = modules.size;
    const module = Math.max(QR_MIN_MODULE, Math.floor(Math.min(QR_TARGET_DOTS, this.contentWidth) / size));
    const quiet = QR_QUIET_MODULES * module;
    const place = { x: Math.round((this.width - size * module) / 2), y: this.y + quiet, module, size: size * module };
    this.ops.push({ kind: 'qr', x: place.x, y: place.y, module, size, dark: modules.data });
    this.y += place.size + 2 * quiet;
    return place;
  }

  rule(): void {
    this.gap();
    this.ops.push({ kind: 'box', x: this.left, y: this.y, width: this.contentWidth, height: RULE_DOTS });
    this.y += RULE_DOTS;
    this.gap();
  }

  gap(dots = SECTION_GAP): void {
    this.y += dots;
  }
}

function layOut(text: ReceiptText, sheet: Sheet): QrPlace {
  if (text.copyMark) {
    sheet.band(text.copyMark);
    sheet.gap();
  }
  sheet.paragraph(text.agency, STYLE.agency, 'center');
  sheet.paragraph(text.office, STYLE.office, 'center');
  sheet.rule();
  sheet.paragraph(text.title, STYLE.title, 'center');
  sheet.rule();
  sheet.paragraph(text.service, STYLE.service);
  sheet.paragraph(text.serviceCode, STYLE.body);
  sheet.rule();
  sheet.paragraph(text.trackingLabel, STYLE.label, 'center');
  sheet.code(text.trackingCode);
  const qr = sheet.qr(text.qr);
  sheet.rule();
  sheet.paragraph(text.created, STYLE.body);
  sheet.paragraph(text.due, STYLE.due);
  if (text.estimatedNote) sheet.paragraph(text.estimatedNote, STYLE.small);
  if (text.identity.length > 0) {
    sheet.rule();
    for (const line of text.identity) sheet.paragraph(line, STYLE.body);
  }
  sheet.rule();
  sheet.paragraph(text.documentsHeading, STYLE.label);
  for (const document of text.documents) sheet.bullet(document, STYLE.body);
  sheet.rule();
  for (const line of text.followUp) sheet.paragraph(line, STYLE.small);
  if (text.copyMark) {
    sheet.gap();
    sheet.band(text.copyMark);
  }
  return qr;
}

function draw(ops: readonly Op[], width: number, height: number): Canvas {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.textBaseline = 'alphabetic';
  for (const op of ops) {
    if (op.kind === 'box') {
      ctx.fillStyle = '#000';
      ctx.fillRect(op.x, op.y, op.width, op.height);
    } else if (op.kind === 'text') {
      ctx.fillStyle = op.white ? '#fff' : '#000';
      ctx.font = fontOf(op.style);
      ctx.direction = op.rtl ? 'rtl' : 'ltr';
      ctx.textAlign = op.align;
      ctx.fillText(op.text, op.x, op.y);
    } else {
      ctx.fillStyle = '#000';
      for (let row = 0; row < op.size; row++) {
        for (let col = 0; col < op.size; col++) {
          if (op.dark[row * op.size + col])
            ctx.fillRect(op.x + col * op.module, op.y + row * op.module, op.module, op.module);
        }
      }
    }
  }
  return canvas;
}

/** Where the QR code sits on the receipt, in dots. */
export interface QrPlace {
  x: number;
  y: number;
  /** Dots per module. */
  module: number;
  /** Dots per side, quiet zone excluded. */
  size: number;
}

export interface RenderedReceipt extends DrawnSheet {
  paper: PaperWidth;
  text: ReceiptText;
}

/** A document laid out and drawn: the drawing, what prints, and where its QR code sits. */
export interface DrawnSheet {
  /** The drawing, antialiased; what prints is the bitmap. */
  canvas: Canvas;
  /** What the printer burns: `GS v 0` sends these bytes as they are. */
  bitmap: Bitmap;
  qr: QrPlace;
}

/**
 * Any printed document of the terminal on 80 or 58 mm paper: `compose` lays it out on the
 * sheet and returns its QR code's place; it comes out as tall as its content.
 */
export function drawSheet(paper: PaperWidth, compose: (sheet: Sheet) => QrPlace): DrawnSheet {
  const width = PAPER_DOTS[paper];
  const sheet = new Sheet(width);
  const qr = compose(sheet);
  const height = sheet.y + BOTTOM_MARGIN;
  const canvas = draw(sheet.ops, width, height);
  const pixels = canvas.getContext('2d').getImageData(0, 0, width, height).data;
  return { canvas, bitmap: rgbaToBitmap(pixels, width, height), qr };
}

/** The receipt for 80 or 58 mm paper: as tall as its content, as wide as the paper's dots. */
export function renderReceipt(data: ReceiptData, paper: PaperWidth): RenderedReceipt {
  const text = receiptText(data);
  return { paper, text, ...drawSheet(paper, (sheet) => layOut(text, sheet)) };
}
