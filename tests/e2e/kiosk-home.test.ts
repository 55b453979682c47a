import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { PORTRAIT, startApp, type RunningApp } from '../support/app';

const PERSIAN_DIGIT = /[\u06f0-\u06f9]/;
const LATIN_DIGIT = /[0-9]/;

async function pageState(page: Page) {
  return page.evaluate(() => ({
    dir: document.documentElement.dir,
    lang: document.documentElement.lang,
    computedDirection: getComputedStyle(document.body).direction,
    office: document.querySelector('[data-testid="office-name"]')?.textContent ?? '',
    terminal: document.querySelector('[data-testid="terminal-number"]')?.textContent ?? '',
    date: document.querySelector('.date-time')?.textContent ?? '',
    font: getComputedStyle(document.body).fontFamily,
  }));
}

describe('kiosk home, by touch, in Persian and in English', () => {
  let app: RunningApp;
  let page: Page;
  before(async () => {
    app = await startApp();
    page = await app.open({ role: 'kiosk', viewport: PORTRAIT, hasTouch: true });
  });
  after(() => app.close());

  test('opens in Persian, right to left, with Persian digits and the Vazirmatn font', async () => {
    const state = await pageState(page);
    assert.equal(state.dir, 'rtl');
    assert.equal(state.lang, 'fa');
    assert.equal(state.computedDirection, 'rtl');
    assert.equal(state.office, 'میز خدمت الکترونیکی');
    assert.equal(state.terminal, 'پایانه شماره ۱');
    assert.match(state.date, PERSIAN_DIGIT);
    assert.doesNotMatch(state.date, LATIN_DIGIT);
    assert.match(state.font, /Vazirmatn/);
    assert.ok(await page.evaluate(() => document.fonts.check('700 32px Vazirmatn', 'میز')));
  });

  test('a tap on English turns the page left to right, with Latin digits and the Gregorian date', async () => {
    await page.getByRole('button', { name: 'English' }).tap();
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
    const state = await pageState(page);
    assert.equal(state.lang, 'en');
    assert.equal(state.computedDirection, 'ltr');
    assert.equal(state.office, 'Electronic Service Desk');
    assert.equal(state.terminal, 'Terminal 1');
    assert.match(state.date, LATIN_DIGIT);
    assert.doesNotMatch(state.date, PERSIAN_DIGIT);
    assert.match(state.date, new RegExp(String(new Date().getUTCFullYear())));
    assert.equal(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true');
  });

  test('a tap on فارسی brings Persian back', async () => {
    await page.getByRole('button', { name: 'فارسی' }).tap();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    const state = await pageState(page);
    assert.equal(state.lang, 'fa');
    assert.match(state.date, PERSIAN_DIGIT);
  });

  test('the language buttons are touch-sized (64 px at the least)', async () => {
    for (const name of ['English', 'فارسی']) {
      const box = await page.getByRole('button', { name }).boundingBox();
      assert.ok(box && box.height >= 64 && box.width >= 64, `${name}: ${JSON.stringify(box)}`);
    }
  });

  test('larger text and higher contrast, by touch', async () => {
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    const before = await size();
    await page.getByRole('button', { name: 'متن بزرگ‌تر' }).tap();
    assert.ok((await size()) > before * 1.15, 'the text grew');
    await page.getByRole('button', { name: 'تضاد بیشتر' }).tap();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.contrast), 'high');
    assert.equal(
      await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor),
      'rgb(255, 255, 255)',
    );
    await page.getByRole('button', { name: 'متن بزرگ‌تر' }).tap();
    await page.getByRole('button', { name: 'تضاد بیشتر' }).tap();
    assert.equal(await size(), before);
  });

  test('the kiosk window cannot change settings, whatever its page asks', async () => {
    const result = await page.evaluate(() =>
      window.mizban.invoke('settings.set', { key: 'office.name.fa', value: 'دیگری' }),
    );
    assert.deepEqual(result, { ok: false, error: { code: 'role.forbidden' } });
  });

  test('nothing is fetched from outside the app', async () => {
    const outside = await page.evaluate(async () => {
      try {
        await fetch('https://example.com/');
        return 'reached';
      } catch {
        return 'blocked';
      }
    });
    assert.equal(outside, 'blocked');
  });
});
