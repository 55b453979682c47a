import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { openCore } from '../../main/core/app';
import { launchChromiumShell } from '../../main/shell/chromium';
import { PORTRAIT, RENDERER_DIR } from '../support/app';
import { p50p95, type Row } from './report';

const TAPS = Number(process.env.BENCH_RUNS ?? 20);

/**
 * A one-shot timer armed in the page: from the next pointerdown (captured before the app sees
 * it) to the frame painted after the selector appears — a requestAnimationFrame, then a
 * message posted from it, so that frame's layout and paint are counted. Source text: a
 * function's toString() would carry the helpers tsx inserts.
 */
const TAP_TIMER = `(target) => new Promise((resolve) => {
  let start = 0;
  window.addEventListener('pointerdown', () => (start = performance.now()), { capture: true, once: true });
  const observer = new MutationObserver(() => {
    if (start === 0 || !document.querySelector(target)) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now() - start);
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document.body, { childList: true, subtree: true });
})`;

async function timedTap(page: Page, target: Locator, selector: string): Promise<number> {
  // Armed before the tap (the evaluate returns at once), read after it.
  await page.evaluate(`void (window.__tapTimer = (${TAP_TIMER})(${JSON.stringify(selector)}))`);
  await target.first().tap();
  return (await page.evaluate('window.__tapTimer')) as number;
}

/** Tap to the next screen painted, on the kiosk's busiest moves, with 4× CPU throttling (issue 4). */
export async function run(): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mizban-bench-'));
  const core = openCore({ dbPath: path.join(dir, 'bench.sqlite'), appVersion: 'bench', log: () => undefined });
  const shell = await launchChromiumShell({ router: core.router, rendererDir: RENDERER_DIR });
  try {
    const page = await shell.openWindow({
      role: 'kiosk',
      viewport: PORTRAIT,
      hasTouch: true,
      beforeLoad: async (p) => {
        const cdp = await p.context().newCDPSession(p);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      },
    });
    await page.waitForSelector('html[data-ready="true"]');
    const home: number[] = [];
    const agency: number[] = [];
    const service: number[] = [];
    for (let i = 0; i < TAPS; i++) {
      const tile = (text: string) => page.getByRole('listitem').filter({ hasText: text });
      home.push(
        await timedTap(page, page.getByRole('button', { name: 'درخواست خدمت' }), '.find-service [role="listitem"]'),
      );
      agency.push(await timedTap(page, tile('شرکت گاز'), '.kiosk-tile--service'));
      service.push(await timedTap(page, tile('تغییر نام'), '[data-section="faq"]'));
      await page.getByRole('button', { name: 'صفحه اصلی' }).tap();
      await page.locator('.kiosk-home').waitFor();
    }
    return [
      { name: 'tap → next screen painted, home → agencies, 4× CPU', value: p50p95(home) },
      { name: 'tap → next screen painted, agency → its services, 4× CPU', value: p50p95(agency) },
      { name: 'tap → next screen painted, service → its details, 4× CPU', value: p50p95(service) },
    ];
  } finally {
    await shell.close();
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
