import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { AppEvent } from '../../main/core/contract';
import { REPEATED_CRASHES_EVENT } from '../../main/core/contract/kiosk';
import { LANDSCAPE, PORTRAIT, startApp, type RunningApp } from '../support/app';
import { openSignedIn } from '../support/auth';

async function tapCorner(page: Page, times: number, gapMs = 100): Promise<void> {
  const corner = page.getByTestId('exit-gesture');
  for (let i = 0; i < times; i++) {
    await corner.tap();
    if (gapMs) await page.waitForTimeout(gapMs);
  }
}

async function typePin(page: Page, digits: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  for (const digit of digits) await dialog.getByRole('button', { name: digit, exact: true }).tap();
}

describe('leaving kiosk mode: the gesture, the PIN, the admin face', () => {
  let app: RunningApp;
  const exits: AppEvent[] = [];
  before(async () => {
    app = await startApp();
    app.core.bus.subscribe(['admin'], (event) => {
      if (event.type === 'kiosk.exited') exits.push(event);
    });
  });
  after(() => app.close());

  test('the administrator sets the exit PIN on the maintenance tab; only its hash is stored', async () => {
    const admin = await openSignedIn(app, { viewport: LANDSCAPE });
    await admin.getByRole('button', { name: 'نگهداری' }).click();
    await admin.getByText('رمزی تنظیم نشده است').waitFor();
    await admin.getByLabel('رمز تازه (۴ تا ۱۲ رقم)').fill('۲۴۶');
    await admin.getByLabel('تکرار رمز تازه').fill('۲۴۶');
    await admin.getByRole('button', { name: 'ذخیرهٔ رمز' }).click();
    assert.equal(await admin.getByRole('alert').textContent(), 'رمز باید ۴ تا ۱۲ رقم باشد.');
    await admin.getByLabel('رمز تازه (۴ تا ۱۲ رقم)').fill('۲۴۶۸۱');
    await admin.getByRole('button', { name: 'ذخیرهٔ رمز' }).click();
    assert.equal(await admin.getByRole('alert').textContent(), 'دو رمز یکسان نیستند.');
    await admin.getByLabel('تکرار رمز تازه').fill('24681');
    await admin.getByRole('button', { name: 'ذخیرهٔ رمز' }).click();
    await admin.getByRole('status').waitFor();
    assert.match((await admin.getByTestId('exit-pin-status').textContent()) ?? '', /^رمز تنظیم شده است/);
    const row = app.core.db.prepare('SELECT hash, set_by FROM kiosk_exit_pin').get() as {
      hash: string;
      set_by: string;
    };
    assert.match(row.hash, /^scrypt\$/);
    assert.equal(row.set_by, 'user:admin');
  });

  test('four taps, or five spread over more than three seconds, open nothing', async () => {
    const kiosk = await app.open({ role: 'kiosk', viewport: PORTRAIT, hasTouch: true });
    await tapCorner(kiosk, 4);
    await kiosk.waitForTimeout(300);
    assert.equal(await kiosk.getByRole('dialog').count(), 0);
    await kiosk.waitForTimeout(3100);
    await tapCorner(kiosk, 5, 800);
    assert.equal(await kiosk.getByRole('dialog').count(), 0);
  });

  test('five taps in the corner open the PIN pad; a wrong PIN is refused, the right one leaves kiosk mode', async () => {
    const kiosk = await app.open({ role: 'kiosk', viewport: PORTRAIT, hasTouch: true });
    await tapCorner(kiosk, 5);
    const dialog = kiosk.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'خروج از حالت کیوسک' }).waitFor();
    await typePin(kiosk, '۱۱۱۱');
    assert.equal(await kiosk.getByTestId('pin-dots').textContent(), '••••');
    await dialog.getByRole('button', { name: 'تأیید' }).tap();
    assert.equal(await dialog.getByRole('alert').textContent(), 'رمز درست نیست.');
    assert.equal(await kiosk.getByTestId('pin-dots').textContent(), '', 'the pad is cleared');
    assert.deepEqual(exits, []);

    await typePin(kiosk, '۲۴۶۸۱');
    await dialog.getByRole('button', { name: 'تأیید' }).tap();
    assert.equal(await dialog.getByRole('status').textContent(), 'از حالت کیوسک خارج شدید.');
    assert.equal(
      exits.length,
      1,
      'the core told the shell (Electron leaves kiosk mode; the Chromium shell ignores it)',
    );
    await dialog.getByRole('button', { name: 'انصراف' }).tap();
    assert.equal(await kiosk.getByRole('dialog').count(), 0);
  });

  test('the admin sees the recent log, and a warning when the screen crashed again and again', async () => {
    app.core.logger.error(REPEATED_CRASHES_EVENT, 'The kiosk screen crashed 3 times in 10 minutes.');
    const admin = await openSignedIn(app, { viewport: LANDSCAPE });
    await admin.getByRole('button', { name: 'English' }).click();
    await admin.getByRole('button', { name: 'Maintenance' }).click();
    const logs = admin.getByTestId('recent-logs');
    await logs.waitFor();
    const text = (await logs.textContent()) ?? '';
    for (const event of ['kiosk.exited', 'kiosk.pin_wrong', 'kiosk.pin_set', 'db.quick_check']) {
      assert.ok(text.includes(event), event);
    }
    assert.match(
      (await admin.getByTestId('repeated-crashes').textContent()) ?? '',
      /^Repeated crashes of the terminal screen in the last 24 hours: 1 \(last: /,
    );
  });

  test('the kiosk tells the core when a citizen leaves the home screen and comes back, for the update gate', async () => {
    const kiosk = await app.open({ role: 'kiosk', viewport: PORTRAIT, hasTouch: true });
    const kioskBusy = () => app.core.activity.snapshot().find((report) => report.windowRole === 'kiosk')?.busy;
    const until = async (busy: boolean) => {
      for (let i = 0; i < 50 && kioskBusy() !== busy; i++) await kiosk.waitForTimeout(100);
      return kioskBusy();
    };
    assert.equal(await until(false), false, 'home');
    // The home screen's tiles and the bar's home button, whatever their words.
    await kiosk.locator('.kiosk-tile').first().tap();
    assert.equal(await until(true), true, 'away from home');
    await kiosk.locator('.kiosk-bar__home').tap();
    assert.equal(await until(false), false, 'home again');
  });
});
