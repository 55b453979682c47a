import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LANDSCAPE, PORTRAIT, startApp, type RunningApp } from '../support/app';
import { openSignedIn } from '../support/auth';

describe('the admin face changes a setting and the kiosk follows', () => {
  let app: RunningApp;
  before(async () => {
    app = await startApp();
  });
  after(() => app.close());

  test('a new office name reaches the open kiosk without a reload, and is stored with who made it', async () => {
    const kiosk = await app.open({ role: 'kiosk', viewport: PORTRAIT, hasTouch: true });
    const admin = await openSignedIn(app, { viewport: LANDSCAPE });

    await admin.getByLabel('نام دفتر (فارسی)').fill('دفتر پیشخوان ۱۲۳ قزوین');
    await admin.getByRole('button', { name: 'ذخیره' }).click();
    await admin.getByRole('status').waitFor();

    await kiosk.getByText('دفتر پیشخوان ۱۲۳ قزوین').waitFor();
    const row = app.core.db.prepare("SELECT value, updated_by FROM settings WHERE key = 'office.name.fa'").get();
    assert.deepEqual(row, { value: JSON.stringify('دفتر پیشخوان ۱۲۳ قزوین'), updated_by: 'user:admin' });
  });

  test("a bad value is refused next to its field, in the reader's language, and nothing is stored", async () => {
    const admin = await openSignedIn(app, { viewport: LANDSCAPE });
    await admin.getByRole('button', { name: 'English' }).click();
    await admin.getByLabel('Kiosk idle time (seconds)').fill('۵');
    await admin.getByRole('button', { name: 'Save' }).click();
    const alert = admin.getByRole('alert');
    await alert.waitFor();
    assert.equal(await alert.textContent(), 'This value is not valid.');
    const stored = app.core.db.prepare("SELECT count(*) AS n FROM settings WHERE key = 'kiosk.idleSeconds'").get();
    assert.deepEqual(stored, { n: 0 });
  });

  test('Persian digits are accepted where a number is asked', async () => {
    const admin = await openSignedIn(app, { viewport: LANDSCAPE });
    await admin.getByLabel('زمان بیکاری کیوسک (ثانیه)').fill('۱۲۰');
    await admin.getByRole('button', { name: 'ذخیره' }).click();
    await admin.getByRole('status').waitFor();
    const row = app.core.db.prepare("SELECT value FROM settings WHERE key = 'kiosk.idleSeconds'").get();
    assert.deepEqual(row, { value: '120' });
  });

  test("the counter shows its printer's state: not configured", async () => {
    const counter = await openSignedIn(app, { as: 'clerk', viewport: LANDSCAPE });
    const printer = counter.getByTestId('printer-state');
    await printer.getByText('تنظیم نشده').waitFor();
  });
});
