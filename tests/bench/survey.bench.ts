import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Browser, Locator, Page } from 'playwright-core';
import { openCore, type Core } from '../../main/core/app';
import { CONTENT_SECURITY_POLICY, readAppFile } from '../../main/shell/app-files';
import { launchChromiumShell, type ChromiumShell } from '../../main/shell/chromium';
import { PORTRAIT, RENDERER_DIR } from '../support/app';
import { deliveredRequest } from '../support/requests';
import national16 from '../../assets/questionnaires/national-16.json';
import { NO_OPINION } from './surveyjs/questionnaire';
import { kib, ms, p50p95, percentile, type Row } from './report';

/**
 * Our survey beside the same national-16 questionnaire rendered by SurveyJS (survey-core and
 * survey-react-ui, dev dependencies used by this benchmark only), in one Chromium, each page
 * in a fresh context, with and without 4× CPU throttling:
 * - time to an interactive first survey screen;
 * - time from a tap on a scale button to the next frame painted.
 *
 * "Interactive" and "painted" are judged in the page by the same harness for both: the
 * screen's last scale button is in the DOM, enabled, and is what a finger at its centre
 * would hit (elementFromPoint), the page's fonts have loaded (both use Vazirmatn with
 * font-display: block), and then the frame is painted: a requestAnimationFrame, and the task
 * posted from it, which runs once that frame's style, layout and paint are done. Times are
 * performance.now() in the page: navigation start is 0; a tap starts at its pointerdown,
 * seen by a capture listener.
 */

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TAPS = Number(process.env.BENCH_TAPS ?? 30);
/** Taps on each fresh page before counting, so that neither side is timed on its first, cold, handler. */
const WARM_TAPS = 3;
const THROTTLES = [1, 4] as const;

const SURVEYJS_SOURCE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'surveyjs');
const SURVEYJS_ORIGIN = 'http://surveyjs.localhost';
/**
 * Our CSP, but with inline styles: SurveyJS writes its theme's variables into a <style>
 * element it adds to the survey, which style-src 'self' would refuse.
 */
const SURVEYJS_CSP = CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

/** What the in-page harness watches on each side. */
interface Watch {
  /** Screens by name: each selector's last match, when interactive, marks the screen shown. */
  screens: Record<string, string>;
  /** The control a scale tap lands in, and the selector it matches once the page shows it chosen. */
  control: string;
  chosen: string;
}

const OURS: Watch = {
  screens: {
    home: '.kiosk-tile',
    code: '.hg-button[data-skbtn="0"]',
    survey: 'fieldset[data-item="q3"] button',
  },
  control: 'button',
  chosen: '[aria-pressed="true"]',
};

const SURVEYJS: Watch = {
  screens: { survey: '[data-name="q3"] .sd-rating__item' },
  control: '.sd-rating__item',
  chosen: '.sd-rating__item--selected',
};

/** The items of the first screen (the transparency axis) and how each side finds a level's button. */
const FIRST_SCREEN = ['q1', 'q2', 'q3'] as const;
const LEVELS = 4;
const ourButton = (page: Page, item: string, level: number) =>
  page.locator(`fieldset[data-item="${item}"] button`).nth(level);
const surveyJsButton = (page: Page, item: string, level: number) =>
  page.locator(`[data-name="${item}"] .sd-rating__item`).nth(level);

/**
 * The harness, as source text (see BRIDGE_SCRIPT in main/shell/chromium.ts): installed before
 * any of the page's scripts, it records when each watched screen is first interactive and
 * painted, and for each tap on a control, pointerdown → the DOM showing it chosen → the next
 * frame's requestAnimationFrame → that frame painted.
 */
function harness(watch: Watch): string {
  return `(() => {
  const watch = ${JSON.stringify(watch)};
  const bench = { screens: {}, lastDown: NaN, taps: [], waiters: [] };
  Object.defineProperty(window, '__bench', { value: bench });
  const settle = () => { bench.waiters = bench.waiters.filter((waiter) => !waiter()); };
  const afterFrame = (done) => requestAnimationFrame(() => {
    const raf = performance.now();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(raf, performance.now());
    channel.port2.postMessage(null);
  });
  const interactive = (selector) => {
    const all = document.querySelectorAll(selector);
    const el = all[all.length - 1];
    if (!el || el.disabled || el.closest('fieldset:disabled, [aria-disabled="true"], [inert]')) return false;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return !!hit && (hit === el || el.contains(hit));
  };
  const pending = new Set(Object.keys(watch.screens));
  let tap = null;
  const check = () => {
    for (const name of [...pending]) {
      if (!interactive(watch.screens[name])) continue;
      pending.delete(name);
      const seen = { found: performance.now(), down: bench.lastDown };
      document.fonts.ready.then(() => afterFrame((raf, painted) => {
        bench.screens[name] = { ...seen, raf, painted };
        settle();
      }));
    }
    if (tap && tap.control.matches(watch.chosen)) {
      const { down } = tap;
      const changed = performance.now();
      tap = null;
      afterFrame((raf, painted) => {
        bench.taps.push({ down, changed, raf, painted });
        settle();
      });
    }
  };
  addEventListener('pointerdown', (event) => {
    bench.lastDown = performance.now();
    const control = event.target instanceof Element ? event.target.closest(watch.control) : null;
    tap = control && !control.matches(watch.chosen) ? { down: bench.lastDown, control } : null;
  }, { capture: true });
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  bench.until = (what, n) => new Promise((resolve) => {
    const waiter = () => {
      const done = what === 'taps' ? bench.taps.length >= n : what in bench.screens;
      if (done) resolve({ screens: bench.screens, taps: bench.taps });
      return done;
    };
    if (!waiter()) bench.waiters.push(waiter);
  });
})();`;
}

interface Mark {
  found: number;
  down: number;
  raf: number;
  painted: number;
}
interface TapMark {
  down: number;
  changed: number;
  raf: number;
  painted: number;
}
interface Marks {
  screens: Record<string, Mark>;
  taps: TapMark[];
}

/** Waits, in the page, for a screen to be painted or for n taps to be; never polls. */
async function until(page: Page, what: string, n = 0): Promise<Marks> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${page.url()}: waited 20 s for ${what} ${n || ''}`)), 20_000);
  });
  try {
    return await Promise.race([
      page.evaluate(
        ([w, count]) =>
          (window as unknown as { __bench: { until(w: string, n: number): Promise<Marks> } }).__bench.until(w, count),
        [what, n] as const,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** A finger on the middle of the element: straight to the touchscreen, without Playwright's actionability waits. */
async function touch(page: Page, target: Locator): Promise<void> {
  const box = await target.boundingBox();
  if (!box) throw new Error(`nothing to tap: ${target.toString()}`);
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

async function prepare(page: Page, throttle: number, watch: Watch): Promise<void> {
  page.on('pageerror', (error) => console.error(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`${page.url()}: ${message.text()}`);
  });
  await page.addInitScript({ content: harness(watch) });
  if (throttle !== 1) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  }
}

/** Bundles the SurveyJS page into dir, as Vite bundles ours: minified, production React, ES modules. */
async function bundleSurveyJs(dir: string): Promise<void> {
  await build({
    entryPoints: { entry: path.join(SURVEYJS_SOURCE, 'entry.ts'), styles: path.join(SURVEYJS_SOURCE, 'styles.css') },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'chrome120',
    outdir: dir,
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.woff2': 'file' },
    assetNames: 'assets/[name]-[hash]',
    logLevel: 'warning',
  });
  fs.copyFileSync(path.join(SURVEYJS_SOURCE, 'index.html'), path.join(dir, 'index.html'));
}

/** The SurveyJS page in its own context of the same browser, served from disk like ours (readAppFile's headers). */
async function openSurveyJs(browser: Browser, dir: string, throttle: number): Promise<Page> {
  const context = await browser.newContext({
    viewport: PORTRAIT,
    hasTouch: true,
    locale: 'fa-IR',
    timezoneId: 'Asia/Tehran',
    serviceWorkers: 'block',
  });
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    const file = url.origin === SURVEYJS_ORIGIN ? readAppFile(dir, url.pathname) : null;
    if (file) {
      const headers = { ...file.headers, 'Content-Security-Policy': SURVEYJS_CSP };
      await route.fulfill({ status: 200, headers, body: file.body });
    } else await route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  await prepare(page, throttle, SURVEYJS);
  await page.goto(`${SURVEYJS_ORIGIN}/`);
  return page;
}

interface OursLoad {
  page: Page;
  /** Navigation → the home screen interactive and painted. */
  home: number;
  /** Navigation → the first axis screen, by touch: home tile, 11 digits, «شروع نظرسنجی». */
  fullPath: number;
  /** Tap on the home tile → the code screen with its keypad painted. */
  tileToCode: number;
  /** Tap on «شروع نظرسنجی» → the first axis screen painted. */
  surveyOnly: number;
}

/** Our kiosk from navigation to the first axis screen, the way a citizen gets there, as fast as touch can be scripted. */
async function loadOurs(shell: ChromiumShell, core: Core, throttle: number): Promise<OursLoad> {
  const trackingCode = await deliveredRequest(core);
  const page = await shell.openWindow({
    role: 'kiosk',
    viewport: PORTRAIT,
    hasTouch: true,
    beforeLoad: (p) => prepare(p, throttle, OURS),
  });
  await until(page, 'home');
  await touch(page, page.locator('.kiosk-tile'));
  await until(page, 'code');
  for (const digit of trackingCode) await touch(page, page.locator(`.hg-button[data-skbtn="${digit}"]`));
  const start = page.locator('button:enabled', { hasText: 'شروع نظرسنجی' });
  await start.waitFor();
  await touch(page, start);
  const { screens } = await until(page, 'survey');
  const { home, code, survey } = screens as Record<'home' | 'code' | 'survey', Mark>;
  return {
    page,
    home: home.painted,
    fullPath: survey.painted,
    tileToCode: code.painted - code.down,
    surveyOnly: survey.painted - survey.down,
  };
}

async function loadSurveyJs(browser: Browser, dir: string, throttle: number, check = false) {
  const page = await openSurveyJs(browser, dir, throttle);
  const { screens } = await until(page, 'survey');
  if (check) await checkSurveyJsPage(page);
  return { page, first: (screens.survey as Mark).painted };
}

/**
 * The comparison is only fair if SurveyJS shows what we show: Persian, right to left, in
 * Vazirmatn, five buttons an item on the first page. Not a benchmark assertion: a broken page
 * would make every figure meaningless.
 */
async function checkSurveyJsPage(page: Page): Promise<void> {
  const seen = await page.evaluate(() => {
    const item = document.querySelector('[data-name="q1"] .sd-rating__item');
    const root = document.querySelector('.sd-root-modern, .sd-root');
    let loaded = false;
    document.fonts.forEach((face) => {
      if (face.family.includes('Vazirmatn') && face.status === 'loaded') loaded = true;
    });
    return {
      font: item ? getComputedStyle(item).fontFamily : '',
      vazirmatn: loaded,
      direction: root ? getComputedStyle(root).direction : '',
      labels: Array.from(document.querySelectorAll('[data-name="q1"] .sd-rating__item'), (el) =>
        el.textContent?.trim(),
      ),
      questions: document.querySelectorAll('.sd-question').length,
    };
  });
  const fine =
    seen.font.includes('Vazirmatn') &&
    seen.vazirmatn &&
    seen.direction === 'rtl' &&
    seen.labels.join('|') ===
      [...national16.scales.quality4.map((level) => level.label.fa), NO_OPINION.text].join('|') &&
    seen.questions === FIRST_SCREEN.length;
  if (!fine) throw new Error(`the SurveyJS page is not what ours shows: ${JSON.stringify(seen)}`);
}

/** TAPS taps on the first screen's scale buttons, each one a change: item after item, level after level. */
async function taps(page: Page, button: (page: Page, item: string, level: number) => Locator): Promise<TapMark[]> {
  const total = WARM_TAPS + TAPS;
  for (let k = 0; k < total; k++) {
    const item = FIRST_SCREEN[k % FIRST_SCREEN.length] as string;
    const level = Math.floor(k / FIRST_SCREEN.length) % LEVELS;
    await touch(page, button(page, item, level));
    await until(page, 'taps', k + 1);
  }
  const { taps: marks } = await until(page, 'taps', total);
  return marks.slice(WARM_TAPS);
}

async function close(page: Page): Promise<void> {
  await page.context().close();
}

function weight(dir: string): { raw: number; gzip: number } {
  const sum = { raw: 0, gzip: 0 };
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const file = path.join(d, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(js|css)$/.test(entry.name)) {
        const body = fs.readFileSync(file);
        sum.raw += body.length;
        sum.gzip += gzipSync(body, { level: 9 }).length;
      }
    }
  };
  walk(dir);
  return sum;
}

const ratio = (theirs: number, ours: number) => `${(theirs / ours).toFixed(2)}×`;
const p50 = (samples: readonly number[]) => percentile(samples, 50);
const p95 = (samples: readonly number[]) => percentile(samples, 95);

export async function run(): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mizban-bench-surveyjs-'));
  const bundle = path.join(dir, 'surveyjs');
  await bundleSurveyJs(bundle);
  const core = openCore({ dbPath: path.join(dir, 'bench.sqlite'), appVersion: 'bench', log: () => undefined });
  const shell = await launchChromiumShell({ router: core.router, rendererDir: RENDERER_DIR });
  const rows: Row[] = [];
  try {
    // One unmeasured load of each first: the browser's first renderer processes, disk caches.
    await close((await loadOurs(shell, core, 1)).page);
    await close((await loadSurveyJs(shell.browser, bundle, 1, true)).page);

    for (const throttle of THROTTLES) {
      const ours = {
        home: [] as number[],
        fullPath: [] as number[],
        tileToCode: [] as number[],
        surveyOnly: [] as number[],
      };
      const theirs: number[] = [];
      let oursPage: Page | undefined;
      let theirPage: Page | undefined;
      for (let i = 0; i < RUNS; i++) {
        const last = i === RUNS - 1;
        // Alternate who goes first, so that neither always follows the other's garbage.
        for (const side of i % 2 === 0 ? (['ours', 'theirs'] as const) : (['theirs', 'ours'] as const)) {
          if (side === 'ours') {
            const load = await loadOurs(shell, core, throttle);
            ours.home.push(load.home);
            ours.fullPath.push(load.fullPath);
            ours.tileToCode.push(load.tileToCode);
            ours.surveyOnly.push(load.surveyOnly);
            if (last) oursPage = load.page;
            else await close(load.page);
          } else {
            const load = await loadSurveyJs(shell.browser, bundle, throttle);
            theirs.push(load.first);
            if (last) theirPage = load.page;
            else await close(load.page);
          }
        }
      }
      // Taps on the last page each side loaded, already on its first survey screen.
      const ourTaps = await taps(oursPage as Page, ourButton);
      const theirTaps = await taps(theirPage as Page, surveyJsButton);
      await close(oursPage as Page);
      await close(theirPage as Page);

      const label = throttle === 1 ? 'no throttling' : `${throttle}× CPU`;
      const painted = (marks: TapMark[]) => marks.map((m) => m.painted - m.down);
      const raf = (marks: TapMark[]) => marks.map((m) => m.raf - m.down);
      const ourFrame = painted(ourTaps);
      const theirFrame = painted(theirTaps);
      const appOnly = ours.home.map((home, i) => home + (ours.tileToCode[i] ?? NaN) + (ours.surveyOnly[i] ?? NaN));
      rows.push(
        { name: `[${label}] ours: navigation → home interactive`, value: p50p95(ours.home) },
        {
          name: `[${label}] ours: navigation → first axis screen, full path`,
          value: p50p95(ours.fullPath),
          note: 'home, tile, 11 keypad taps, start: includes the scripted taps',
        },
        {
          name: `[${label}] ours: the app's own share of that path`,
          value: p50p95(appOnly),
          note: 'home + tile → code screen + start → first axis screen',
        },
        {
          name: `[${label}] ours: tap «شروع نظرسنجی» → first axis screen`,
          value: p50p95(ours.surveyOnly),
          note: 'survey only: survey.start in the core + rendering',
        },
        { name: `[${label}] SurveyJS: navigation → first page interactive`, value: p50p95(theirs) },
        {
          name: `[${label}] ours: tap on a scale button → next frame painted`,
          value: p50p95(ourFrame),
          note: `to its rAF: p50 ${ms(p50(raf(ourTaps)))}`,
        },
        {
          name: `[${label}] SurveyJS: tap on a scale button → next frame painted`,
          value: p50p95(theirFrame),
          note: `to its rAF: p50 ${ms(p50(raf(theirTaps)))}`,
        },
        {
          name: `[${label}] ratio SurveyJS / ours, first screen vs our cold home`,
          value: `p50 ${ratio(p50(theirs), p50(ours.home))} · p95 ${ratio(p95(theirs), p95(ours.home))}`,
          note: 'both: a cold page from navigation to its first interactive screen',
        },
        {
          name: `[${label}] ratio SurveyJS / ours, first screen vs our app's path`,
          value: `p50 ${ratio(p50(theirs), p50(appOnly))} · p95 ${ratio(p95(theirs), p95(appOnly))}`,
        },
        {
          name: `[${label}] ratio SurveyJS / ours, first screen vs our survey-only`,
          value: `p50 ${ratio(p50(theirs), p50(ours.surveyOnly))} · p95 ${ratio(p95(theirs), p95(ours.surveyOnly))}`,
        },
        {
          name: `[${label}] ratio SurveyJS / ours, tap → next frame`,
          value: `p50 ${ratio(p50(theirFrame), p50(ourFrame))} · p95 ${ratio(p95(theirFrame), p95(ourFrame))}`,
        },
      );
    }
    const ourWeight = weight(RENDERER_DIR);
    const theirWeight = weight(bundle);
    rows.push(
      { name: 'ours: JS + CSS shipped', value: `${kib(ourWeight.raw)} raw · ${kib(ourWeight.gzip)} gzip` },
      {
        name: 'SurveyJS page: JS + CSS shipped',
        value: `${kib(theirWeight.raw)} raw · ${kib(theirWeight.gzip)} gzip`,
        note: 'survey-core, survey-react-ui, React, the questionnaire',
      },
    );
  } finally {
    await shell.close();
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
