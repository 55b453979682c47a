import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Language, WindowRole } from '../../main/core/contract';
import { callerForWindow } from '../../main/shell/caller';
import { LANDSCAPE, PORTRAIT, startApp, type RunningApp } from '../support/app';
import { deliveredRequest } from '../support/requests';

/**
 * `npm run screenshots`: every screen, in Persian and English, kiosk portrait (1080×1920)
 * and landscape, counter and admin landscape (1920×1080), into screenshots/ (git-ignored).
 */
const OUT = path.resolve(process.env.SCREENSHOTS_DIR ?? 'screenshots');

interface Scene {
  name: string;
  role: WindowRole;
  /** Brings a freshly opened window, already in its language, to the screen to shoot. */
  reach?: (page: Page, app: RunningApp, language: Language) => Promise<void>;
  /** Installs Playwright's clock before the page loads (for the idle warning). */
  clock?: boolean;
}

/** A finger on the kiosk, a mouse on the desks. */
const tap = async (page: Page, name: string) => {
  const button = page.getByRole('button', { name, exact: false }).first();
  if (await page.evaluate(() => navigator.maxTouchPoints > 0)) await button.tap();
  else await button.click();
};
const words = (language: Language, fa: string, en: string) => (language === 'fa' ? fa : en);

async function surveyScreen(page: Page, app: RunningApp, language: Language): Promise<void> {
  const code = await deliveredRequest(app.core);
  await tap(page, words(language, 'نظر دادن', 'Give your opinion'));
  for (const digit of code) await page.locator(`.hg-button[data-skbtn="${digit}"]`).tap();
  await tap(page, words(language, 'شروع نظرسنجی', 'Start the survey'));
  await page.locator('fieldset[data-item="q1"]').waitFor();
}

async function nextTimes(page: Page, language: Language, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await tap(page, words(language, 'بعدی', 'Next'));
}

const SCENES: Scene[] = [
  { name: 'kiosk-home', role: 'kiosk' },
  {
    name: 'kiosk-survey-start',
    role: 'kiosk',
    reach: async (page, _app, language) => {
      await tap(page, words(language, 'نظر دادن', 'Give your opinion'));
      for (const digit of '0010000') await page.locator(`.hg-button[data-skbtn="${digit}"]`).tap();
    },
  },
  {
    name: 'kiosk-survey-axis',
    role: 'kiosk',
    reach: async (page, app, language) => {
      await surveyScreen(page, app, language);
      await page.locator('fieldset[data-item="q1"] button').first().tap();
      await page.locator('fieldset[data-item="q2"] button').nth(1).tap();
    },
  },
  {
    name: 'kiosk-survey-demographics',
    role: 'kiosk',
    reach: async (page, app, language) => {
      await surveyScreen(page, app, language);
      await nextTimes(page, language, 6);
      await page.locator('fieldset[data-item="gender"] button').nth(1).tap();
    },
  },
  {
    name: 'kiosk-survey-suggestion',
    role: 'kiosk',
    reach: async (page, app, language) => {
      await surveyScreen(page, app, language);
      await nextTimes(page, language, 8);
      for (const key of language === 'fa' ? ['ن', 'و', 'ب', 'ت'] : ['q', 'u', 'e', 'u', 'e']) {
        await page.locator(`.hg-button[data-skbtn="${key}"]`).tap();
      }
    },
  },
  {
    name: 'kiosk-survey-thanks',
    role: 'kiosk',
    reach: async (page, app, language) => {
      await surveyScreen(page, app, language);
      await nextTimes(page, language, 8);
      await tap(page, words(language, 'ثبت نظر', 'Send'));
      await page.locator('.survey-thanks').waitFor();
    },
  },
  {
    name: 'kiosk-idle-warning',
    role: 'kiosk',
    clock: true,
    reach: async (page, _app, language) => {
      await tap(page, words(language, 'نظر دادن', 'Give your opinion'));
      await page.clock.runFor(95_000);
      await page.getByRole('alertdialog').waitFor();
    },
  },
  { name: 'counter-home', role: 'counter' },
  { name: 'admin-settings', role: 'admin' },
];

async function shoot(app: RunningApp, scene: Scene, language: Language, landscape: boolean): Promise<string> {
  const page = await app.shell.openWindow({
    role: scene.role,
    viewport: landscape ? LANDSCAPE : PORTRAIT,
    hasTouch: scene.role === 'kiosk',
    ...(scene.clock ? { beforeLoad: (p: Page) => p.clock.install() } : {}),
  });
  await page.waitForSelector('html[data-ready="true"]');
  if (language === 'en') await tap(page, 'English');
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
  await scene.reach?.(page, app, language);
  await page.evaluate(() => document.fonts.ready);
  const orientation = scene.role === 'kiosk' ? (landscape ? '-landscape' : '-portrait') : '';
  const file = path.join(OUT, `${scene.name}${orientation}-${language}.png`);
  await page.screenshot({ path: file });
  await page.context().close();
  return file;
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const app = await startApp();
  await app.core.router.call(callerForWindow('admin'), 'settings.set', { key: 'survey.anonymous', value: true });
  const written: string[] = [];
  try {
    for (const scene of SCENES) {
      for (const language of ['fa', 'en'] as const) {
        for (const landscape of scene.role === 'kiosk' ? [false, true] : [true]) {
          written.push(await shoot(app, scene, language, landscape));
        }
      }
    }
  } finally {
    await app.close();
  }
  console.log(written.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
