import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { formatTrackingCode, toLatinDigits, type Language } from '../../main/core/contract';
import { PrinterEmulator, type EmulatorJob } from '../../native/emulator/emulator';
import { PORTRAIT, startApp, type RunningApp } from '../support/app';
import { toRgba } from '../support/bitmap';
import { setSettings } from '../support/settings';

const W = {
  fa: {
    ask: 'درخواست خدمت',
    agency: 'شرکت گاز',
    service: 'تغییر نام',
    askThis: 'درخواست این خدمت',
    review: 'بررسی و ادامه',
    submit: 'ثبت درخواست',
    printed: 'درخواست شما ثبت شد',
    noPaper: 'درخواست شما ثبت شد، اما رسید چاپ نشد',
    paperOut: 'کاغذ چاپگر تمام شده است.',
    finish: 'پایان',
    follow: 'پیگیری درخواست',
    look: 'نمایش وضعیت',
    registered: 'ثبت شده',
    badCode: 'کد ملی درست نیست؛ رقم‌ها را دوباره بررسی کنید.',
    badMobile: 'شماره تلفن همراه درست نیست؛ مانند ۰۹۱۲۱۲۳۴۵۶۷ بنویسید.',
    name: ['ز', 'ه', 'ر', 'ا', '{space}', 'ن', 'ی', 'ک', 'و'],
  },
  en: {
    ask: 'Ask for a service',
    agency: 'Gas Company',
    service: 'Change of name',
    askThis: 'Ask for this service',
    review: 'Review and continue',
    submit: 'Submit the request',
    printed: 'Your request is registered',
    noPaper: 'Your request is registered, but the receipt did not print',
    paperOut: 'The printer is out of paper.',
    finish: 'Done',
    follow: 'Follow a request',
    look: 'Show the status',
    registered: 'Registered',
    badCode: 'This national code is not valid; check the digits.',
    badMobile: 'This is not an Iranian mobile number; write it like 09121234567.',
    name: ['{shift}', 'S', '{shift}', 'a', 'r', 'a'],
  },
} as const;

async function key(page: Page, name: string): Promise<void> {
  await page.locator(`.hg-button[data-skbtn="${name}"]`).first().tap();
}

async function typeDigits(page: Page, digits: string): Promise<void> {
  for (const digit of digits) await key(page, digit);
}

/** Home → the gas company → its name-change service → the request form. */
async function reachForm(page: Page, language: Language): Promise<void> {
  const w = W[language];
  await page.getByRole('button', { name: w.ask }).tap();
  await page.getByRole('listitem').filter({ hasText: w.agency }).first().tap();
  await page.getByRole('listitem').filter({ hasText: w.service }).first().tap();
  await page.locator('[data-section="documents"]').waitFor();
  await page.getByRole('button', { name: w.askThis }).tap();
}

async function fillPerson(page: Page, language: Language, nationalCode: string, mobile: string): Promise<void> {
  await page.getByTestId('field-nationalCode').tap();
  await typeDigits(page, nationalCode);
  await page.getByTestId('field-name').tap();
  for (const k of W[language].name) await key(page, k);
  await page.getByTestId('field-mobile').tap();
  await typeDigits(page, mobile);
}

for (const language of ['fa', 'en'] as const) {
  describe(`the kiosk request journey by touch, in ${language === 'fa' ? 'Persian' : 'English'}`, () => {
    let app: RunningApp;
    const emulator = new PrinterEmulator();
    before(async () => {
      app = await startApp();
      const port = await emulator.listenTcp(0);
      setSettings(
        app.core,
        { key: 'printer.connection', value: 'tcp' },
        { key: 'printer.host', value: '127.0.0.1' },
        { key: 'printer.port', value: port },
      );
    });
    after(async () => {
      await app.close();
      await emulator.close();
    });

    async function open(): Promise<Page> {
      const page = await app.open({ role: 'kiosk', viewport: PORTRAIT, hasTouch: true });
      if (language === 'en') await page.getByRole('button', { name: 'English' }).tap();
      return page;
    }

    test('find → read → request → the receipt on paper, its QR the code shown → follow it', async () => {
      const w = W[language];
      const page = await open();
      await reachForm(page, language);
      await fillPerson(page, language, '0499370899', '09121234567');
      await page.getByRole('button', { name: w.review }).tap();
      assert.match(
        (await page.getByTestId('review').textContent()) ?? '',
        language === 'fa' ? /۰۴۹۹۳۷۰۸۹۹/ : /0499370899/,
      );
      await page.getByRole('button', { name: w.submit }).tap();
      await page.getByRole('heading', { name: w.printed, exact: true }).waitFor();

      const shown = toLatinDigits((await page.getByTestId('tracking-code').textContent()) ?? '');
      const trackingCode = shown.replace(/-/g, '');
      assert.equal(formatTrackingCode(trackingCode), shown);
      const printed = emulator.jobs.filter(
        (j): j is Extract<EmulatorJob, { outcome: 'printed' }> => j.outcome === 'printed',
      );
      const paper = printed.at(-1);
      assert.ok(paper, 'a receipt reached the printer');
      assert.equal(jsQR(toRgba(paper.bitmap), paper.bitmap.width, paper.bitmap.height)?.data, trackingCode);
      await page.getByTestId('receipt-image').waitFor();

      await page.getByRole('button', { name: w.finish }).tap();
      if (language === 'en') await page.getByRole('button', { name: 'English' }).tap();
      await page.getByRole('button', { name: w.follow }).tap();
      await typeDigits(page, `${trackingCode}4567`);
      await page.getByRole('button', { name: w.look }).tap();
      await page.getByTestId('timeline').waitFor();
      assert.equal(await page.locator('.status-badge').textContent(), w.registered);
    });

    test('a bad national code and a bad mobile are refused next to their fields, in the right words', async () => {
      const w = W[language];
      const page = await open();
      await reachForm(page, language);
      await fillPerson(page, language, '0499370898', '02188776655');
      assert.equal(await page.locator('#nationalCode-error').textContent(), w.badCode);
      await page.getByRole('button', { name: w.review }).tap();
      assert.equal(await page.locator('#mobile-error').textContent(), w.badMobile);
      assert.equal(await page.getByTestId('review').count(), 0, 'no review with errors');
      assert.equal(
        app.core.db.prepare("SELECT count(*) FROM requests WHERE national_code = '0499370898'").pluck().get(),
        0,
      );
    });

    test('out of paper: the request is still taken, the code shown large, the job waits for the printer', async () => {
      const w = W[language];
      emulator.set({ paper: 'out' });
      try {
        const page = await open();
        await reachForm(page, language);
        await fillPerson(page, language, '0499370899', '09351112233');
        await page.getByRole('button', { name: w.review }).tap();
        await page.getByRole('button', { name: w.submit }).tap();
        await page.getByRole('heading', { name: w.noPaper }).waitFor();
        assert.match((await page.getByRole('alert').textContent()) ?? '', new RegExp(w.paperOut));
        const code = toLatinDigits((await page.getByTestId('tracking-code').textContent()) ?? '').replace(/-/g, '');
        const job = app.core.db
          .prepare('SELECT j.status FROM print_jobs j JOIN requests r ON r.id = j.request_id WHERE r.tracking_code = ?')
          .pluck()
          .get(code);
        assert.equal(job, 'queued', 'the receipt waits in the queue, not lost');
      } finally {
        emulator.set({ paper: 'ok' });
      }
    });
  });
}

test('an idle request form warns, then wipes every field and returns home', async () => {
  const app = await startApp();
  try {
    const page = await app.shell.openWindow({
      role: 'kiosk',
      viewport: PORTRAIT,
      hasTouch: true,
      beforeLoad: (p) => p.clock.install(),
    });
    await page.waitForSelector('html[data-ready="true"]');
    await reachForm(page, 'fa');
    await page.getByTestId('field-nationalCode').tap();
    await typeDigits(page, '0499370899');
    await page.clock.runFor(91_000);
    await page.getByRole('alertdialog').waitFor();
    await page.clock.runFor(16_000);
    await page.getByRole('button', { name: W.fa.ask }).waitFor();
    const text = (await page.locator('body').textContent()) ?? '';
    assert.equal(text.includes('۰۴۹۹۳۷۰۸۹۹') || text.includes('0499370899'), false);
    await reachForm(page, 'fa');
    assert.equal(await page.getByTestId('field-nationalCode').textContent(), '\u00a0', 'the form starts empty again');
  } finally {
    await app.close();
  }
});
