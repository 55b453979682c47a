import type { Page } from 'playwright-core';
import { formatJalali, tehranClock } from '../../main/core/calendar/jalali';
import type { Language } from '../../main/core/contract';
import { SHELL_ORIGIN } from '../../main/shell/chromium';
import { chromiumReportPdf } from '../../main/shell/report-pdf';
import { seedResponses } from '../bench/reports.bench';
import { LANDSCAPE, RENDERER_DIR, startApp, type RunningApp } from './app';
import { openSignedIn } from './auth';
import { seedRequests } from './seed-requests';

/**
 * The app as the report tests drive it: startApp's core and Chromium shell, with the core
 * printing PDFs through the Chromium shell as `npm start` and the command line do.
 */
export function startReportApp(): Promise<RunningApp> {
  return startApp({ reportPdf: chromiumReportPdf(RENDERER_DIR) });
}

/** The past year, Jalali, as the seeded data spans it: the range the tests and screenshots report on. */
export function pastYear(now = new Date()): { from: string; to: string } {
  const today = tehranClock(now).day;
  return { from: formatJalali(today - 364), to: formatJalali(today) };
}

/**
 * A year of a small desk: national-16 responses written into SQLite (the benchmark's seed,
 * demographics and suggestions included) and requests taken, worked and delivered or still
 * open, some past their due date.
 */
export function seedReportData(app: RunningApp, options: { responses: number; requests: number }): void {
  const range = pastYear();
  seedResponses(app.core.db, { count: options.responses, seed: 16, ...range });
  seedRequests(app.core.db, { count: options.requests, seed: 7 });
}

/** Brings an admin window to the report page (`?face=reports`) in the language asked, its first report shown. */
export async function showReportPage(page: Page, language: Language): Promise<void> {
  await page.goto(`${SHELL_ORIGIN}/index.html?face=reports`);
  await page.waitForSelector('html[data-ready="true"]');
  if (language === 'en') await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
  await page.locator('.report-screen:not([data-state="loading"])').waitFor();
}

/** The report page in a new admin window, landscape as a supervisor's desk has it. */
export async function openReportPage(app: RunningApp, language: Language): Promise<Page> {
  const page = await openSignedIn(app, { viewport: LANDSCAPE });
  await showReportPage(page, language);
  return page;
}

/** Types a range into the page and shows the report: the dates in the reader's digits. */
export async function showRange(page: Page, range: { from: string; to: string }): Promise<void> {
  const from = page.locator('#report-from');
  const to = page.locator('#report-to');
  await from.fill(range.from);
  await to.fill(range.to);
  await page.locator('.report-filters__show').click();
  await page.locator('.report-screen[data-state="ready"]').waitFor();
}
