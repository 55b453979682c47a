import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Language } from '../../main/core/contract';
import { PORTRAIT, startApp, type RunningApp } from '../support/app';
import { signedIn } from '../support/auth';
import { deliveredRequest } from '../support/requests';

const WORDS = {
  fa: {
    entry: 'نظر دادن',
    start: 'شروع نظرسنجی',
    next: 'بعدی',
    send: 'ثبت نظر',
    thanks: 'از شما سپاسگزاریم',
    best: 'بسیار خوب',
    none: 'نظری ندارم',
    female: 'زن',
    already: 'برای این درخواست پیش‌تر نظر داده‌اید. از همراهی شما سپاسگزاریم.',
    withoutCode: 'نظر دادن بدون کد رهگیری',
  },
  en: {
    entry: 'Give your opinion',
    start: 'Start the survey',
    next: 'Next',
    send: 'Send',
    thanks: 'Thank you',
    best: 'Very good',
    none: 'No opinion',
    female: 'Woman',
    already: 'You have already answered for this request. Thank you for your help.',
    withoutCode: 'Answer without a tracking code',
  },
} as const;

async function openKiosk(app: RunningApp, language: Language): Promise<Page> {
  const page = await app.open({ role: 'kiosk', viewport: PORTRAIT, hasTouch: true });
  if (language === 'en') await page.getByRole('button', { name: 'English' }).tap();
  return page;
}

async function typeCode(page: Page, code: string): Promise<void> {
  for (const digit of code) await page.locator(`.hg-button[data-skbtn="${digit}"]`).tap();
}

/** Answers every axis screen: the best level on the first item of each, "no opinion" on the rest. */
async function answerAxes(page: Page, language: Language): Promise<number> {
  const words = WORDS[language];
  await page.locator('fieldset[data-item^="q"]').first().waitFor();
  let screens = 0;
  while ((await page.locator('fieldset[data-item^="q"]').count()) > 0) {
    const items = page.locator('fieldset[data-item^="q"]');
    const count = await items.count();
    for (let i = 0; i < count; i++) {
      await items
        .nth(i)
        .getByRole('button', { name: i === 0 ? words.best : words.none, exact: true })
        .tap();
    }
    screens++;
    await page.getByRole('button', { name: words.next }).tap();
  }
  return screens;
}

for (const language of ['fa', 'en'] as const) {
  describe(`the survey by touch, in ${language === 'fa' ? 'Persian' : 'English'}`, () => {
    let app: RunningApp;
    before(async () => {
      app = await startApp();
    });
    after(() => app.close());

    test('a delivered receipt: code typed on the keypad, six axes, demographics, a suggestion, the thank-you', async () => {
      const trackingCode = await deliveredRequest(app.core);
      const words = WORDS[language];
      const page = await openKiosk(app, language);
      await page.getByRole('button', { name: words.entry }).tap();
      await typeCode(page, trackingCode);
      const shown = await page.getByTestId('tracking-code').textContent();
      const grouped = `${trackingCode.slice(0, 3)}-${trackingCode.slice(3, 10)}-${trackingCode.slice(10)}`;
      assert.equal(shown, language === 'fa' ? grouped.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)] ?? d) : grouped);
      await page.getByRole('button', { name: words.start }).tap();

      assert.equal(await answerAxes(page, language), 6);
      await page.getByRole('button', { name: words.female, exact: true }).tap();
      await page.getByRole('button', { name: words.next }).tap();
      await page.getByRole('button', { name: words.next }).tap();
      for (const key of language === 'fa' ? ['ص', 'ف'] : ['o', 'k'])
        await page.locator(`.hg-button[data-skbtn="${key}"]`).tap();
      await page.getByRole('button', { name: words.send }).tap();
      await page.getByRole('heading', { name: words.thanks }).waitFor();

      const response = app.core.db
        .prepare('SELECT id, gender, suggestion, source FROM survey_responses ORDER BY id DESC LIMIT 1')
        .get() as { id: number; gender: string; suggestion: string; source: string };
      assert.deepEqual(
        { gender: response.gender, suggestion: response.suggestion, source: response.source },
        { gender: 'female', suggestion: language === 'fa' ? 'صف' : 'ok', source: 'request' },
      );
      const answered = app.core.db
        .prepare(
          'SELECT item_id, value FROM survey_answers WHERE response_id = ? AND value IS NOT NULL ORDER BY item_id',
        )
        .all(response.id);
      assert.deepEqual(
        answered.map((row) => (row as { item_id: string }).item_id).sort(),
        ['q1', 'q10', 'q12', 'q15', 'q4', 'q7'],
        'the first item of each axis',
      );

      // A second attempt with the same receipt is refused, politely.
      // Home from the thank-you starts afresh for the next citizen, in the terminal's default language.
      await page.getByRole('button', { name: language === 'fa' ? 'صفحه اصلی' : 'Home' }).tap();
      await page.waitForFunction(() => document.documentElement.lang === 'fa');
      if (language === 'en') await page.getByRole('button', { name: 'English' }).tap();
      await page.getByRole('button', { name: words.entry }).tap();
      await typeCode(page, trackingCode);
      await page.getByRole('button', { name: words.start }).tap();
      assert.equal(await page.getByRole('alert').textContent(), words.already);
    });

    test('anonymous walk-up, where the office allows it', async () => {
      const words = WORDS[language];
      const page = await openKiosk(app, language);
      await page.getByRole('button', { name: words.entry }).tap();
      assert.equal(await page.getByRole('button', { name: words.withoutCode }).count(), 0, 'not offered by default');
      await app.core.router.call(await signedIn(app.core), 'settings.set', { key: 'survey.anonymous', value: true });
      await page.getByRole('button', { name: words.withoutCode }).tap();
      await answerAxes(page, language);
      await page.getByRole('button', { name: words.next }).tap();
      await page.getByRole('button', { name: words.next }).tap();
      await page.getByRole('button', { name: words.send }).tap();
      await page.getByRole('heading', { name: words.thanks }).waitFor();
      const source = app.core.db.prepare('SELECT source FROM survey_responses ORDER BY id DESC LIMIT 1').pluck().get();
      assert.equal(source, 'anonymous');
      await app.core.router.call(await signedIn(app.core), 'settings.set', { key: 'survey.anonymous', value: false });
    });
  });
}

test('an idle survey warns, then wipes every answer and returns home', async () => {
  const app = await startApp();
  try {
    const trackingCode = await deliveredRequest(app.core);
    const page = await app.shell.openWindow({
      role: 'kiosk',
      viewport: PORTRAIT,
      hasTouch: true,
      beforeLoad: (p) => p.clock.install(),
    });
    await page.waitForSelector('html[data-ready="true"]');
    await page.getByRole('button', { name: 'نظر دادن' }).tap();
    await typeCode(page, trackingCode);
    await page.getByRole('button', { name: 'شروع نظرسنجی' }).tap();
    await page.locator('fieldset[data-item="q1"]').getByRole('button', { name: 'بسیار خوب' }).tap();

    await page.clock.runFor(91_000);
    const warning = page.getByRole('alertdialog');
    await warning.waitFor();
    assert.match((await warning.textContent()) ?? '', /هنوز اینجا هستید/);
    await page.clock.runFor(16_000);
    await warning.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'نظر دادن' }).waitFor();
    assert.equal(
      await page.locator('body').evaluate((body, code) => (body.textContent ?? '').includes(code), trackingCode),
      false,
    );
    await page.getByRole('button', { name: 'نظر دادن' }).tap();
    assert.equal(await page.getByTestId('tracking-code').textContent(), '\u00a0', 'the code field starts empty again');
    assert.equal(app.core.db.prepare('SELECT count(*) FROM survey_responses').pluck().get(), 0);
  } finally {
    await app.close();
  }
});
