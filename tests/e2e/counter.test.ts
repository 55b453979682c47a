import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import type { Language } from '../../main/core/contract';
import { callerForWindow } from '../../main/shell/caller';
import { PrinterEmulator, type EmulatorJob } from '../../native/emulator/emulator';
import { LANDSCAPE, PORTRAIT, startApp, type RunningApp } from '../support/app';
import { ensureUser, openSignedIn, signedIn, signInOnPage, TEST_PASSWORD } from '../support/auth';
import { toRgba } from '../support/bitmap';
import { startPtyPair, type PtyPair } from '../support/pty';
import { PERSON } from '../support/requests';
import { setSettings } from '../support/settings';

const WORDS = {
  fa: {
    failed: 'نام کاربری یا گذرواژه درست نیست.',
    locked: 'گذرواژه‌ی نادرست بیش از اندازه: این حساب برای پنج دقیقه قفل شد.',
    nationalCode: 'کد ملی درست نیست؛ رقم‌ها را دوباره بررسی کنید.',
    taken: 'درخواست ثبت شد؛ رسید آن با چاپگر همین باجه چاپ می‌شود.',
    service: 'گاز',
    name: 'زهرا احمدی',
    surveyOffered: 'تحویل شد. نظرسنجی برای مراجعه‌کننده روی نمایشگر مشتری باز شد.',
    surveySlip: 'تحویل شد. برگهٔ نظرسنجی با کد رهگیری چاپ می‌شود؛ آن را برای پاسخ در کیوسک به مراجعه‌کننده بدهید.',
    noDisplay: 'هیچ نمایشگر مشتری یا کیوسکی به این پایانه وصل نیست',
    deliveredNotice: 'وضعیت درخواست اکنون: تحویل‌شده.',
  },
  en: {
    failed: 'The username or the password is not right.',
    locked: 'Too many wrong passwords: this account is locked for five minutes.',
    nationalCode: 'This national code is not valid; check the digits.',
    taken: "The request is registered; its receipt is printing at this counter's printer.",
    service: 'gas',
    name: 'Zahra Ahmadi',
    surveyOffered: 'Delivered. The survey is open for the citizen on the customer display.',
    surveySlip: 'Delivered. A survey slip with the tracking code is printing: hand it to the citizen for the kiosk.',
    noDisplay: 'No customer display or kiosk is connected to this terminal',
    deliveredNotice: 'The request is now: Delivered.',
  },
} as const;

async function until<T>(what: string, check: () => T | undefined | false, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const printed = (emulator: PrinterEmulator) =>
  emulator.jobs.filter((j): j is Extract<EmulatorJob, { outcome: 'printed' }> => j.outcome === 'printed');

async function kioskRequest(app: RunningApp): Promise<string> {
  const made = await app.core.router.call(callerForWindow('kiosk'), 'requests.create', {
    serviceCode: '10110001',
    applicant: PERSON,
  });
  assert.ok(made.ok, JSON.stringify(made));
  return (made.value as { trackingCode: string }).trackingCode;
}

async function openCounter(app: RunningApp, language: Language, as = 'clerk'): Promise<Page> {
  const page = await openSignedIn(app, { as: 'clerk', username: as, viewport: LANDSCAPE });
  if (language === 'en') await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
  return page;
}

/** A kiosk's request, made ready by a clerk elsewhere, open on a fresh counter window for delivery. */
async function readyOnCounter(app: RunningApp, language: Language): Promise<{ counter: Page; code: string }> {
  const counter = await openCounter(app, language);
  const code = await kioskRequest(app);
  const clerk = await signedIn(app.core, 'clerk');
  for (const to of ['in_progress', 'ready'] as const) {
    const moved = await app.core.router.call(clerk, 'requests.transition', { trackingCode: code, to });
    assert.ok(moved.ok, JSON.stringify(moved));
  }
  await counter.locator(`.queue-row[data-code="${code}"]`).click();
  await counter.getByTestId('request').waitFor();
  return { counter, code };
}

describe('the first run of a terminal', () => {
  let app: RunningApp;
  before(async () => {
    app = await startApp();
  });
  after(() => app.close());

  test('a new database asks for the first administrator, once', async () => {
    const page = await app.open({ role: 'admin', viewport: LANDSCAPE, hasTouch: false });
    const form = page.getByTestId('first-admin');
    await form.waitFor();
    await page.locator('#displayName').fill('مریم کریمی');
    await page.locator('#username').fill('maryam');
    await page.locator('#password').fill('a long password');
    await page.locator('#repeat').fill('a long password');
    await page.locator('#repeat').press('Enter');
    await page.waitForSelector('html[data-user="maryam"]');
    const row = app.core.db.prepare("SELECT role, created_by FROM users WHERE username = 'maryam'").get();
    assert.deepEqual(row, { role: 'admin', created_by: 'first-run' });
    const other = await app.open({ role: 'counter', viewport: LANDSCAPE, hasTouch: false });
    await other.getByTestId('sign-in').waitFor();
    assert.equal(await other.getByTestId('first-admin').count(), 0);
  });
});

for (const language of ['fa', 'en'] as const) {
  const words = WORDS[language];

  describe(`the counter, in ${language === 'fa' ? 'Persian' : 'English'}`, () => {
    let app: RunningApp;
    const emulator = new PrinterEmulator();
    let pty: PtyPair;
    before(async () => {
      app = await startApp();
      const port = await emulator.listenTcp(0);
      pty = await startPtyPair();
      setSettings(
        app.core,
        { key: 'ui.defaultLanguage', value: language },
        { key: 'printer.connection', value: 'tcp' },
        { key: 'printer.host', value: '127.0.0.1' },
        { key: 'printer.port', value: port },
        { key: 'scanner.serialPath', value: pty.a },
      );
    });
    after(async () => {
      await app.close();
      await emulator.close();
      await pty.stop();
    });

    test('sign in; five wrong passwords lock the account for five minutes', async () => {
      await ensureUser(app.core, 'clerk', 'hasty');
      const page = await app.open({ role: 'counter', viewport: LANDSCAPE, hasTouch: false });
      await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
      const alertText = () => page.evaluate(() => document.querySelector('[role="alert"]')?.textContent);
      for (let i = 1; i <= 5; i++) {
        await page.locator('input[name="username"]').fill('hasty');
        await page.locator('input[name="password"]').fill(`wrong ${i}`);
        await page.locator('input[name="password"]').press('Enter');
        const user = () => app.core.auth.users.byUsername('hasty');
        await until(`wrong password ${i} counted`, () =>
          i < 5 ? user()?.failed_attempts === i : user()?.locked_until,
        );
        await page.waitForFunction(
          (text) => document.querySelector('[role="alert"]')?.textContent === text,
          i < 5 ? words.failed : words.locked,
        );
      }
      // The right password changes nothing while the lock lasts.
      await page.locator('input[name="password"]').fill(TEST_PASSWORD);
      await page.locator('input[name="password"]').press('Enter');
      await page.waitForTimeout(500);
      assert.equal(await alertText(), words.locked);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.user), undefined);
      const locked = app.core.auth.users.byUsername('hasty')?.locked_until;
      assert.ok(locked && Date.parse(locked) - Date.now() > 4 * 60_000, String(locked));

      // Another clerk signs in at the same window.
      await ensureUser(app.core, 'clerk');
      await signInOnPage(page, 'clerk');
      await page.getByTestId('queue').waitFor();
    });

    test('a request from the kiosk appears without a reload, and is worked through every status to delivery', async () => {
      const counter = await openCounter(app, language);
      // The customer display: a kiosk-role window facing the citizen, resting until the hand-over.
      const display = await app.open({ role: 'kiosk', face: 'display', viewport: PORTRAIT, hasTouch: true });
      await display.getByTestId('display-waiting').waitFor();
      assert.equal(await display.locator('.kiosk-tile').count(), 0, 'the customer display offers nothing to start');
      const code = await kioskRequest(app);
      const row = counter.locator(`.queue-row[data-code="${code}"]`);
      await row.waitFor();
      assert.equal(await row.getAttribute('data-today'), 'true', 'due today stands out');
      await row.click();
      const request = counter.getByTestId('request');
      await request.waitFor();

      // The documents checklist, kept in the core.
      const firstDocument = counter.getByTestId('documents').locator('input[type="checkbox"]').first();
      await firstDocument.click();
      await counter.waitForSelector('[data-testid="documents"] label[data-received]');
      await until('the tick stored', () =>
        app.core.db.prepare('SELECT received FROM request_documents').pluck().get() === 1 ? true : undefined,
      );

      const moveTo = async (to: string, note?: string) => {
        if (note) await counter.locator('#move-note').fill(note);
        await counter.locator(`button[data-to="${to}"]`).click();
        await counter.waitForSelector(`[data-testid="request"][data-status="${to}"]`);
      };
      await moveTo('in_progress', 'شروع بررسی');
      await moveTo('waiting_citizen', 'سند مالکیت');
      // Alt+1 is the first move allowed: back to work.
      await counter.keyboard.press('Alt+1');
      await counter.waitForSelector('[data-testid="request"][data-status="in_progress"]');
      await moveTo('ready');
      await moveTo('delivered');

      // Delivered: the survey opens on the customer display for that receipt.
      await display.waitForSelector('.kiosk[data-screen="survey"]');
      await counter.getByText(words.surveyOffered).waitFor();
      const events = app.core.db
        .prepare(
          `SELECT from_status, to_status, actor, note FROM request_events
           WHERE request_id = (SELECT id FROM requests WHERE tracking_code = ?) ORDER BY id`,
        )
        .all(code);
      assert.deepEqual(events, [
        { from_status: null, to_status: 'registered', actor: 'window:kiosk', note: null },
        { from_status: 'registered', to_status: 'in_progress', actor: 'user:clerk', note: 'شروع بررسی' },
        { from_status: 'in_progress', to_status: 'waiting_citizen', actor: 'user:clerk', note: 'سند مالکیت' },
        { from_status: 'waiting_citizen', to_status: 'in_progress', actor: 'user:clerk', note: null },
        { from_status: 'in_progress', to_status: 'ready', actor: 'user:clerk', note: null },
        { from_status: 'ready', to_status: 'delivered', actor: 'user:clerk', note: null },
      ]);
      assert.equal(await counter.getByTestId('timeline').locator('li').count(), 6);
      await counter.keyboard.press('Escape');
      await counter.getByTestId('request').waitFor({ state: 'detached' });
      // A delivered request leaves the open queue.
      await row.waitFor({ state: 'detached' });
      await display.context().close();
    });

    test('a walk-in request at the counter: the kiosk checks beside the fields, the receipt on the printer', async () => {
      const counter = await openCounter(app, language);
      const before = printed(emulator).length;
      await counter.keyboard.press('F2');
      // Keys pressed before the form is there go nowhere: the form takes them once its search has the focus.
      await counter.waitForFunction(() => document.activeElement?.id === 'walk-in-service');
      await counter.keyboard.type(words.service);
      await counter.locator('#walk-in-found li[aria-selected="true"]').waitFor();
      await counter.keyboard.press('Enter');
      await counter.waitForFunction(() => document.activeElement?.id === 'walk-in-nationalCode');
      await counter.keyboard.type('0499370898');
      await counter.keyboard.press('Tab');
      await counter.keyboard.type(words.name);
      await counter.keyboard.press('Tab');
      await counter.keyboard.type('۰۹۱۲۱۲۳۴۵۶۷');
      await counter.keyboard.press('Enter');
      const error = counter.locator('#walk-in-nationalCode-error');
      await error.waitFor();
      assert.equal(await error.textContent(), words.nationalCode);
      assert.equal(await counter.locator('#walk-in-nationalCode').getAttribute('aria-invalid'), 'true');
      await counter.locator('#walk-in-nationalCode').fill('۰۴۹۹۳۷۰۸۹۹');
      await counter.locator('#walk-in-nationalCode').press('Enter');
      await counter.getByRole('status').filter({ hasText: words.taken }).waitFor();
      assert.equal(await counter.getByTestId('request').getAttribute('data-status'), 'registered');
      const job = await until('the receipt on the emulator', () => printed(emulator)[before]);
      const row = app.core.db
        .prepare("SELECT channel, mobile FROM requests WHERE channel = 'counter' ORDER BY id DESC LIMIT 1")
        .get();
      assert.deepEqual(row, { channel: 'counter', mobile: '09121234567' });
      assert.ok(job.bitmap.height > 0);
    });

    test('an Enter typed before the search answers takes the first service of what was typed', async () => {
      const counter = await openCounter(app, language);
      const router = app.core.router;
      const answer = router.call.bind(router);
      // A slow answer to the service search: the list still shows every service when Enter comes.
      router.call = async (window, channel, input) => {
        if (channel === 'catalogue.services') await new Promise((resolve) => setTimeout(resolve, 400));
        return answer(window, channel, input);
      };
      try {
        await counter.keyboard.press('F2');
        await counter.waitForFunction(() => document.activeElement?.id === 'walk-in-service');
        await counter.keyboard.type(words.service);
        await counter.keyboard.press('Enter');
        await counter.waitForFunction(() => document.activeElement?.id === 'walk-in-nationalCode');
        const searched = await answer(await signedIn(app.core, 'clerk'), 'catalogue.services', {
          query: words.service,
        });
        assert.ok(searched.ok);
        const first = (searched.value as { active: boolean; title: Record<Language, string> }[]).find((s) => s.active);
        assert.ok(first);
        assert.ok(
          ((await counter.getByTestId('walk-in').textContent()) ?? '').includes(first.title[language]),
          `the walk-in form is for ${first.title[language]}`,
        );
      } finally {
        router.call = answer;
      }
      await counter.keyboard.press('Escape');
    });

    test('handed over on paper: delivery prints a survey slip whose code starts the survey at a kiosk', async () => {
      setSettings(app.core, { key: 'survey.handoff', value: 'slip' });
      try {
        const { counter, code } = await readyOnCounter(app, language);
        const before = printed(emulator).length;
        await counter.locator('button[data-to="delivered"]').click();
        await counter.getByText(words.surveySlip).waitFor();
        const slip = await until('the slip on the emulator', () =>
          printed(emulator)
            .slice(before)
            .find((job) => jsQR(toRgba(job.bitmap), job.bitmap.width, job.bitmap.height)?.data === code),
        );
        assert.ok(slip.bitmap.height > 0);
        assert.equal(
          app.core.db
            .prepare(
              'SELECT kind FROM print_jobs j JOIN requests r ON r.id = j.request_id WHERE r.tracking_code = ? ORDER BY j.id DESC LIMIT 1',
            )
            .pluck()
            .get(code),
          'survey_slip',
        );
        // At a kiosk, the code off the slip opens the questionnaire.
        const kiosk = await app.open({ role: 'kiosk', viewport: PORTRAIT, hasTouch: true });
        const started = await kiosk.evaluate(
          (trackingCode) => window.mizban.invoke('survey.start', { trackingCode }),
          code,
        );
        assert.ok((started as { ok: boolean }).ok, JSON.stringify(started));
        await kiosk.context().close();
      } finally {
        setSettings(app.core, { key: 'survey.handoff', value: 'display' });
      }
    });

    test('with no customer display, delivery still stands and the clerk is told why no survey opened', async () => {
      const { counter, code } = await readyOnCounter(app, language);
      await counter.locator('button[data-to="delivered"]').click();
      await counter.waitForSelector('[data-testid="request"][data-status="delivered"]');
      await counter.getByText(words.noDisplay).waitFor();
      await counter.getByText(words.deliveredNotice).waitFor();
      assert.equal(
        app.core.db.prepare('SELECT status FROM requests WHERE tracking_code = ?').pluck().get(code),
        'delivered',
      );
    });

    test('a reprint is marked as a copy and prints', async () => {
      const counter = await openCounter(app, language);
      const code = await kioskRequest(app);
      await until('its receipt', () =>
        app.core.db
          .prepare(
            "SELECT 1 FROM print_jobs j JOIN requests r ON r.id = j.request_id WHERE r.tracking_code = ? AND j.status = 'done'",
          )
          .get(code),
      );
      const before = printed(emulator).length;
      await counter.locator(`.queue-row[data-code="${code}"]`).click();
      await counter.getByTestId('request').waitFor();
      await counter.keyboard.press('F6');
      await until('the copy on the emulator', () => printed(emulator)[before]);
      const copies = app.core.db
        .prepare(
          'SELECT count(*) FROM print_jobs j JOIN requests r ON r.id = j.request_id WHERE r.tracking_code = ? AND j.copy = 1',
        )
        .pluck()
        .get(code);
      assert.equal(copies, 1);
    });

    test('a receipt held under the scanner opens its request', async () => {
      const counter = await openCounter(app, language);
      const code = await kioskRequest(app);
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && (await counter.getByTestId('request').count()) === 0) {
        fs.writeFileSync(pty.b, `${code}\r\n`);
        await counter.waitForTimeout(200);
      }
      const title = await counter.locator('#request-title').textContent();
      assert.equal(title?.replace(/[^\d۰-۹]/g, '').length, 11);
      assert.ok(await counter.locator(`.queue-row[data-code="${code}"][aria-current="true"]`).count());
    });

    test('a search by mobile finds the requests; a clerk cannot reach an admin channel', async () => {
      const counter = await openCounter(app, language);
      await counter.keyboard.press('F3');
      await counter.keyboard.type('۰۹۱۲ ۱۲۳ ۴۵۶۷');
      await counter.waitForFunction(() => document.querySelectorAll('.queue-row').length > 0);
      const refused = await counter.evaluate(async () => [
        await window.mizban.invoke('settings.set', { key: 'terminal.number', value: 9 }),
        await window.mizban.invoke('users.list', {}),
        await window.mizban.invoke('catalogue.export', { format: 'csv' }),
      ]);
      assert.deepEqual(refused, [
        { ok: false, error: { code: 'role.forbidden' } },
        { ok: false, error: { code: 'role.forbidden' } },
        { ok: false, error: { code: 'role.forbidden' } },
      ]);
    });

    test('signing out closes the counter; its calls are refused until the next sign-in', async () => {
      const counter = await openCounter(app, language);
      await counter.locator('.desk__bar button').last().click();
      await counter.getByTestId('sign-in').waitFor();
      const result = await counter.evaluate(() => window.mizban.invoke('requests.queue', {}));
      assert.deepEqual(result, { ok: false, error: { code: 'auth.required' } });
    });
  });
}
