import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Language, WindowRole } from '../../main/core/contract';
import { LANDSCAPE, PORTRAIT, startApp } from '../support/app';

/**
 * `npm run screenshots`: every screen, in Persian and English, kiosk portrait (1080×1920)
 * and landscape, counter and admin landscape (1920×1080), into screenshots/ (git-ignored).
 */
const OUT = path.resolve(process.env.SCREENSHOTS_DIR ?? 'screenshots');

interface Shot {
  name: string;
  role: WindowRole;
  viewport: { width: number; height: number };
}

const SHOTS: Shot[] = [
  { name: 'kiosk-home-portrait', role: 'kiosk', viewport: PORTRAIT },
  { name: 'kiosk-home-landscape', role: 'kiosk', viewport: LANDSCAPE },
  { name: 'counter-home', role: 'counter', viewport: LANDSCAPE },
  { name: 'admin-settings', role: 'admin', viewport: LANDSCAPE },
];

async function chooseLanguage(page: Page, language: Language): Promise<void> {
  await page
    .getByRole('button', { name: language === 'fa' ? 'فارسی' : 'English' })
    .first()
    .click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
  await page.evaluate(() => document.fonts.ready);
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const app = await startApp();
  const written: string[] = [];
  try {
    for (const shot of SHOTS) {
      const page = await app.open({ role: shot.role, viewport: shot.viewport, hasTouch: shot.role === 'kiosk' });
      for (const language of ['fa', 'en'] as const) {
        await chooseLanguage(page, language);
        const file = path.join(OUT, `${shot.name}-${language}.png`);
        await page.screenshot({ path: file });
        written.push(file);
      }
      await page.context().close();
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
