import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import jsQR from 'jsqr';
import { receiptRender } from '../../main/cli/commands/receipt';
import { UsageError } from '../../main/cli/usage-error';
import { openCore } from '../../main/core/app';
import { findService } from '../../main/core/catalogue/store';
import { formatTrackingCode, makeTrackingCode, toPersianDigits, type Result } from '../../main/core/contract';
import { isBlack } from '../../main/core/printing/bitmap';
import { renderReceipt } from '../../main/core/printing/layout';
import { pngToBitmap } from '../../main/core/printing/raster';
import { receiptDataFor } from '../../main/core/printing/receipt-source';
import { DomainError } from '../../main/core/router';
import { callerForWindow } from '../../main/shell/caller';
import { signedIn } from '../support/auth';
import { tempDir } from '../support/temp';

/** A real terminal database with the sample catalogue; requests made through the router, as the kiosk makes them. */
const dir = tempDir();
const dbPath = path.join(dir, 'receipts.sqlite');
const core = openCore({
  dbPath,
  appVersion: 't',
  log: () => undefined,
  now: () => new Date('2026-11-23T07:00:00Z'), // Monday 1405/09/02, 10:30 in Tehran
});
after(() => core.close());

const person = { nationalCode: '0499370899', name: 'زهرا احمدی', mobile: '09121234567' };
const company = { legalId: '10380284790', company: 'شرکت نمونه', name: 'علی رضایی', mobile: '+98 912 765 4321' };

async function create(serviceCode: string, applicant: object, window: 'kiosk' | 'counter' = 'kiosk'): Promise<string> {
  const caller = window === 'kiosk' ? callerForWindow('kiosk') : await signedIn(core, 'clerk');
  const result = (await core.router.call(caller, 'requests.create', {
    serviceCode,
    applicant,
  })) as Result<{
    trackingCode: string;
  }>;
  assert.ok(result.ok, JSON.stringify(result));
  return result.value.trackingCode;
}

describe('receiptDataFor: the receipt of a stored request', () => {
  test('a citizen: agency, service, office, dates, documents, masked national code and mobile', async () => {
    const code = await create('10210001', person);
    const data = receiptDataFor(core.db, code, { copy: false });
    const documents = findService(core.db, '10210001')?.service.documents;
    assert.ok(documents && documents.length > 0);
    assert.deepEqual(data, {
      agencyTitle: 'سازمان بورس و اوراق بهادار',
      officeName: 'میز خدمت الکترونیکی',
      terminalNumber: 1,
      serviceTitle: 'سامانه سجام (ثبت‌نام و احراز هویت)',
      serviceCode: '10210001',
      trackingCode: code,
      createdAt: '2026-11-23T07:00:00.000Z',
      dueDate: '1405/09/03',
      dueDateEstimated: false,
      documents,
      maskedNationalCode: '******0899',
      maskedLegalId: null,
      maskedMobile: '*******4567',
      copy: false,
    });
  });

  test('a legal entity: its legal ID masked, no national code', async () => {
    const data = receiptDataFor(core.db, await create('10110002', company, 'counter'), { copy: true });
    assert.equal(data.maskedLegalId, '*******4790');
    assert.equal(data.maskedNationalCode, null);
    assert.equal(data.maskedMobile, '*******4321');
    assert.equal(data.copy, true);
  });

  test('no personal digits beyond the last four leave the database, in the data or on the paper', async () => {
    const code = await create('10110001', person);
    const data = receiptDataFor(core.db, code, { copy: false });
    const { text } = renderReceipt(data, 80);
    const printed = JSON.stringify({ data, text });
    for (const secret of ['04993708', '0912123', toPersianDigits('04993708'), toPersianDigits('0912123')]) {
      assert.ok(!printed.includes(secret), secret);
    }
  });

  test('the rendered receipt carries the stored code, printed and in its QR code', async () => {
    const code = await create('10110001', person);
    const { text, bitmap } = renderReceipt(receiptDataFor(core.db, code, { copy: false }), 58);
    assert.equal(text.trackingCode, toPersianDigits(formatTrackingCode(code)));
    const rgba = new Uint8ClampedArray(bitmap.width * bitmap.height * 4).fill(255);
    for (let y = 0; y < bitmap.height; y++) {
      for (let x = 0; x < bitmap.width; x++) {
        if (isBlack(bitmap, x, y)) rgba.fill(0, (y * bitmap.width + x) * 4, (y * bitmap.width + x) * 4 + 3);
      }
    }
    assert.equal(jsQR(rgba, bitmap.width, bitmap.height)?.data, code);
  });

  test('the office as it is named now; the terminal that took the request, even after a renumbering', async () => {
    const admin = await signedIn(core);
    const earlier = await create('10110001', person);
    await core.router.call(admin, 'settings.set', { key: 'office.name.fa', value: 'دفتر پیشخوان ۱۲۳۴ قزوین' });
    await core.router.call(admin, 'settings.set', { key: 'terminal.number', value: 42 });
    try {
      const reprint = receiptDataFor(core.db, earlier, { copy: true });
      assert.deepEqual([reprint.officeName, reprint.terminalNumber], ['دفتر پیشخوان ۱۲۳۴ قزوین', 1]);
      assert.equal(receiptDataFor(core.db, await create('10110001', person), { copy: false }).terminalNumber, 42);
    } finally {
      await core.router.call(admin, 'settings.set', { key: 'office.name.fa', value: 'میز خدمت الکترونیکی' });
      await core.router.call(admin, 'settings.set', { key: 'terminal.number', value: 1 });
    }
  });

  test('an unknown tracking code is requests.not_found', () => {
    assert.throws(
      () => receiptDataFor(core.db, '00100000000', { copy: false }),
      (error) => error instanceof DomainError && error.code === 'requests.not_found',
    );
  });
});

describe('mizban receipt render', () => {
  test('writes the 1-bit receipt of a request as PNG, 80 mm unless told 58', async () => {
    const code = await create('10110001', person);
    const out80 = path.join(dir, 'r80.png');
    assert.match(receiptRender(dbPath, formatTrackingCode(code), out80, undefined), /80 mm, 576×\d+ dots/);
    assert.equal(pngToBitmap(fs.readFileSync(out80)).width, 576);
    const out58 = path.join(dir, 'r58.png');
    // A code as people type it: Persian digits, spaces.
    receiptRender(dbPath, toPersianDigits(code.replace(/^(\d{3})/, '$1 ')), out58, '58', true);
    assert.equal(pngToBitmap(fs.readFileSync(out58)).width, 384);
  });

  test('refuses what it cannot render, saying why', () => {
    const out = path.join(dir, 'never.png');
    assert.throws(() => receiptRender(dbPath, undefined, out, '80'), UsageError);
    assert.throws(() => receiptRender(dbPath, '00100000011', undefined, '80'), UsageError);
    assert.throws(() => receiptRender(dbPath, '00100000011', out, '72'), /--width takes 58 or 80/);
    assert.throws(() => receiptRender(dbPath, '12345', out, '80'), /not a tracking code/);
    assert.throws(
      () => receiptRender(path.join(dir, 'none.sqlite'), makeTrackingCode(1, 1), out, '80'),
      /no database at/,
    );
    assert.throws(() => receiptRender(dbPath, makeTrackingCode(999, 1), out, '80'), /no request with tracking code/);
    assert.equal(fs.existsSync(out), false);
    assert.equal(fs.existsSync(path.join(dir, 'none.sqlite')), false, 'no database is created');
  });
});
