import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { AppEvent, MizbanBridge, WindowRole } from '../core/contract';
import type { Router } from '../core/router';
import { readAppFile } from './app-files';
import { callerForWindow, facePath, type ExtraFace } from './caller';

/**
 * The Chromium shell: the built renderer in Debian's Chromium, driven by playwright-core,
 * with the core's router bound in place of Electron's IPC. The tests use it, and so does
 * `npm start` where no Electron binary is present.
 */

/** *.localhost never leaves the machine and is a secure context; every request to it is answered from disk. */
export const SHELL_ORIGIN = 'http://mizban.localhost';

/** Flags without which Chromium reaches for Google's hosts on a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--font-render-hinting=none',
];

export function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export interface WindowOptions {
  role: WindowRole;
  /** The face to show, when it is not the role's own (the customer display is a kiosk-role window). */
  face?: ExtraFace;
  viewport?: { width: number; height: number };
  hasTouch?: boolean;
  /** Runs after the page exists and before it loads: CPU throttling, clocks, listeners. */
  beforeLoad?: (page: Page) => Promise<void>;
}

export interface ChromiumShell {
  browser: Browser;
  openWindow(options: WindowOptions): Promise<Page>;
  close(): Promise<void>;
}

declare global {
  interface Window {
    mizban: MizbanBridge;
    __mizbanInvoke(channel: string, input: unknown): Promise<unknown>;
    __mizbanEmit(event: AppEvent): void;
  }
}

/**
 * The same bridge the preload gives in Electron, over Playwright's binding. Kept as source
 * text: a function's toString() would carry the helpers tsx and esbuild insert.
 */
const BRIDGE_SCRIPT = `(() => {
  const listeners = new Set();
  window.__mizbanEmit = (event) => listeners.forEach((listener) => listener(event));
  const bridge = Object.freeze({
    invoke: (channel, input) => window.__mizbanInvoke(channel, input),
    on: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  Object.defineProperty(window, 'mizban', { value: bridge, writable: false, configurable: false });
})();`;

async function bindWindow(
  context: BrowserContext,
  router: Router,
  rendererDir: string,
  role: WindowRole,
): Promise<void> {
  // The browser context is the window: its own key, so a sign-in on one never reaches another.
  const caller = callerForWindow(role, `chromium:${randomUUID()}`);
  context.on('close', () => router.release?.(caller));
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    const file = url.origin === SHELL_ORIGIN ? readAppFile(rendererDir, url.pathname) : null;
    if (file) await route.fulfill({ status: 200, headers: file.headers, body: file.body });
    else await route.abort('blockedbyclient');
  });
  await context.exposeBinding('__mizbanInvoke', (source, channel: unknown, input: unknown) => {
    // Only the app's own top frame speaks for the window.
    if (source.frame !== source.page.mainFrame() || new URL(source.frame.url()).origin !== SHELL_ORIGIN) {
      return { ok: false, error: { code: 'role.forbidden' } };
    }
    return router.call(caller, String(channel), input);
  });
  await context.addInitScript({ content: BRIDGE_SCRIPT });
  context.on('page', (page) => {
    const unsubscribe = router.subscribe(caller, (event) => {
      page.evaluate((e) => window.__mizbanEmit?.(e), event).catch(() => undefined);
    });
    page.on('close', unsubscribe);
  });
}

export async function launchChromiumShell(options: {
  router: Router;
  rendererDir: string;
  headless?: boolean;
}): Promise<ChromiumShell> {
  const executablePath = chromiumExecutable();
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}: install it (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  if (!fs.existsSync(`${options.rendererDir}/index.html`)) {
    throw new Error(`The renderer is not built (${options.rendererDir}/index.html is missing): run npm run build.`);
  }
  const browser = await chromium.launch({ executablePath, headless: options.headless ?? true, args: CHROMIUM_ARGS });
  return {
    browser,
    async openWindow(window) {
      const context = await browser.newContext({
        viewport: window.viewport ?? { width: 1080, height: 1920 },
        hasTouch: window.hasTouch ?? window.role === 'kiosk',
        locale: 'fa-IR',
        timezoneId: 'Asia/Tehran',
        serviceWorkers: 'block',
      });
      await bindWindow(context, options.router, options.rendererDir, window.role);
      const page = await context.newPage();
      await window.beforeLoad?.(page);
      await page.goto(SHELL_ORIGIN + facePath(window.role, window.face));
      return page;
    },
    close: () => browser.close(),
  };
}
