import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openCore, type Core, type CoreOptions } from '../../main/core/app';
import { launchChromiumShell, type ChromiumShell, type WindowOptions } from '../../main/shell/chromium';

export const RENDERER_DIR = path.resolve('dist/renderer');
export const PORTRAIT = { width: 1080, height: 1920 };
export const LANDSCAPE = { width: 1920, height: 1080 };

export interface RunningApp {
  core: Core;
  shell: ChromiumShell;
  dbPath: string;
  open(options: WindowOptions): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The real app as the tests drive it: the core on a real SQLite file in a temp folder,
 * the built renderer in Debian's Chromium, bound by the same launcher `npm start` uses.
 * close() removes the folder. `options` adds to the core's (the report tests' PDF printer).
 */
export async function startApp(options: Pick<CoreOptions, 'reportPdf'> = {}): Promise<RunningApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mizban-app-'));
  const dbPath = path.join(dir, 'mizban.sqlite');
  const core = openCore({ dbPath, appVersion: '0.0.0-test', log: () => undefined, ...options });
  const shell = await launchChromiumShell({ router: core.router, rendererDir: RENDERER_DIR });
  return {
    core,
    shell,
    dbPath,
    async open(options) {
      const page = await shell.openWindow(options);
      await page.waitForSelector('html[data-ready="true"]');
      return page;
    },
    async close() {
      await shell.close();
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
