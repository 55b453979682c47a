import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { openCore } from '../../main/core/app';
import { launchChromiumShell } from '../../main/shell/chromium';
import { LANDSCAPE, RENDERER_DIR } from '../support/app';
import { ensureUser, signInOnPage } from '../support/auth';
import { prng } from '../support/random';
import { seedRequests } from '../support/seed-requests';
import { p50p95, type Row } from './report';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

/**
 * The counter on a terminal with a million requests, in the Chromium shell with the real core:
 * the first queue page on screen (the clerk's page loaded again, already signed in: the
 * settings, the session, the catalogue's lists and the queue's first page, painted), and a
 * search typed into the queue's box and sent with Enter until its rows are on screen.
 */
export async function run(): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mizban-bench-'));
  const dbPath = path.join(dir, 'bench.sqlite');
  const seeding = openCore({ dbPath, appVersion: 'bench', log: () => undefined });
  const seededAt = performance.now();
  seedRequests(seeding.db, { count: REQUESTS, seed: 5 });
  const seedMs = performance.now() - seededAt;
  seeding.close();

  // A new connection, as after a restart: the page cache is the OS's, not this process's.
  const core = openCore({ dbPath, appVersion: 'bench', log: () => undefined });
  const shell = await launchChromiumShell({ router: core.router, rendererDir: RENDERER_DIR });
  try {
    await ensureUser(core, 'clerk');
    const page = await shell.openWindow({ role: 'counter', viewport: LANDSCAPE, hasTouch: false });
    await page.waitForSelector('html[data-ready="true"]');
    await signInOnPage(page, 'clerk');
    await page.waitForSelector('.queue-row');

    const firstPage: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      await page.reload();
      await page.waitForSelector('.queue-row');
      await nextFrame(page);
      firstPage.push(performance.now() - started);
    }

    const random = prng(7);
    const pick = core.db.prepare(
      `SELECT tracking_code AS code, national_code AS nationalCode, mobile FROM requests
       WHERE id >= ? AND national_code IS NOT NULL AND is_open = 1 ORDER BY id LIMIT 1`,
    );
    const targets = Array.from(
      { length: RUNS },
      () => pick.get(1 + Math.floor(random() * REQUESTS)) as { code: string; nationalCode: string; mobile: string },
    );
    const search = async (text: string, expected: string): Promise<number> => {
      await page.locator('#queue-search').fill(text);
      const started = performance.now();
      await page.locator('#queue-search').press('Enter');
      await page.waitForSelector(`.queue-row[data-code="${expected}"]`);
      await nextFrame(page);
      return performance.now() - started;
    };
    const byNationalCode: number[] = [];
    const byMobile: number[] = [];
    const byCode: number[] = [];
    for (const target of targets) {
      byCode.push(await search(target.code, target.code));
      byNationalCode.push(await search(target.nationalCode, target.code));
      byMobile.push(await search(target.mobile, target.code));
    }
    return [
      { name: 'seeded requests', value: `${REQUESTS.toLocaleString('en')} in ${(seedMs / 1000).toFixed(1)} s` },
      { name: 'first queue page on screen (page loaded, signed in)', value: p50p95(firstPage) },
      { name: 'search by tracking code, Enter → rows on screen', value: p50p95(byCode) },
      { name: 'search by national code, Enter → rows on screen', value: p50p95(byNationalCode) },
      { name: 'search by mobile, Enter → rows on screen', value: p50p95(byMobile) },
    ];
  } finally {
    await shell.close();
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Until the browser has painted what the last change put in the page. */
function nextFrame(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}
