import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from 'playwright-core';
import QRCode from 'qrcode';
import { makeTrackingCode } from '../../main/core/contract';
import { PAPER_DOTS, type PaperWidth } from '../../main/core/printing/bitmap';
import { encodeReceipt } from '../../main/core/printing/escpos';
import { receiptFontPath } from '../../main/core/printing/fonts';
import { receiptText, renderReceipt, type ReceiptText } from '../../main/core/printing/layout';
import { pngToBitmap } from '../../main/core/printing/raster';
import type { ReceiptData } from '../../main/core/printing/receipt-data';
import { CHROMIUM_ARGS, chromiumExecutable } from '../../main/shell/chromium';
import { p50p95, percentile, type Row } from './report';

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const WARM_UP = 3;

/** A receipt of the usual length: three documents, a one-line service title. */
const DATA: ReceiptData = {
  agencyTitle: 'سازمان بورس و اوراق بهادار',
  officeName: 'دفتر پیشخوان خدمات دولت قزوین',
  terminalNumber: 1,
  serviceTitle: 'سامانه سجام (ثبت‌نام و احراز هویت)',
  serviceCode: '10210001',
  trackingCode: makeTrackingCode(1, 123),
  createdAt: '2026-11-23T07:00:00Z',
  dueDate: '1405/09/03',
  dueDateEstimated: false,
  documents: [{ fa: 'کد ملی متقاضی' }, { fa: 'کد پیگیری ثبت‌نام سجام' }, { fa: 'شماره شبای حساب بانکی به نام متقاضی' }],
  maskedNationalCode: '******0899',
  maskedLegalId: null,
  maskedMobile: '*******4567',
  copy: false,
};

async function timed(work: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARM_UP; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return samples;
}

/** Our way: layout and Skia in the main process, thresholded to 1 bit, encoded as ESC/POS. */
async function canvasReceipt(paper: PaperWidth): Promise<Buffer> {
  return encodeReceipt(renderReceipt(DATA, paper).bitmap);
}

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The same receipt as HTML: the same words (receiptText), sizes in CSS px = dots, the QR code as crisp SVG. */
function receiptHtml(text: ReceiptText, paper: PaperWidth): string {
  const width = PAPER_DOTS[paper];
  const qr = QRCode.create(text.qr, { errorCorrectionLevel: 'Q' }).modules;
  const module = Math.max(4, Math.floor(Math.min(168, width - 16) / qr.size));
  let squares = '';
  for (let row = 0; row < qr.size; row++) {
    for (let col = 0; col < qr.size; col++) if (qr.data[row * qr.size + col]) squares += `M${col} ${row}h1v1h-1z`;
  }
  const band = text.copyMark ? `<div class="band">${esc(text.copyMark)}</div>` : '';
  const p = (cls: string, line: string) => `<p class="${cls}">${esc(line)}</p>`;
  return `<div id="receipt" style="width:${width}px">${band}
    ${p('agency', text.agency)}${p('office', text.office)}<hr>${p('title', text.title)}<hr>
    ${p('service', text.service)}${p('body', text.serviceCode)}<hr>
    ${p('label center', text.trackingLabel)}<p class="code" dir="ltr">${esc(text.trackingCode)}</p>
    <svg class="qr" width="${qr.size * module}" height="${qr.size * module}" viewBox="0 0 ${qr.size} ${qr.size}"
      shape-rendering="crispEdges"><path d="${squares}"/></svg><hr>
    ${p('body', text.created)}${p('due', text.due)}${text.estimatedNote ? p('small', text.estimatedNote) : ''}<hr>
    ${text.identity.map((line) => p('body', line)).join('')}<hr>
    ${p('label', text.documentsHeading)}<ul>${text.documents.map((d) => `<li>${esc(d)}</li>`).join('')}</ul><hr>
    ${text.followUp.map((line) => p('small', line)).join('')}${band}</div>`;
}

const PAGE_STYLE = `
  @font-face { font-family: V; font-weight: 500; src: url(/medium.ttf); }
  @font-face { font-family: V; font-weight: 700; src: url(/bold.ttf); }
  body { margin: 0; background: #fff; }
  #receipt { direction: rtl; font-family: V; color: #000; padding: 16px 8px 24px; box-sizing: border-box; }
  p { margin: 0; line-height: 1.56; }
  .agency, .office, .title, .center, .code, .band { text-align: center; }
  .agency { font: 700 26px V; } .office { font: 500 22px V; } .title { font: 700 36px V; }
  .service { font: 700 26px V; } .body { font: 500 22px V; } .label { font: 700 22px V; }
  .due { font: 700 24px V; } .small { font: 500 20px V; } .code { font: 700 52px V; white-space: nowrap; }
  .band { background: #000; color: #fff; font: 700 30px V; padding: 6px 0; }
  .qr { display: block; margin: 32px auto; }
  hr { border: 0; border-top: 2px solid #000; margin: 14px 0; }
  ul { margin: 0; padding: 0 22px 0 0; font: 500 22px V; line-height: 1.56; }`;

/**
 * The usual Electron way, at its best: one long-lived hidden page with the fonts already
 * loaded (a BrowserWindow kept for printing), the receipt's HTML set into it, laid out, and the
 * element captured as a PNG (capturePage); then the same 1-bit conversion and ESC/POS.
 */
async function chromiumReceipt(page: Page, paper: PaperWidth, encode: boolean): Promise<Buffer> {
  const html = receiptHtml(receiptText(DATA), paper);
  await page.evaluate(async (content) => {
    document.body.innerHTML = content;
    await document.fonts.ready;
  }, html);
  const png = await page.locator('#receipt').screenshot({ animations: 'disabled', caret: 'hide' });
  return encode ? encodeReceipt(pngToBitmap(png)) : png;
}

async function openPage(): Promise<{ page: Page; close(): Promise<void> }> {
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 576, height: 2000 }, deviceScaleFactor: 1 });
  const fonts: Record<string, string> = {
    '/medium.ttf': receiptFontPath('Vazirmatn-Medium.ttf'),
    '/bold.ttf': receiptFontPath('Vazirmatn-Bold.ttf'),
  };
  await page.route('http://receipt.localhost/**', async (route) => {
    const { pathname } = new URL(route.request().url());
    const font = fonts[pathname];
    if (font) await route.fulfill({ body: fs.readFileSync(font), contentType: 'font/ttf' });
    else
      await route.fulfill({
        body: `<!doctype html><meta charset="utf-8"><style>${PAGE_STYLE}</style><body>`,
        contentType: 'text/html',
      });
  });
  await page.goto('http://receipt.localhost/');
  await page.evaluate(() => Promise.all([document.fonts.load('500 22px V'), document.fonts.load('700 22px V')]));
  return { page, close: () => browser.close() };
}

/** Our way, timed: rendering alone, encoding alone, and both as the print queue runs them. */
async function skiaFigures(paper: PaperWidth): Promise<{ rows: Row[]; render: number[]; total: number[] }> {
  const render = await timed(async () => renderReceipt(DATA, paper));
  const { bitmap } = renderReceipt(DATA, paper);
  const encode = await timed(() => encodeReceipt(bitmap));
  const total = await timed(() => canvasReceipt(paper));
  const rows = [
    { name: `receipt ${paper} mm, Skia: layout + draw + 1-bit`, value: p50p95(render) },
    { name: `receipt ${paper} mm, ESC/POS encoding alone (escpos.ts)`, value: p50p95(encode) },
    { name: `receipt ${paper} mm, Skia: render + ESC/POS bytes`, value: p50p95(total) },
  ];
  return { rows, render, total };
}

export async function run(): Promise<Row[]> {
  const at80 = await skiaFigures(80);
  const at58 = await skiaFigures(58);
  const rows: Row[] = [...at80.rows, ...at58.rows];
  const ratio = (chromium: number[], skia: number[]) =>
    `${(percentile(chromium, 50) / percentile(skia, 50)).toFixed(1)}×`;

  const { page, close } = await openPage();
  try {
    const capture = await timed(() => chromiumReceipt(page, 80, false));
    const full = await timed(() => chromiumReceipt(page, 80, true));
    rows.push({ name: 'receipt 80 mm, Chromium: HTML → element screenshot (PNG)', value: p50p95(capture) });
    rows.push({ name: 'receipt 80 mm, Chromium: screenshot + 1-bit + ESC/POS bytes', value: p50p95(full) });
    rows.push({ name: 'receipt 80 mm, Chromium capture ÷ Skia render (p50)', value: ratio(capture, at80.render) });
    rows.push({
      name: 'receipt 80 mm, Chromium ÷ Skia, render + encode (p50)',
      value: ratio(full, at80.total),
      note: 'browser launch and font loading excluded: a warm hidden window',
    });
  } finally {
    await close();
  }

  for (const paper of [80, 58] as const) {
    const { bitmap } = renderReceipt(DATA, paper);
    const sent = (await encodeReceipt(bitmap)).length;
    rows.push({
      name: `bytes per receipt ${paper} mm (${bitmap.width}×${bitmap.height} dots)`,
      value: `${sent} B sent`,
      note: `raster data ${bitmap.data.length} B, one bit a dot; the rest: GS v 0 band headers, init, feed, cut`,
    });
  }
  return rows;
}
