import { performance } from 'node:perf_hooks';
import type { SatisfactionReport } from '../../main/core/contract';
import { callerForWindow } from '../../main/shell/caller';
import { showReportPage, startReportApp } from '../support/report-page';
import { p50p95, type Row } from './report';
import { seedResponses } from './reports.bench';

const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 1_000_000);
const RUNS = 3;
const YEAR = { from: '1403/01/01', to: '1403/12/30' };

/**
 * "The time until the report page shows it" (issue 7): a year of national-16 responses,
 * the full report by quarter asked on the report page in Chromium, from the click on
 * "show" until its tables and charts are painted; beside it, the same report through the
 * channel alone (the core's worker) and the page drawing it again without the core (a
 * change of language), so that the page's own share can be read off.
 */
export async function run(): Promise<Row[]> {
  const app = await startReportApp();
  try {
    seedResponses(app.core.db, { count: RESPONSES, seed: 16, ...YEAR });
    app.core.db.pragma('wal_checkpoint(TRUNCATE)');
    const input = { questionnaire: 'national-16', ...YEAR, by: 'quarter' };

    const channel: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const answer = await app.core.router.call(callerForWindow('admin'), 'reports.satisfaction', input);
      channel.push(performance.now() - started);
      if (!answer.ok) throw new Error(JSON.stringify(answer));
      if (i === 0 && (answer.value as SatisfactionReport).n !== RESPONSES)
        throw new Error('not every response counted');
    }

    const page = await app.open({ role: 'admin', viewport: { width: 1920, height: 1080 }, hasTouch: false });
    const shown: number[] = [];
    const redrawn: number[] = [];
    let cells = 0;
    for (let i = 0; i < RUNS; i++) {
      await showReportPage(page, 'fa');
      await page.locator('#report-from').fill(YEAR.from);
      await page.locator('#report-to').fill(YEAR.to);
      await page.locator('#report-by').selectOption('quarter');
      const started = performance.now();
      await page.locator('.report-filters__show').click();
      await page
        .locator('.report-screen[data-state="ready"][data-request*="1403/01/01"]')
        .waitFor({ timeout: 120_000 });
      // Painted: the frame after the commit that drew the tables and charts.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      shown.push(performance.now() - started);
      cells = await page.locator('.report-screen td').count();
      // The page's own share: the same report drawn again, in the other language, with no call to the core.
      for (const language of ['en', 'fa'] as const) {
        const switched = performance.now();
        await page.getByRole('button', { name: language === 'en' ? 'English' : 'فارسی' }).click();
        await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        redrawn.push(performance.now() - switched);
      }
    }
    return [
      { name: 'responses', value: RESPONSES.toLocaleString('en'), note: 'national-16, one Jalali year, by quarter' },
      { name: 'through the channel', value: p50p95(channel), note: 'the worker computing it, and the answer' },
      { name: 'click → report page shows it', value: p50p95(shown), note: `${cells} table cells and the charts` },
      { name: 'the same report redrawn', value: p50p95(redrawn), note: 'a change of language: no call to the core' },
    ];
  } finally {
    await app.close();
  }
}
