import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { openCore } from '../../main/core/app';
import { reportPrintPath, reportPrintRequestSchema, type ReportPrintRequest } from '../../main/core/contract';
import { checkPrintState, reportPdfFileName, type ReportPdfMaker } from '../../main/core/reports/pdf';
import { DomainError, type Router } from '../../main/core/router';
import { signedIn } from '../support/auth';
import { tempDir } from '../support/temp';

const dir = tempDir('mizban-report-pdf-');

/** A maker that prints nothing: it keeps what the core handed it, to look at. */
function recordingMaker() {
  const seen: { request: ReportPrintRequest; router: Router }[] = [];
  const maker: ReportPdfMaker = async (request, router) => {
    seen.push({ request, router });
    return new TextEncoder().encode('%PDF-1.7 test');
  };
  return { maker, seen };
}

describe('reports.pdf', async () => {
  const { maker, seen } = recordingMaker();
  const core = openCore({
    dbPath: path.join(dir, 'with.sqlite'),
    appVersion: 't',
    log: () => undefined,
    reportPdf: maker,
  });
  const without = openCore({ dbPath: path.join(dir, 'without.sqlite'), appVersion: 't', log: () => undefined });
  after(() => {
    core.close();
    without.close();
  });
  const admin = await signedIn(core);

  test('a core opened without a way to print refuses with its own code', async () => {
    const answer = await without.router.call(await signedIn(without), 'reports.pdf', { report: 'audit' });
    assert.deepEqual(answer, { ok: false, error: { code: 'reports.pdf_unavailable' } });
  });

  test('the shell prints the request with the target fixed, and the file is named like the CSV and XLSX', async () => {
    const answer = await core.router.call(admin, 'reports.pdf', {
      report: 'satisfaction',
      questionnaire: 'national-16',
      from: '1403/01/01',
      to: '1403/03/31',
      by: 'month',
      language: 'en',
    });
    assert.deepEqual(answer, {
      ok: true,
      value: {
        fileName: 'mizban-satisfaction-national-16-1403-01-01-1403-03-31.pdf',
        mimeType: 'application/pdf',
        base64: Buffer.from('%PDF-1.7 test').toString('base64'),
      },
    });
    assert.deepEqual(seen.at(-1)?.request, {
      report: 'satisfaction',
      questionnaire: 'national-16',
      from: '1403/01/01',
      to: '1403/03/31',
      by: 'month',
      language: 'en',
      target: 70,
    });
  });

  test("the print page's router answers the report channels and nothing else", async () => {
    await core.router.call(admin, 'reports.pdf', { report: 'delivery' });
    const print = seen.at(-1)?.router as Router;
    const audit = await print.call(admin, 'reports.audit', {});
    assert.equal(audit.ok, true);
    const viaCore = await core.router.call(admin, 'reports.audit', {});
    assert.deepEqual(audit, viaCore);
    assert.deepEqual(await print.call(admin, 'settings.get', {}), { ok: false, error: { code: 'role.forbidden' } });
    assert.deepEqual(await print.call(admin, 'reports.pdf', { report: 'audit' }), {
      ok: false,
      error: { code: 'role.forbidden' },
    });
    const refused = await print.call(admin, 'reports.satisfaction', { questionnaire: 'nowhere' });
    assert.deepEqual(refused, { ok: false, error: { code: 'survey.questionnaire_unknown' } });
  });

  test("a refusal met by the print page is the channel's refusal, details and all", async () => {
    const failing = openCore({
      dbPath: path.join(dir, 'failing.sqlite'),
      appVersion: 't',
      log: () => undefined,
      reportPdf: async () =>
        checkPrintState(JSON.stringify({ code: 'input.invalid', details: { issues: [] } })) as never,
    });
    try {
      assert.deepEqual(await failing.router.call(await signedIn(failing), 'reports.pdf', { report: 'audit' }), {
        ok: false,
        error: { code: 'input.invalid', details: { issues: [] } },
      });
    } finally {
      failing.close();
    }
  });
});

describe('the print page protocol', () => {
  test('ready prints; a refusal is thrown as the core would; anything else is a fault', () => {
    assert.doesNotThrow(() => checkPrintState('ready'));
    assert.throws(
      () => checkPrintState('{"code":"survey.questionnaire_unknown"}'),
      (error) => error instanceof DomainError && error.code === 'survey.questionnaire_unknown',
    );
    assert.throws(() => checkPrintState('{"code":"no.such.code"}'), /unknown state/);
    assert.throws(() => checkPrintState(undefined), /unknown state/);
  });

  test("the print page's address carries the request, which the page reads back with the contract", () => {
    const request = reportPrintRequestSchema.parse({
      report: 'delivery',
      from: '1404/07/01',
      by: 'agency',
      language: 'fa',
      office: 'دفتر پیشخوان ۱۲۳ قزوین',
    });
    const address = new URL(`http://mizban.localhost${reportPrintPath(request)}`);
    assert.equal(address.pathname, '/index.html');
    assert.equal(address.searchParams.get('face'), 'report-print');
    assert.deepEqual(reportPrintRequestSchema.parse(JSON.parse(address.searchParams.get('request') ?? '')), request);
    assert.equal(reportPdfFileName(request), 'mizban-delivery-1404-07-01-now.pdf');
  });
});
