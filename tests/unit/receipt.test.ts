import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import jsQR from 'jsqr';
import { formatTrackingCode, makeTrackingCode, toLatinDigits } from '../../main/core/contract';
import { bytesPerRow, isBlack, PAPER_DOTS, type Bitmap, type PaperWidth } from '../../main/core/printing/bitmap';
import { renderReceipt, SIDE_MARGIN, type ReceiptText } from '../../main/core/printing/layout';
import { bitmapToPng, countDifferentDots, pngToBitmap, rgbaToBitmap } from '../../main/core/printing/raster';
import type { ReceiptData } from '../../main/core/printing/receipt-data';
import { renderSurveySlip, type SurveySlipData } from '../../main/core/printing/survey-slip';
import { toRgba } from '../support/bitmap';

/**
 * The receipt as drawn: compared with reviewed reference images, its QR code read back, its
 * edges clear, and the words it composes checked as strings.
 *
 * `UPDATE_RECEIPTS=1 npm run test:unit` rewrites tests/fixtures/receipts/*.png from the
 * current layout; look at every image before committing it.
 */
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/receipts');
const UPDATE = process.env.UPDATE_RECEIPTS === '1';

/**
 * At most this share of dots may differ from a reference image. Fonts are bundled and shaped
 * by the same HarfBuzz everywhere, so glyphs land on the same dots; what differs between
 * machines and @napi-rs/canvas builds is Skia's antialiasing coverage at glyph edges, which
 * flips scattered edge dots across the threshold. A 576 × 1200 receipt has ~700,000 dots:
 * 0.5% admits a few thousand edge dots, while a layout change moves whole lines (tens of
 * thousands of dots, and usually the height). Pixels are blind to small changes of content
 * (another due day changes 0.2% of the dots, another digit of the mobile 0.01%): what the
 * receipt says is held exactly by the string tests below.
 */
const TOLERANCE = 0.005;

const base: ReceiptData = {
  agencyTitle: 'شهرداری',
  officeName: 'دفتر پیشخوان خدمات دولت قزوین',
  terminalNumber: 1,
  serviceTitle: 'وصول عوارض خودرو',
  serviceCode: '10110001',
  trackingCode: makeTrackingCode(1, 123),
  createdAt: '2026-11-23T07:00:00Z', // Monday 1405/09/02, 10:30 in Tehran
  dueDate: '1405/09/14',
  dueDateEstimated: false,
  documents: [{ fa: 'شماره پلاک خودرو یا کارت خودرو' }, { fa: 'کد ملی مالک خودرو' }],
  maskedNationalCode: '******0899',
  maskedLegalId: null,
  maskedMobile: '*******4567',
  copy: false,
};

const company: ReceiptData = {
  ...base,
  agencyTitle: 'اداره کل تعاون، کار و رفاه اجتماعی',
  serviceTitle:
    'صدور، تمدید و تغییر پروانهٔ فعالیت و اشتغال اشخاص حقوقی، همراه با استعلام از سازمان امور مالیاتی و سازمان تأمین اجتماعی و ثبت در سامانهٔ یکپارچه',
  serviceCode: '10110002',
  trackingCode: makeTrackingCode(42, 9_876_543),
  maskedNationalCode: null,
  maskedLegalId: '*******4790',
  maskedMobile: '*******4321',
  documents: [
    { fa: 'شناسه ملی شخص حقوقی و آگهی تأسیس و آخرین تغییرات در روزنامهٔ رسمی' },
    { fa: 'کد ملی مدیرعامل یا متقاضی' },
    { fa: 'سند مالکیت یا اجاره‌نامهٔ معتبر محل فعالیت، با کد رهگیری اجاره‌نامه از سامانهٔ املاک و اسکان' },
  ],
};

/** 1405/10/02 (Birth of Imam Ali) is an estimated lunar holiday before this due date. */
const estimated: ReceiptData = {
  ...base,
  createdAt: '2026-12-19T07:00:00Z', // Saturday 1405/09/28
  dueDate: '1405/10/06',
  dueDateEstimated: true,
};

const REFERENCES: Record<string, { data: ReceiptData; paper: PaperWidth }> = {
  'receipt-80': { data: base, paper: 80 },
  'receipt-58': { data: base, paper: 58 },
  'long-title-58': { data: company, paper: 58 },
  'copy-80': { data: { ...base, copy: true }, paper: 80 },
  'estimated-58': { data: estimated, paper: 58 },
};

function blackDotsIn(bitmap: Bitmap, x0: number, x1: number): number {
  let count = 0;
  for (let y = 0; y < bitmap.height; y++) for (let x = x0; x < x1; x++) if (isBlack(bitmap, x, y)) count++;
  return count;
}

/** Every line of text the receipt prints, in order. */
function allLines(text: ReceiptText): string[] {
  return [
    text.copyMark,
    text.agency,
    text.office,
    text.title,
    text.service,
    text.serviceCode,
    text.trackingLabel,
    text.trackingCode,
    text.created,
    text.due,
    text.estimatedNote,
    ...text.identity,
    text.documentsHeading,
    ...text.documents,
    ...text.followUp,
  ].filter((line) => line !== null);
}

const LRI = '\u2066';
const PDI = '\u2069';
const withoutIsolates = (text: string) => text.replace(/[\u2066\u2069]/g, '');

/** The survey slip: the same sheet, so the same reference check. */
const SLIP: SurveySlipData = {
  officeName: base.officeName,
  terminalNumber: base.terminalNumber,
  serviceTitle: base.serviceTitle,
  trackingCode: base.trackingCode,
};

const DRAWINGS: [string, PaperWidth, () => Bitmap][] = [
  ...Object.entries(REFERENCES).map(([name, { data, paper }]): [string, PaperWidth, () => Bitmap] => [
    name,
    paper,
    () => renderReceipt(data, paper).bitmap,
  ]),
  ['survey-slip-80', 80, () => renderSurveySlip(SLIP, 80).bitmap],
  ['survey-slip-58', 58, () => renderSurveySlip(SLIP, 58).bitmap],
];

describe('the receipt and the survey slip, compared with the reviewed reference images', () => {
  for (const [name, paper, draw] of DRAWINGS) {
    test(`${name}: ${paper} mm`, () => {
      const bitmap = draw();
      const file = path.join(FIXTURES, `${name}.png`);
      if (UPDATE) {
        fs.mkdirSync(FIXTURES, { recursive: true });
        fs.writeFileSync(file, bitmapToPng(bitmap));
        return;
      }
      const reference = pngToBitmap(fs.readFileSync(file));
      assert.equal(bitmap.width, reference.width);
      assert.equal(bitmap.height, reference.height, 'the receipt grew or shrank: a line wraps differently');
      const different = countDifferentDots(bitmap, reference);
      const share = different / (bitmap.width * bitmap.height);
      assert.ok(share <= TOLERANCE, `${different} dots (${(share * 100).toFixed(2)}%) differ from ${file}`);
    });
  }
});

describe('the QR code', () => {
  for (const paper of [80, 58] as const) {
    test(`${paper} mm: reads back as the bare tracking code, in modules of whole dots that scan off paper`, () => {
      for (const data of [base, company]) {
        const receipt = renderReceipt(data, paper);
        const found = jsQR(toRgba(receipt.bitmap), receipt.bitmap.width, receipt.bitmap.height);
        assert.equal(found?.data, data.trackingCode);
        assert.ok(receipt.qr.module >= 4, `module of ${receipt.qr.module} dots`);
        assert.equal(receipt.qr.size % receipt.qr.module, 0);
      }
    });
  }
});

describe('the layout', () => {
  const unbreakable: ReceiptData = {
    ...company,
    officeName: 'دفتر'.repeat(60),
    serviceTitle: `${'پیشخوان'.repeat(40)} ${'W'.repeat(90)}`,
    documents: [{ fa: 'مدرک'.repeat(80) }],
  };

  for (const paper of [80, 58] as const) {
    test(`${paper} mm: as wide as the paper, and nothing drawn in the side margins, even for words wider than a line`, () => {
      for (const data of [base, company, estimated, { ...base, copy: true }, unbreakable]) {
        const { bitmap } = renderReceipt(data, paper);
        const width = PAPER_DOTS[paper];
        assert.equal(bitmap.width, width);
        assert.equal(bitmap.data.length, bytesPerRow(bitmap) * bitmap.height);
        assert.equal(blackDotsIn(bitmap, 0, SIDE_MARGIN), 0, 'ink in the right-to-left end margin');
        assert.equal(blackDotsIn(bitmap, width - SIDE_MARGIN, width), 0, 'ink in the start margin');
      }
    });
  }

  test('long titles wrap and the receipt grows; narrower paper, more lines', () => {
    const short = renderReceipt(base, 80).bitmap.height;
    const long = renderReceipt(company, 80).bitmap.height;
    const narrow = renderReceipt(company, 58).bitmap.height;
    assert.ok(long > short, `${long} > ${short}`);
    assert.ok(narrow > long, `${narrow} > ${long}`);
  });

  test('black and white only: the canvas is thresholded into the printed bitmap', () => {
    const receipt = renderReceipt(base, 80);
    const { width, height } = receipt.bitmap;
    const pixels = receipt.canvas.getContext('2d').getImageData(0, 0, width, height).data;
    assert.deepEqual(rgbaToBitmap(pixels, width, height), receipt.bitmap);
    const png = pngToBitmap(bitmapToPng(receipt.bitmap));
    assert.deepEqual(png, receipt.bitmap, 'PNG round trip');
  });
});

describe('what the receipt says', () => {
  test('the title, agency, office and terminal, the service and its code', () => {
    const { text } = renderReceipt(base, 80);
    assert.equal(text.title, 'رسید خدمت');
    assert.equal(text.agency, 'شهرداری');
    assert.equal(text.office, 'دفتر پیشخوان خدمات دولت قزوین\u00a0· پایانهٔ\u00a0۱');
    assert.equal(text.service, 'وصول عوارض خودرو');
    assert.equal(text.serviceCode, `کد خدمت: ${LRI}۱۰۱۱۰۰۰۱${PDI}`);
    assert.equal(text.copyMark, null);
    assert.equal(renderReceipt({ ...base, copy: true }, 80).text.copyMark, 'رونوشت');
  });

  test('the tracking code is grouped, in Persian digits, and reads back as the code; the QR holds the bare code', () => {
    const { text } = renderReceipt(base, 58);
    assert.match(text.trackingCode, /^۰۰۱-۰۰۰۰۱۲۳-[۰-۹]$/);
    assert.equal(toLatinDigits(text.trackingCode), formatTrackingCode(base.trackingCode));
    assert.equal(text.qr, base.trackingCode);
  });

  test('dates are Jalali, with the weekday and Persian digits; the time sits in a left-to-right isolate', () => {
    const { text } = renderReceipt(base, 80);
    assert.equal(text.created, `تاریخ ثبت: دوشنبه ۲ آذر ۱۴۰۵، ساعت\u00a0${LRI}۱۰:۳۰${PDI}`);
    assert.equal(text.due, 'موعد تحویل: شنبه ۱۴ آذر ۱۴۰۵');
    assert.equal(text.estimatedNote, null);
    for (const line of allLines(text)) assert.doesNotMatch(line, /[0-9]/, `Latin digits in «${line}»`);
  });

  test('a due date that rests on an estimated holiday says «تخمینی» and why', () => {
    const { text } = renderReceipt(estimated, 58);
    assert.equal(text.created, `تاریخ ثبت: شنبه ۲۸ آذر ۱۴۰۵، ساعت\u00a0${LRI}۱۰:۳۰${PDI}`);
    assert.equal(text.due, 'موعد تحویل: یکشنبه ۶ دی ۱۴۰۵ (تخمینی)');
    assert.match(text.estimatedNote ?? '', /^تخمینی: /);
  });

  test('masked personal data shows at most its last four digits, in typed order', () => {
    for (const data of [base, company]) {
      const { text } = renderReceipt(data, 80);
      assert.ok(text.identity.length >= 2);
      for (const line of text.identity) {
        const digits = toLatinDigits(withoutIsolates(line)).replace(/\D/g, '');
        assert.ok(digits.length <= 4, `«${line}» shows ${digits.length} digits`);
        assert.ok(line.includes(LRI) && line.endsWith(PDI), `«${line}» keeps its order in an isolate`);
      }
    }
    assert.deepEqual(renderReceipt(base, 80).text.identity, [
      `کد ملی: ${LRI}******۰۸۹۹${PDI}`,
      `تلفن همراه: ${LRI}*******۴۵۶۷${PDI}`,
    ]);
    assert.deepEqual(renderReceipt(company, 80).text.identity, [
      `شناسه ملی: ${LRI}*******۴۷۹۰${PDI}`,
      `تلفن همراه: ${LRI}*******۴۳۲۱${PDI}`,
    ]);
    const purged = { ...base, maskedNationalCode: null, maskedMobile: null };
    assert.deepEqual(renderReceipt(purged, 80).text.identity, [], 'purged data prints nothing');
  });

  test('what to bring, as a list; how to follow the request and answer the survey', () => {
    const { text } = renderReceipt(company, 80);
    assert.equal(text.documentsHeading, 'مدارکی که باید همراه بیاورید:');
    assert.deepEqual(
      text.documents,
      company.documents.map((document) => document.fa),
    );
    assert.equal(renderReceipt({ ...base, documents: [] }, 80).text.documentsHeading, 'مدرک دیگری لازم نیست.');
    assert.match(text.followUp[0] ?? '', /کد رهگیری و چهار رقم آخر تلفن همراه .* کیوسک/);
    assert.match(text.followUp[1] ?? '', /نظرسنجی/);
  });
});
