import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { catalogueToCsv } from '../../main/core/catalogue/csv';
import { readCatalogue } from '../../main/core/catalogue/store';
import {
  toLatinDigits,
  toPersianDigits,
  type AppEvent,
  type CalendarDay,
  type Result,
  type Service,
} from '../../main/core/contract';
import { callerForWindow } from '../../main/shell/caller';
import { PrinterEmulator } from '../../native/emulator/emulator';
import { LANDSCAPE, PORTRAIT, startApp, type RunningApp } from '../support/app';
import { openSignedIn, signedIn } from '../support/auth';
import { brokenCatalogueCsv } from '../support/catalogue-files';
import { startPtyPair } from '../support/pty';
import { deliveredRequest } from '../support/requests';
import { setSettings } from '../support/settings';

/** Waits until `check` holds, looking every 50 ms. */
async function until<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The admin face, signed in, on one of its pages, in the language asked. */
async function adminPage(app: RunningApp, name: string, language: 'fa' | 'en' = 'fa'): Promise<Page> {
  const page = await openSignedIn(app, { viewport: LANDSCAPE });
  if (language === 'en') {
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
  }
  await page.locator(`.admin-tabs__tab[data-page="${name}"]`).click();
  return page;
}

/** What a kiosk window is told by the core: the same channel, from the kiosk's own window. */
async function atKiosk<T>(app: RunningApp, channel: string, input: unknown): Promise<T> {
  const kiosk = await app.open({ role: 'kiosk', viewport: PORTRAIT, hasTouch: true });
  try {
    const result = (await kiosk.evaluate(([c, i]) => window.mizban.invoke(c, i), [
      channel,
      input,
    ] as const)) as Result<T>;
    assert.ok(result.ok, JSON.stringify(result));
    return result.value;
  } finally {
    await kiosk.context().close();
  }
}

const dueDate = async (app: RunningApp) =>
  (await atKiosk<{ dueDate: string }>(app, 'calendar.dueDate', { days: 1 })).dueDate;

describe('the admin face: each page saves through the core, and the change takes effect', () => {
  let app: RunningApp;
  const emulator = new PrinterEmulator();
  let port = 0;
  before(async () => {
    app = await startApp();
    port = await emulator.listenTcp(0);
  });
  after(async () => {
    await app.close();
    await emulator.close();
  });

  test('an administrator has every page; a supervisor only the reports', async () => {
    const tabs = (page: Page) =>
      page
        .locator('.admin-tabs__tab[data-page]')
        .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-page')));
    const admin = await openSignedIn(app, { viewport: LANDSCAPE });
    assert.deepEqual(await tabs(admin), [
      'settings',
      'catalogue',
      'calendar',
      'printer',
      'scanner',
      'users',
      'reports',
      'backup',
      'maintenance',
    ]);
    const supervisor = await openSignedIn(app, { as: 'supervisor', viewport: LANDSCAPE });
    assert.deepEqual(await tabs(supervisor), ['reports']);
    await supervisor.getByTestId('signed-in-user').getByText('سرپرست').waitFor();
  });

  test('catalogue, in Persian: a service edited is what the kiosk reads next', async () => {
    const page = await adminPage(app, 'catalogue');
    await page.getByRole('button', { name: 'شرکت گاز' }).click();
    await page.locator('[data-testid="catalogue-services"] button[data-code="10410001"]').click();
    await page.getByLabel('عنوان خدمت (فارسی)', { exact: true }).fill('تغییر نام مشترک گاز');
    await page.getByLabel('مدت انجام (روز کاری)', { exact: true }).fill('۷');
    await page.getByRole('button', { name: 'ذخیره خدمت' }).click();
    await page.getByRole('status').getByText('ذخیره شد').waitFor();

    const { service } = await atKiosk<{ service: Service }>(app, 'catalogue.service', { code: '10410001' });
    assert.equal(service.title.fa, 'تغییر نام مشترک گاز');
    assert.equal(service.workingDays, 7);
    // The list beside the form follows, in Persian digits.
    await page.getByTestId('catalogue-services').getByText('تغییر نام مشترک گاز').waitFor();
    await page.getByTestId('catalogue-services').getByText('۷ روز کاری').waitFor();
  });

  test('catalogue, in English: a title left empty is refused at its field, in English, and nothing is saved', async () => {
    const page = await adminPage(app, 'catalogue', 'en');
    await page.getByRole('button', { name: 'Municipality' }).click();
    await page.locator('[data-testid="catalogue-services"] button[data-code="10110001"]').click();
    await page.getByLabel('Title (English)', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Save service' }).click();
    const field = page.locator('[data-field-error="text.required"]');
    await field.waitFor();
    assert.equal(await field.textContent(), 'Write this text.');
    assert.equal(await page.locator('#service-title-en').getAttribute('aria-invalid'), 'true');
    const { service } = await atKiosk<{ service: Service }>(app, 'catalogue.service', { code: '10110001' });
    assert.equal(service.title.en, 'Collection of vehicle tolls');
  });

  test('catalogue import, in Persian: a broken file is refused whole, each problem by row and column; a good one is taken', async () => {
    const before = catalogueToCsv(readCatalogue(app.core.db));
    const page = await adminPage(app, 'catalogue');
    await page.setInputFiles('#catalogue-file', {
      name: 'catalogue.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(brokenCatalogueCsv(app.core.db)),
    });
    await page.getByRole('button', { name: 'وارد کردن' }).click();
    const table = page.getByTestId('import-issues');
    await table.waitFor();
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)));
    assert.deepEqual(rows, [
      ['۱', 'title_fa', 'این متن را بنویسید.'],
      ['۲', 'delivery', 'این مقدار از گزینه‌های پذیرفته نیست.'],
      ['۲', 'working_days', 'این مقدار از نوع خواسته‌شده نیست.'],
      ['۲', 'not_electronic_reason_fa', 'خدمتی که الکترونیکی ارائه نمی‌شود باید دلیلش را بگوید.'],
    ]);
    await page.getByText('پرونده فهرست خدمات خطا دارد و هیچ چیز از آن وارد نشد.').waitFor();
    assert.equal(catalogueToCsv(readCatalogue(app.core.db)), before, 'nothing was imported');

    const catalogue = readCatalogue(app.core.db);
    const agency = catalogue.agencies[0];
    const template = catalogue.services[0];
    assert.ok(agency && template);
    const added = { ...template, code: 'TEST-01', title: { fa: 'خدمت آزمایشی', en: 'Test service' } };
    await page.setInputFiles('#catalogue-file', {
      name: 'more.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 1, agencies: [agency], services: [added] })),
    });
    await page.getByRole('button', { name: 'وارد کردن' }).click();
    await page.getByRole('status').getByText('دستگاه‌ها: ۰ تازه، ۱ به‌روز. خدمات: ۱ تازه، ۰ به‌روز.').waitFor();
    const { service } = await atKiosk<{ service: Service }>(app, 'catalogue.service', { code: 'TEST-01' });
    assert.equal(service.title.en, 'Test service');
  });

  test('catalogue export, in English: the file downloaded is the catalogue the core exports', async () => {
    const page = await adminPage(app, 'catalogue', 'en');
    for (const [button, name] of [
      ['Export CSV', 'catalogue.csv'],
      ['Export JSON', 'catalogue.json'],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: button }).click(),
      ]);
      assert.equal(download.suggestedFilename(), name);
      const content = fs.readFileSync(await download.path(), 'utf8');
      const catalogue = readCatalogue(app.core.db);
      assert.equal(
        content,
        name.endsWith('.csv') ? catalogueToCsv(catalogue) : `${JSON.stringify(catalogue, null, 2)}\n`,
      );
    }
  });

  test('calendar, in Persian: a closure on the next working day moves a due date; removed, it moves back', async () => {
    const before = await dueDate(app);
    const page = await adminPage(app, 'calendar');
    await page.getByLabel('تاریخ', { exact: true }).fill(toPersianDigits(before));
    await page.getByLabel('عنوان یا دلیل (فارسی)', { exact: true }).fill('برف سنگین');
    await page.getByRole('button', { name: 'افزودن', exact: true }).click();
    await page.getByRole('status').getByText('روز تعطیل افزوده شد').waitFor();
    const moved = await dueDate(app);
    assert.ok(moved > before, `${moved} after ${before}`);

    // The closure's row, in its year's list (the next year's, in the last days of Esfand).
    const shown = toLatinDigits((await page.locator('#calendar-days-title').textContent()) ?? '');
    if (!shown.includes(before.slice(0, 4))) await page.getByRole('button', { name: 'سال بعد' }).click();
    const row = page.locator('tr', { hasText: 'برف سنگین' });
    await row.getByText('افزوده مدیر').waitFor();
    await row.getByRole('button', { name: 'حذف' }).click();
    await page.getByRole('status').getByText('روز حذف شد.').waitFor();
    assert.equal(await dueDate(app), before);
  });

  test('calendar, in English: an estimated holiday confirmed, a closure moved, the Thursday rule saved', async () => {
    const admin = await signedIn(app.core);
    const year = (await atKiosk<{ year: number; days: CalendarDay[] }>(app, 'calendar.year', { year: 1405 })).days;
    const estimated = year.find((day) => day.estimated);
    assert.ok(estimated, 'the shipped calendar has estimated lunar holidays');
    const closure = (await app.core.router.call(admin, 'calendar.addDay', {
      date: '1405/11/10',
      kind: 'closure',
      title: { fa: 'تعمیرات', en: 'Repairs' },
    })) as Result<CalendarDay>;
    assert.ok(closure.ok);

    const page = await adminPage(app, 'calendar', 'en');
    await page.getByLabel("Show this year's past days").check();
    await page.locator(`tr[data-day="${estimated.id}"]`).getByRole('button', { name: 'Confirm date' }).click();
    await page.getByRole('status').getByText('The date is confirmed.').waitFor();

    const closureRow = page.locator(`tr[data-day="${closure.value.id}"]`);
    await closureRow.getByRole('button', { name: 'Move', exact: true }).click();
    await page.getByLabel('New date').fill('1405/11/12');
    await closureRow.getByRole('button', { name: 'Move', exact: true }).click();
    await page.getByRole('status').getByText('The date is moved.').waitFor();

    const after = (await atKiosk<{ days: CalendarDay[] }>(app, 'calendar.year', { year: 1405 })).days;
    assert.equal(after.find((day) => day.id === estimated.id)?.estimated, false);
    assert.equal(after.find((day) => day.id === closure.value.id)?.date, '1405/11/12');

    await page.getByLabel('Thursday', { exact: true }).selectOption('closed');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').getByText('Saved').waitFor();
    assert.equal(
      app.core.db.prepare("SELECT value FROM settings WHERE key = 'calendar.thursday'").pluck().get(),
      '"closed"',
    );
  });

  test('printer, in English: set to the emulator, it is ready and prints a test page', async () => {
    const page = await adminPage(app, 'printer', 'en');
    await page.getByLabel('Receipt printer connection').selectOption('tcp');
    await page.getByLabel('Printer network address').fill('127.0.0.1');
    await page.getByLabel('Printer network port').fill(String(port));
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').getByText('Saved').waitFor();
    await page.locator('[data-testid="printer-state"][data-state="ready"]').getByText('Ready').waitFor();

    const printed = emulator.jobs.filter((job) => job.outcome === 'printed').length;
    await page.getByRole('button', { name: 'Print a test page' }).click();
    await until(
      'the test page on the emulator',
      () => emulator.jobs.filter((j) => j.outcome === 'printed').length > printed,
    );
    await page
      .getByTestId('test-job')
      .getByText(/is printed\.$/)
      .waitFor();
    await page.getByTestId('print-jobs').locator('tr[data-status="done"]', { hasText: 'Test page' }).first().waitFor();
  });

  test('printer, in Persian: a failed job is printed again from the list', async () => {
    setSettings(
      app.core,
      { key: 'printer.connection', value: 'tcp' },
      { key: 'printer.host', value: '127.0.0.1' },
      { key: 'printer.port', value: port },
    );
    const at = new Date().toISOString();
    const { lastInsertRowid } = app.core.db
      .prepare(
        `INSERT INTO print_jobs (kind, status, attempts, last_error, created_at, updated_at)
         VALUES ('test', 'failed', 8, 'connect-failed', ?, ?)`,
      )
      .run(at, at);
    const page = await adminPage(app, 'printer');
    const row = page.getByTestId('print-jobs').locator(`tr[data-job="${lastInsertRowid}"]`);
    await row.and(page.locator('[data-status="failed"]')).getByText('چاپگر پاسخ نداد.').waitFor();
    await row.getByText(toPersianDigits(String(lastInsertRowid)), { exact: true }).waitFor();
    const printed = emulator.jobs.filter((job) => job.outcome === 'printed').length;
    await row.getByRole('button', { name: 'چاپ دوباره' }).click();
    await until('the job printed again', () => emulator.jobs.filter((j) => j.outcome === 'printed').length > printed);
    await until(
      'the job done',
      () => app.core.db.prepare('SELECT status FROM print_jobs WHERE id = ?').pluck().get(lastInsertRowid) === 'done',
    );
    await row.and(page.locator('[data-status="done"]')).getByText('چاپ شد').waitFor();
  });

  for (const language of ['fa', 'en'] as const) {
    test(`scanner, in ${language === 'fa' ? 'Persian' : 'English'}: a code read on the port saved reaches the kiosk`, async () => {
      const pty = await startPtyPair();
      const seen: AppEvent[] = [];
      const unsubscribe = app.core.router.subscribe(callerForWindow('kiosk'), (event) => {
        if (event.type === 'scanner.code') seen.push(event);
      });
      try {
        const page = await adminPage(app, 'scanner', language);
        const label = language === 'fa' ? 'درگاه سریال خواننده رسید' : 'Receipt scanner serial port';
        await page.getByLabel(label).fill(pty.a);
        await page.getByRole('button', { name: language === 'fa' ? 'ذخیره' : 'Save', exact: true }).click();
        await page.getByRole('status').waitFor();
        await until('the code at the kiosk', () => {
          fs.writeFileSync(pty.b, '00100000011\r\n');
          return seen.length > 0;
        });
        assert.deepEqual(seen[0], { type: 'scanner.code', code: '00100000011' });
      } finally {
        unsubscribe();
        setSettings(app.core, { key: 'scanner.serialPath', value: '' });
        await pty.stop();
      }
    });
  }

  test('terminal settings: data retention set in English erases what is due; emptied in Persian, nothing', async () => {
    const code = await deliveredRequest(app.core);
    const longAgo = new Date(Date.now() - 40 * 86_400_000).toISOString();
    app.core.db.prepare('UPDATE requests SET closed_at = ? WHERE tracking_code = ?').run(longAgo, code);
    const identity = () =>
      app.core.db
        .prepare('SELECT name, mobile, purged_at IS NOT NULL AS purged FROM requests WHERE tracking_code = ?')
        .get(code);

    const persian = await adminPage(app, 'settings');
    await persian.getByLabel('پاک کردن مشخصات مراجعه‌کننده پس از (روز)').fill('');
    await persian.getByRole('button', { name: 'ذخیره', exact: true }).click();
    await persian.getByRole('status').waitFor();
    await app.core.retention.run();
    assert.deepEqual(identity(), { name: 'زهرا احمدی', mobile: '09121234567', purged: 0 });

    const english = await adminPage(app, 'settings', 'en');
    await english.getByLabel("Erase the citizen's details after (days)").fill('30');
    await english.getByRole('button', { name: 'Save', exact: true }).click();
    await english.getByRole('status').waitFor();
    assert.equal(app.core.db.prepare("SELECT value FROM settings WHERE key = 'retention.days'").pluck().get(), '30');
    await app.core.retention.run();
    assert.deepEqual(identity(), { name: null, mobile: null, purged: 1 });
  });

  test('terminal settings: the survey hand-off chosen in Persian is how the counter offers the survey', async () => {
    const page = await adminPage(app, 'settings');
    await page.getByLabel('تحویل به نظرسنجی در پیشخوان').selectOption({ label: 'برگهٔ نظرسنجی چاپی' });
    await page.getByRole('button', { name: 'ذخیره', exact: true }).click();
    await page.getByRole('status').waitFor();
    const clerk = await signedIn(app.core, 'clerk');
    const offered = await app.core.router.call(clerk, 'survey.offer', {
      trackingCode: await deliveredRequest(app.core),
    });
    assert.equal(offered.ok && (offered.value as { via: string }).via, 'slip', JSON.stringify(offered));

    const english = await adminPage(app, 'settings', 'en');
    await english
      .getByLabel('Hand-over to the survey at the counter')
      .selectOption({ label: "Customer display (the counter's second screen)" });
    await english.getByRole('button', { name: 'Save', exact: true }).click();
    await english.getByRole('status').waitFor();
    const display = await app.open({ role: 'kiosk', face: 'display', viewport: PORTRAIT, hasTouch: true });
    await display.getByTestId('display-waiting').waitFor();
    const again = await app.core.router.call(clerk, 'survey.offer', { trackingCode: await deliveredRequest(app.core) });
    assert.equal(again.ok && (again.value as { via: string }).via, 'display', JSON.stringify(again));
    await display.waitForSelector('.kiosk[data-screen="survey"]');
    await display.context().close();
  });

  test('backup, in Persian then English: each press writes a dated file to backups/, listed newest first', async () => {
    const dir = path.join(path.dirname(app.dbPath), 'backups');
    const page = await adminPage(app, 'backup');
    await page.getByRole('button', { name: 'همین حالا پشتیبان بگیر' }).click();
    const made = page.getByTestId('backup-made');
    await made.waitFor();
    const first = fs.readdirSync(dir);
    assert.equal(first.length, 1);
    assert.match(first[0] ?? '', /^mizban-\d{4}-\d{2}-\d{2}-\d{6}\.sqlite$/);
    assert.ok((await made.textContent())?.includes(path.join(dir, first[0] ?? '')));
    assert.match((await made.textContent()) ?? '', /[۰-۹]+ کیلوبایت/);
    await page
      .getByTestId('backups')
      .getByText(first[0] ?? '')
      .waitFor();

    const english = await adminPage(app, 'backup', 'en');
    await english
      .getByTestId('backups')
      .getByText(first[0] ?? '')
      .waitFor();
    await english.getByRole('button', { name: 'Back up now' }).click();
    await english
      .getByTestId('backup-made')
      .getByText(/The backup is written \(\d+ KB\)/)
      .waitFor();
    await until(
      'two backups listed',
      async () => (await english.getByTestId('backups').locator('tbody tr').count()) === 2,
    );
    assert.equal(fs.readdirSync(dir).length, 2);
  });
});
