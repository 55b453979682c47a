import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import jsQR from 'jsqr';
import { openCore, type Core } from '../../main/core/app';
import { toLatinDigits, type AppEvent, type PrintJob, type Result } from '../../main/core/contract';
import { bitmapsEqual } from '../../main/core/printing/bitmap';
import { MAX_ATTEMPTS } from '../../main/core/printing/jobs';
import { renderReceipt } from '../../main/core/printing/layout';
import { receiptDataFor } from '../../main/core/printing/receipt-source';
import { renderSurveySlip, surveySlipDataFor } from '../../main/core/printing/survey-slip';
import { PrinterEmulator, type EmulatorJob } from '../../native/emulator/emulator';
import { callerForWindow } from '../../main/shell/caller';
import { signedIn } from '../support/auth';
import { toRgba } from '../support/bitmap';
import { deliveredRequest, PERSON } from '../support/requests';
import { tempDir } from '../support/temp';

const kiosk = callerForWindow('kiosk');

/** Waits until `check` holds, looking every 20 ms; the queue works in the background. */
async function until<T>(what: string, check: () => T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function usePrinter(core: Core, port: number): Promise<void> {
  for (const [key, value] of [
    ['printer.connection', 'tcp'],
    ['printer.host', '127.0.0.1'],
    ['printer.port', port],
  ] as const) {
    assert.ok((await core.router.call(await signedIn(core), 'settings.set', { key, value })).ok);
  }
}

async function takeRequest(core: Core): Promise<{ trackingCode: string; printJobId: number }> {
  const result = (await core.router.call(kiosk, 'requests.create', {
    serviceCode: '10110002',
    applicant: { legalId: '10380284790', company: 'شرکت نمونه', name: 'علی رضایی', mobile: '09127654321' },
  })) as Result<{ trackingCode: string; printJobId: number }>;
  assert.ok(result.ok, JSON.stringify(result));
  return result.value;
}

const job = (core: Core, id: number) =>
  core.db.prepare('SELECT status, attempts, copy, last_error, printer_status FROM print_jobs WHERE id = ?').get(id) as {
    status: PrintJob['status'];
    attempts: number;
    copy: number;
    last_error: string | null;
    printer_status: string | null;
  };

describe('a receipt from intake to paper, through the emulator over TCP', () => {
  const dir = tempDir();
  const emulator = new PrinterEmulator();
  let core: Core;
  const events: AppEvent[] = [];
  before(async () => {
    const port = await emulator.listenTcp(0);
    core = openCore({ dbPath: path.join(dir, 'print.sqlite'), appVersion: 't', log: () => undefined });
    core.router.subscribe(kiosk, (event) => events.push(event));
    await usePrinter(core, port);
  });
  after(async () => {
    core.close();
    await emulator.close();
  });

  test('prints what was rendered, dot for dot, and its QR code reads back as the tracking code', async () => {
    const { trackingCode, printJobId } = await takeRequest(core);
    const printed = await until('the receipt on the emulator', () =>
      emulator.jobs.find((j): j is Extract<EmulatorJob, { outcome: 'printed' }> => j.outcome === 'printed'),
    );
    await until('the job done', () => job(core, printJobId).status === 'done');
    const expected = renderReceipt(receiptDataFor(core.db, trackingCode, { copy: false }), 80).bitmap;
    assert.ok(bitmapsEqual(printed.bitmap, expected), 'the paper holds exactly the rendered dots');
    assert.equal(jsQR(toRgba(printed.bitmap), printed.bitmap.width, printed.bitmap.height)?.data, trackingCode);
    assert.deepEqual(job(core, printJobId), {
      status: 'done',
      attempts: 1,
      copy: 0,
      last_error: null,
      printer_status: 'ready',
    });
    assert.ok(
      events.some((e) => e.type === 'print.job' && e.job.id === printJobId && e.job.status === 'done'),
      'the kiosk heard that its receipt printed',
    );
  });

  for (const [fault, state, expectedState] of [
    ['paper out', { paper: 'out' }, 'paper_out'],
    ['cover open', { coverOpen: true }, 'cover_open'],
    ['offline', { offline: true }, 'offline'],
  ] as const) {
    test(`${fault}: the request is taken, the job waits with the printer's state, and prints when it is back`, async () => {
      emulator.set(state);
      const before = emulator.jobs.length;
      const { printJobId } = await takeRequest(core);
      await until(
        'a failed try',
        () => job(core, printJobId).attempts >= 1 && job(core, printJobId).status === 'queued',
      );
      assert.equal(job(core, printJobId).printer_status, expectedState);
      assert.equal(job(core, printJobId).last_error, 'not-ready');
      const status = (await core.router.call(kiosk, 'printer.status', {})) as Result<{ state: string }>;
      assert.ok(status.ok && status.value.state === expectedState, JSON.stringify(status));
      assert.equal(emulator.jobs.length, before, 'nothing was sent to a printer that would not print');

      emulator.set({ paper: 'ok', coverOpen: false, offline: false });
      await until('the job done', () => job(core, printJobId).status === 'done');
      assert.equal(job(core, printJobId).copy, 0, 'nothing reached the paper before: not a copy');
    });
  }

  test('a connection dropped mid-job: the job is printed again, marked as a copy', async () => {
    emulator.dropConnectionAfter(2000);
    const before = emulator.jobs.length;
    const { trackingCode, printJobId } = await takeRequest(core);
    await until('the job done', () => job(core, printJobId).status === 'done');
    const jobs = emulator.jobs.slice(before);
    assert.deepEqual(
      jobs.map((j) => j.outcome),
      ['incomplete', 'printed'],
    );
    assert.equal(job(core, printJobId).copy, 1);
    const reprinted = jobs[1] as Extract<EmulatorJob, { outcome: 'printed' }>;
    const copy = renderReceipt(receiptDataFor(core.db, trackingCode, { copy: true }), 80).bitmap;
    assert.ok(bitmapsEqual(reprinted.bitmap, copy), 'the second print is the copy');
  });

  test('a reprint asked at the counter is a copy; a test page prints from the admin face', async () => {
    const { trackingCode, printJobId } = await takeRequest(core);
    await until('the job done', () => job(core, printJobId).status === 'done');
    const clerk = await signedIn(core, 'clerk');
    const admin = await signedIn(core);
    const reprint = (await core.router.call(clerk, 'print.reprint', { trackingCode })) as Result<{ jobId: number }>;
    assert.ok(reprint.ok);
    await until('the reprint done', () => job(core, reprint.value.jobId).status === 'done');
    assert.equal(job(core, reprint.value.jobId).copy, 1);
    const testPage = (await core.router.call(admin, 'printer.test', {})) as Result<{ jobId: number }>;
    assert.ok(testPage.ok);
    await until('the test page done', () => job(core, testPage.value.jobId).status === 'done');
  });

  test("a survey slip: the request's code and its QR, the service, nothing personal", async () => {
    const trackingCode = await deliveredRequest(core);
    const admin = await signedIn(core);
    assert.ok((await core.router.call(admin, 'settings.set', { key: 'survey.handoff', value: 'slip' })).ok);
    const before = emulator.jobs.length;
    const offered = (await core.router.call(await signedIn(core, 'clerk'), 'survey.offer', {
      trackingCode,
    })) as Result<{ via: 'slip'; jobId: number }>;
    assert.ok(offered.ok && offered.value.via === 'slip', JSON.stringify(offered));
    await until('the slip done', () => job(core, offered.value.jobId).status === 'done');
    const printed = emulator.jobs.slice(before).find((j) => j.outcome === 'printed');
    assert.ok(printed?.outcome === 'printed');
    const slip = renderSurveySlip(surveySlipDataFor(core.db, trackingCode), 80);
    assert.ok(bitmapsEqual(printed.bitmap, slip.bitmap), 'the paper holds exactly the rendered slip');
    assert.equal(jsQR(toRgba(printed.bitmap), printed.bitmap.width, printed.bitmap.height)?.data, trackingCode);
    const words = JSON.stringify(slip.text);
    assert.match(words, /نظرسنجی/);
    assert.ok(words.includes(slip.text.trackingCode) && slip.text.service.includes('خدمت'));
    for (const personal of [PERSON.name, PERSON.nationalCode, PERSON.mobile, PERSON.mobile.slice(-4)]) {
      assert.ok(
        !words.includes(personal) && !toLatinDigits(words).includes(personal),
        `the slip never says ${personal}`,
      );
    }
    assert.ok(
      slip.bitmap.height < renderReceipt(receiptDataFor(core.db, trackingCode, { copy: false }), 80).bitmap.height,
    );
    assert.ok((await core.router.call(admin, 'settings.set', { key: 'survey.handoff', value: 'display' })).ok);
  });

  test('the kiosk sees its receipt on screen only with the mobile digits, as the image that printed', async () => {
    const { trackingCode } = await takeRequest(core);
    const wrong = await core.router.call(kiosk, 'receipt.preview', { trackingCode, mobileLastFour: '0000' });
    assert.deepEqual(wrong, { ok: false, error: { code: 'requests.not_found' } });
    const shown = (await core.router.call(kiosk, 'receipt.preview', {
      trackingCode,
      mobileLastFour: '۴۳۲۱',
    })) as Result<{
      png: string;
      width: number;
    }>;
    assert.ok(shown.ok);
    assert.match(shown.value.png, /^data:image\/png;base64,/);
    assert.equal(shown.value.width, 576);
  });
});

test('a job queued before a restart prints after it; one left printing comes back as a copy', async () => {
  const dir = tempDir();
  const dbPath = path.join(dir, 'restart.sqlite');
  const emulator = new PrinterEmulator();
  const port = await emulator.listenTcp(0);
  try {
    const first = openCore({ dbPath, appVersion: 't', log: () => undefined, transportFor: () => null });
    const { printJobId } = await takeRequest(first);
    const second = await takeRequest(first);
    // As if the process died while sending the second: it is left 'printing'.
    first.db.prepare("UPDATE print_jobs SET status = 'printing', attempts = 1 WHERE id = ?").run(second.printJobId);
    assert.equal(job(first, printJobId).status, 'queued');
    first.close();

    const again = openCore({ dbPath, appVersion: 't', log: () => undefined });
    assert.deepEqual(again.startup.unfinishedPrintJobs, 1);
    assert.deepEqual(again.startup.recoveredPrintJobs, 1);
    await usePrinter(again, port);
    await until(
      'both done',
      () => job(again, printJobId).status === 'done' && job(again, second.printJobId).status === 'done',
    );
    assert.equal(job(again, printJobId).copy, 0);
    assert.equal(job(again, second.printJobId).copy, 1);
    assert.equal(emulator.jobs.filter((j) => j.outcome === 'printed').length, 2);
    again.close();
  } finally {
    await emulator.close();
  }
});

test('a printer that answers too slowly: the job waits, the printer reads as unreachable', async () => {
  const emulator = new PrinterEmulator();
  const port = await emulator.listenTcp(0);
  const core = openCore({ dbPath: path.join(tempDir(), 'slow.sqlite'), appVersion: 't', log: () => undefined });
  try {
    await usePrinter(core, port);
    emulator.set({ replyDelayMs: 2500 });
    const { printJobId } = await takeRequest(core);
    await until('a timed-out try', () => job(core, printJobId).last_error === 'status-timeout');
    assert.equal(job(core, printJobId).status, 'queued');
    assert.equal(core.printer.lastKnownState(), 'unreachable');
    emulator.set({ replyDelayMs: 0 });
    await until('the job done', () => job(core, printJobId).status === 'done');
  } finally {
    core.close();
    await emulator.close();
  }
});

test('after its last try a job stays failed, in sight, until a person sends it again', async () => {
  let clock = new Date('2026-11-23T07:00:00Z');
  const core = openCore({
    dbPath: path.join(tempDir(), 'failing.sqlite'),
    appVersion: 't',
    log: () => undefined,
    now: () => clock,
  });
  try {
    // A port nobody listens on: every try is refused at once.
    await usePrinter(core, 9);
    const { printJobId } = await takeRequest(core);
    for (let tries = 1; tries <= MAX_ATTEMPTS; tries++) {
      await until(
        `try ${tries}`,
        () => job(core, printJobId).attempts === tries && job(core, printJobId).status !== 'printing',
      );
      clock = new Date(clock.getTime() + 61_000);
      core.printer.wake();
    }
    await core.printer.idle();
    assert.deepEqual(job(core, printJobId).status, 'failed');
    assert.equal(job(core, printJobId).last_error, 'connect-failed');
    const clerk = await signedIn(core, 'clerk');
    const listed = (await core.router.call(clerk, 'print.jobs', {})) as Result<PrintJob[]>;
    assert.ok(listed.ok && listed.value.some((j) => j.id === printJobId && j.status === 'failed'));
    assert.deepEqual(await core.router.call(clerk, 'print.retry', { jobId: 999 }), {
      ok: false,
      error: { code: 'print.job_not_found' },
    });
    const retried = (await core.router.call(clerk, 'print.retry', { jobId: printJobId })) as Result<PrintJob>;
    assert.ok(retried.ok);
    assert.equal(retried.value.attempts, 0);
  } finally {
    core.close();
  }
});
