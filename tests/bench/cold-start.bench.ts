import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openCore } from '../../main/core/app';
import { launchChromiumShell } from '../../main/shell/chromium';
import { PORTRAIT, RENDERER_DIR } from '../support/app';
import { p50p95, type Row } from './report';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

/**
 * Cold start of the kiosk in the Chromium shell: from launching the browser to the first
 * interactive home screen (settings read from the core, first frame painted), and the
 * page's own share of it (navigation start to the mizban:interactive mark).
 */
async function coldStart(throttle: number): Promise<{ total: number; page: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mizban-bench-'));
  const core = openCore({ dbPath: path.join(dir, 'bench.sqlite'), appVersion: 'bench', log: () => undefined });
  const started = performance.now();
  const shell = await launchChromiumShell({ router: core.router, rendererDir: RENDERER_DIR });
  try {
    const page = await shell.openWindow({
      role: 'kiosk',
      viewport: PORTRAIT,
      beforeLoad: async (p) => {
        if (throttle === 1) return;
        const cdp = await p.context().newCDPSession(p);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      },
    });
    await page.waitForSelector('html[data-ready="true"]');
    const total = performance.now() - started;
    const inPage = await page.evaluate(() => performance.getEntriesByName('mizban:interactive')[0]?.startTime ?? NaN);
    return { total, page: inPage };
  } finally {
    await shell.close();
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const throttle of [1, 4]) {
    const totals: number[] = [];
    const pages: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { total, page } = await coldStart(throttle);
      totals.push(total);
      pages.push(page);
    }
    const label = throttle === 1 ? 'no throttling' : `${throttle}× CPU throttling`;
    rows.push({ name: `cold start, launch → interactive home, ${label}`, value: p50p95(totals) });
    rows.push({ name: `cold start, navigation → interactive home, ${label}`, value: p50p95(pages) });
  }
  return rows;
}
