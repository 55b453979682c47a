import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Language, WindowRole } from '../../main/core/contract';
import { callerForWindow, type ExtraFace } from '../../main/shell/caller';
import { LANDSCAPE, PORTRAIT, startApp, type RunningApp } from '../support/app';
import { ensureUser, signedIn, signInOnPage } from '../support/auth';
import { pastYear, seedReportData, showRange, showReportPage } from '../support/report-page';
import { brokenCatalogueCsv } from '../support/catalogue-files';
import { deliveredRequest } from '../support/requests';
import { setSettings } from '../support/settings';
import { PrinterEmulator } from '../../native/emulator/emulator';
import { CalendarStore } from '../../main/core/calendar/store';

/**
 * `npm run screenshots`: every screen, in Persian and English, kiosk portrait (1080×1920)
 * and landscape, counter and admin landscape (1920×1080), into screenshots/ (git-ignored).
 */
const OUT = path.resolve(process.env.SCREENSHOTS_DIR ?? 'screenshots');

interface Scene {
  name: string;
  role: WindowRole;
  /** A face the role does not name: the customer display. */
  face?: ExtraFace;
  /** Brings a freshly opened window, already in its language, to the screen to shoot. */
  reach?: (page: Page, app: RunningApp, language: Language) => Promise<void>;
  /** Installs Playwright's clock before the page loads (for the idle warning). */
  clock?: boolean;
  /** Counter and admin windows are signed in (a clerk, an administrator) unless this is false. */
  signIn?: boolean;
}

/** A finger on the kiosk, a mouse on the desks. */
const tap = async (page: Page, name: string) => {
  const button = page.getByRole('button', { name, exact: false }).first();
  if (await page.evaluate(() => navigator.maxTouchPoints > 0)) await button.tap();
  else await button.click();
};
const words = (language: Language, fa: string, en: string) => (language === 'fa' ? fa : en);

/** F2, and the walk-in form's service search has the focus: keys typed before it would be lost. */
async function openWalkIn(page: Page): Promise<void> {
  await page.keyboard.press('F2');
  await page.waitForFunction(() => document.activeElement?.id === 'walk-in-service');
}

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

/** The gas company's name-change service, as a citizen reaches it. */
async function reachService(page: Page, language: Language): Promise<void> {
  await tap(page, words(language, 'درخواست خدمت', 'Ask for a service'));
  await page
    .getByRole('listitem')
    .filter({ hasText: words(language, 'شرکت گاز', 'Gas Company') })
    .first()
    .tap();
  await page
    .getByRole('listitem')
    .filter({ hasText: words(language, 'تغییر نام', 'Change of name') })
    .first()
    .tap();
  await page.locator('[data-section="documents"]').waitFor();
}

async function fillRequest(page: Page, language: Language): Promise<void> {
  await reachService(page, language);
  await tap(page, words(language, 'درخواست این خدمت', 'Ask for this service'));
  const key = (name: string) => page.locator(`.hg-button[data-skbtn="${name}"]`).first().tap();
  for (const digit of '0499370899') await key(digit);
  await page.getByTestId('field-name').tap();
  for (const letter of language === 'fa' ? ['ز', 'ه', 'ر', 'ا', '{space}', 'ن', 'ی', 'ک', 'و'] : ['S', 'a', 'r', 'a']) {
    if (letter === 'S') {
      await key('{shift}');
      await key('S');
      await key('{shift}');
    } else await key(letter);
  }
  await page.getByTestId('field-mobile').tap();
  for (const digit of '09121234567') await key(digit);
}

/** The printer the receipts of these screenshots print on. */
const emulator = new PrinterEmulator();

/** One page of the admin face, by its place in the navigation (its words differ by language). */
async function adminPage(page: Page, name: string): Promise<void> {
  await page.locator(`.admin-tabs__tab[data-page="${name}"]`).click();
  await page.locator(`.admin-tabs__tab[data-page="${name}"][aria-current="page"]`).waitFor();
}

/** What the admin pages show beyond a new terminal's: a closure, a failed print job. Once. */
let adminSeeded = false;
function seedAdmin(app: RunningApp): void {
  if (adminSeeded) return;
  adminSeeded = true;
  new CalendarStore(app.core.db).add('1405/10/08', 'closure', { fa: 'آلودگی هوا', en: 'Air pollution' }, 'test:setup');
  const at = new Date().toISOString();
  app.core.db
    .prepare(
      `INSERT INTO print_jobs (kind, status, attempts, last_error, created_at, updated_at)
       VALUES ('test', 'failed', 8, 'connect-failed', ?, ?)`,
    )
    .run(at, at);
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
  {
    name: 'kiosk-home-readable',
    role: 'kiosk',
    reach: async (page, _app, language) => {
      await tap(page, words(language, 'متن بزرگ‌تر', 'Larger text'));
      await tap(page, words(language, 'تضاد بیشتر', 'Higher contrast'));
    },
  },
  {
    name: 'kiosk-find-agencies',
    role: 'kiosk',
    reach: async (page, _app, language) => {
      await tap(page, words(language, 'درخواست خدمت', 'Ask for a service'));
      await page.getByRole('listitem').first().waitFor();
    },
  },
  {
    name: 'kiosk-find-services',
    role: 'kiosk',
    reach: async (page, _app, language) => {
      await tap(page, words(language, 'درخواست خدمت', 'Ask for a service'));
      await page
        .getByRole('listitem')
        .filter({ hasText: words(language, 'مخابرات', 'Telecommunication') })
        .first()
        .tap();
      await page.getByRole('listitem').nth(2).waitFor();
    },
  },
  {
    name: 'kiosk-find-search',
    role: 'kiosk',
    reach: async (page, _app, language) => {
      await tap(page, words(language, 'درخواست خدمت', 'Ask for a service'));
      await page.getByTestId('search').tap();
      for (const key of language === 'fa' ? ['ق', 'ب', 'ض'] : ['b', 'i', 'l', 'l']) {
        await page.locator(`.hg-button[data-skbtn="${key}"]`).first().tap();
      }
      await page.getByRole('listitem').first().waitFor();
    },
  },
  { name: 'kiosk-service', role: 'kiosk', reach: (page, _app, language) => reachService(page, language) },
  {
    name: 'kiosk-request-form',
    role: 'kiosk',
    reach: async (page, _app, language) => {
      await reachService(page, language);
      await tap(page, words(language, 'درخواست این خدمت', 'Ask for this service'));
      for (const digit of '0499370898') await page.locator(`.hg-button[data-skbtn="${digit}"]`).first().tap();
      await page.getByTestId('field-name').tap();
    },
  },
  {
    name: 'kiosk-request-review',
    role: 'kiosk',
    reach: async (page, _app, language) => {
      await fillRequest(page, language);
      await tap(page, words(language, 'بررسی و ادامه', 'Review and continue'));
    },
  },
  {
    name: 'kiosk-receipt',
    role: 'kiosk',
    reach: async (page, _app, language) => {
      await fillRequest(page, language);
      await tap(page, words(language, 'بررسی و ادامه', 'Review and continue'));
      await tap(page, words(language, 'ثبت درخواست', 'Submit the request'));
      await page.getByTestId('receipt-image').waitFor();
    },
  },
  {
    name: 'kiosk-receipt-no-paper',
    role: 'kiosk',
    reach: async (page, _app, language) => {
      emulator.set({ paper: 'out' });
      try {
        await fillRequest(page, language);
        await tap(page, words(language, 'بررسی و ادامه', 'Review and continue'));
        await tap(page, words(language, 'ثبت درخواست', 'Submit the request'));
        await page.locator('[data-stage="no-paper"]').waitFor();
      } finally {
        emulator.set({ paper: 'ok' });
      }
    },
  },
  {
    name: 'kiosk-follow',
    role: 'kiosk',
    reach: async (page, _app, language) => {
      await tap(page, words(language, 'پیگیری درخواست', 'Follow a request'));
      for (const digit of '0010000') await page.locator(`.hg-button[data-skbtn="${digit}"]`).first().tap();
    },
  },
  {
    name: 'kiosk-follow-result',
    role: 'kiosk',
    reach: async (page, app, language) => {
      const code = await deliveredRequest(app.core);
      await tap(page, words(language, 'پیگیری درخواست', 'Follow a request'));
      for (const digit of `${code}4567`) await page.locator(`.hg-button[data-skbtn="${digit}"]`).first().tap();
      await tap(page, words(language, 'نمایش وضعیت', 'Show the status'));
      await page.getByTestId('timeline').waitFor();
    },
  },
  {
    name: 'display-waiting',
    role: 'kiosk',
    face: 'display',
    reach: (page) => page.getByTestId('display-waiting').waitFor(),
  },
  {
    name: 'display-survey',
    role: 'kiosk',
    face: 'display',
    reach: async (page, app) => {
      await page.getByTestId('display-waiting').waitFor();
      const offered = await app.core.router.call(await signedIn(app.core, 'clerk'), 'survey.offer', {
        trackingCode: await deliveredRequest(app.core),
      });
      if (!offered.ok) throw new Error(`the survey was not offered: ${offered.error.code}`);
      await page.locator('fieldset[data-item="q1"]').waitFor();
    },
  },
  { name: 'counter-sign-in', role: 'counter', signIn: false },
  { name: 'counter-queue', role: 'counter', reach: (page) => page.locator('.queue-row').first().waitFor() },
  {
    name: 'counter-queue-search',
    role: 'counter',
    reach: async (page) => {
      await page.keyboard.press('F3');
      await page.keyboard.type('09121234567');
      await page.locator('.queue-row').first().waitFor();
    },
  },
  {
    name: 'counter-request',
    role: 'counter',
    reach: async (page) => {
      await page.locator(`.queue-row[data-code="${shown.worked}"]`).click();
      await page.getByTestId('timeline').waitFor();
    },
  },
  {
    name: 'counter-request-delivered',
    role: 'counter',
    reach: async (page) => {
      await page.locator('#queue-status').selectOption('delivered');
      await page.locator(`.queue-row[data-code="${shown.delivered}"]`).click();
      await page.getByTestId('timeline').waitFor();
    },
  },
  {
    name: 'counter-walk-in-service',
    role: 'counter',
    reach: async (page, _app, language) => {
      await openWalkIn(page);
      await page.keyboard.type(words(language, 'گاز', 'gas'));
      await page.locator('#walk-in-found li').first().waitFor();
    },
  },
  {
    name: 'counter-walk-in-form',
    role: 'counter',
    reach: async (page) => {
      await openWalkIn(page);
      await page.locator('#walk-in-found li').first().waitFor();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'walk-in-nationalCode');
      await page.keyboard.type('0499370898');
      await page.keyboard.press('Tab');
      await page.keyboard.type('زهرا احمدی');
      await page.keyboard.press('Tab');
      await page.keyboard.type('0912');
      await page.keyboard.press('Enter');
      await page.locator('.walk-in .error-notice').first().waitFor();
    },
  },
  { name: 'admin-settings', role: 'admin' },
  {
    name: 'admin-catalogue',
    role: 'admin',
    reach: async (page) => {
      await adminPage(page, 'catalogue');
      await page.locator('.catalogue-agencies li').nth(4).locator('button').click();
      await page.locator('[data-testid="catalogue-services"] li').first().waitFor();
    },
  },
  {
    name: 'admin-catalogue-service',
    role: 'admin',
    reach: async (page) => {
      await adminPage(page, 'catalogue');
      await page.locator('[data-testid="catalogue-services"] li button').nth(1).click();
      await page.locator('.service-editor').waitFor();
    },
  },
  {
    name: 'admin-catalogue-import-errors',
    role: 'admin',
    reach: async (page, app) => {
      await adminPage(page, 'catalogue');
      const buffer = Buffer.from(brokenCatalogueCsv(app.core.db));
      await page.setInputFiles('#catalogue-file', { name: 'catalogue.csv', mimeType: 'text/csv', buffer });
      await page.locator('.catalogue-files .touch-button--primary').click();
      await page.getByTestId('import-issues').waitFor();
    },
  },
  {
    name: 'admin-calendar',
    role: 'admin',
    reach: async (page, app) => {
      seedAdmin(app);
      await adminPage(page, 'calendar');
      await page.getByTestId('calendar-days').waitFor();
    },
  },
  {
    name: 'admin-printer',
    role: 'admin',
    reach: async (page, app) => {
      seedAdmin(app);
      await adminPage(page, 'printer');
      await page.getByTestId('print-jobs').waitFor();
      await page.locator('[data-testid="printer-state"][data-state="ready"]').waitFor();
    },
  },
  { name: 'admin-scanner', role: 'admin', reach: (page) => adminPage(page, 'scanner') },
  {
    name: 'admin-backup',
    role: 'admin',
    reach: async (page) => {
      await adminPage(page, 'backup');
      await page.locator('.backup-page .touch-button--primary').click();
      await page.getByTestId('backup-made').waitFor();
    },
  },
  { name: 'admin-maintenance', role: 'admin', reach: (page) => adminPage(page, 'maintenance') },
  { name: 'reports-satisfaction', role: 'admin', reach: (page, app, language) => reportPage(page, app, language) },
  {
    name: 'reports-satisfaction-charts',
    role: 'admin',
    reach: async (page, app, language) => {
      await reportPage(page, app, language);
      await page.locator('[data-part="charts:all"]').evaluate((part) => part.scrollIntoView());
    },
  },
  {
    name: 'reports-delivery',
    role: 'admin',
    reach: (page, app, language) =>
      reportPage(page, app, language, words(language, 'تحویل به‌موقع', 'On-time delivery')),
  },
  {
    name: 'reports-audit',
    role: 'admin',
    reach: (page, app, language) =>
      reportPage(page, app, language, words(language, 'فرم ارزیابی میز خدمت', 'Service desk audit form')),
  },
];

/** A year of a small desk's answers and requests, seeded once for the report scenes. */
let reportsSeeded = false;

/** The report page (the admin face's, shown alone) over the past year, on one of its tabs. */
async function reportPage(page: Page, app: RunningApp, language: Language, tab?: string): Promise<void> {
  if (!reportsSeeded) {
    seedReportData(app, { responses: 1200, requests: 600 });
    reportsSeeded = true;
  }
  await showReportPage(page, language);
  await showRange(page, pastYear());
  if (tab) {
    await page.getByRole('tab', { name: tab }).click();
    await page.locator('.report-screen[data-state="ready"]').waitFor();
  }
}

/** Requests the counter's scenes show: a worked one, a delivered one, the rest in the queue. */
const shown = { worked: '', delivered: '' };

async function seedQueue(app: RunningApp): Promise<void> {
  const kiosk = callerForWindow('kiosk');
  const clerk = await signedIn(app.core, 'clerk');
  const people = [
    { nationalCode: '0499370899', name: 'زهرا احمدی', mobile: '09121234567' },
    { nationalCode: '0012345679', name: 'علی رضایی', mobile: '09351112233' },
  ];
  const codes: string[] = [];
  for (const [i, service] of ['10110001', '10410001', '10410003', '10410003', '10110001', '10410001'].entries()) {
    const made = await app.core.router.call(kiosk, 'requests.create', {
      serviceCode: service,
      applicant: people[i % people.length],
    });
    if (made.ok) codes.push((made.value as { trackingCode: string }).trackingCode);
  }
  // Two requests past their due date, as a queue has after a holiday.
  app.core.db
    .prepare('UPDATE requests SET due_date = ? WHERE tracking_code IN (?, ?)')
    .run('1405/08/25', codes[1], codes[3]);
  shown.worked = codes[1] ?? '';
  await app.core.router.call(clerk, 'requests.transition', { trackingCode: shown.worked, to: 'in_progress' });
  await app.core.router.call(clerk, 'requests.transition', {
    trackingCode: shown.worked,
    to: 'waiting_citizen',
    note: 'اصل سند مالکیت آورده نشده است',
  });
  await app.core.router.call(clerk, 'documents.mark', { trackingCode: shown.worked, index: 0, received: true });
  shown.delivered = await deliveredRequest(app.core);
}

async function shoot(app: RunningApp, scene: Scene, language: Language, landscape: boolean): Promise<string> {
  const page = await app.shell.openWindow({
    role: scene.role,
    face: scene.face,
    viewport: landscape ? LANDSCAPE : PORTRAIT,
    hasTouch: scene.role === 'kiosk',
    ...(scene.clock ? { beforeLoad: (p: Page) => p.clock.install() } : {}),
  });
  await page.waitForSelector('html[data-ready="true"]');
  if (language === 'en') await tap(page, 'English');
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
  if (scene.role !== 'kiosk' && scene.signIn !== false) {
    const as = scene.role === 'counter' ? 'clerk' : 'admin';
    await ensureUser(app.core, as);
    await signInOnPage(page, as);
  }
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
  const port = await emulator.listenTcp(0);
  setSettings(
    app.core,
    { key: 'printer.connection', value: 'tcp' },
    { key: 'printer.host', value: '127.0.0.1' },
    { key: 'printer.port', value: port },
  );
  setSettings(app.core, { key: 'survey.anonymous', value: true });
  await seedQueue(app);
  const written: string[] = [];
  try {
    // SCREENSHOT_SCENES=kiosk-home,kiosk-receipt shoots only those (names start with them).
    const only = process.env.SCREENSHOT_SCENES?.split(',').filter(Boolean);
    for (const scene of SCENES.filter((s) => !only || only.some((name) => s.name.startsWith(name)))) {
      for (const language of ['fa', 'en'] as const) {
        for (const landscape of scene.role === 'kiosk' ? [false, true] : [true]) {
          written.push(await shoot(app, scene, language, landscape));
        }
      }
    }
  } finally {
    await app.close();
    await emulator.close();
  }
  console.log(written.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
