import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import {
  toLatinDigits,
  type AuditReport,
  type DeliveryReport,
  type Language,
  type SatisfactionReport,
} from '../../main/core/contract';
import type { Caller } from '../../main/core/router';
import type { RunningApp } from '../support/app';
import { signedIn } from '../support/auth';
import { mizban } from '../support/cli';
import { openReportPage, pastYear, seedReportData, showRange, startReportApp } from '../support/report-page';
import { tempDir } from '../support/temp';

const WORDS = {
  fa: {
    title: 'گزارش سنجش رضایت‌مندی مراجعین',
    delivery: 'تحویل به‌موقع',
    audit: 'فرم ارزیابی میز خدمت',
    by: 'سه ماهه',
    met: 'هدف محقق شد',
    statistics: 'آماره‌های گویه‌ها و محورها',
    items: 'جدول‌های فراوانی گویه‌ها',
    axes: 'جدول‌های فراوانی محورها',
    respondents: 'ویژگی‌های پاسخ‌دهندگان',
    suggestions: 'انتقادات و پیشنهادات',
  },
  en: {
    title: 'Client satisfaction report',
    delivery: 'On-time delivery',
    audit: 'Service desk audit form',
    by: 'Quarter',
    met: 'Target met',
    statistics: 'Statistics of the items and axes',
    items: 'Frequency tables of the items',
    axes: 'Frequency tables of the axes',
    respondents: 'Who answered',
    suggestions: 'Criticism and suggestions',
  },
} as const;

/** A figure as the page writes it, read back as the number the channel sent: digits, separators, signs. */
function numberOf(text: string): number {
  return Number(
    toLatinDigits(text)
      .replace(/[٬,\s%٪]/g, '')
      .replace('٫', '.'),
  );
}

/** The raw values of a table's rows (each cell's data-value) and the text shown for them. */
async function tableRows(table: Locator): Promise<{ key: string; values: string[]; texts: string[] }[]> {
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => {
      const cells = Array.from(row.querySelectorAll<HTMLElement>('th, td'));
      return {
        key: (row as HTMLElement).dataset.row ?? '',
        values: cells.map((cell) => cell.dataset.value ?? ''),
        texts: cells.map((cell) => cell.textContent ?? ''),
      };
    }),
  );
}

/** Every figure of a table: what is shown equals the raw value it carries, in the reader's digits. */
async function assertShownAsSent(table: Locator, language: Language): Promise<void> {
  const kinds = await table
    .locator('thead th')
    .evaluateAll((cells) => cells.map((c) => (c as HTMLElement).dataset.kind));
  for (const row of await tableRows(table)) {
    row.texts.forEach((text, i) => {
      if (!['count', 'percent', 'statistic'].includes(kinds[i] ?? '') || row.values[i] === '') return;
      assert.equal(numberOf(text), Number(row.values[i]), `${row.key}: "${text}"`);
      if (language === 'fa') assert.doesNotMatch(text, /[0-9]/, `Persian digits in Persian: "${text}"`);
      else assert.doesNotMatch(text, /[۰-۹]/, `Latin digits in English: "${text}"`);
    });
  }
}

/** The text of a PDF page (pdftotext), without the bidi marks poppler puts around runs. */
function pdfText(file: string, page?: number): string {
  const pages = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', [...pages, file, '-'], { encoding: 'utf8' }).replace(
    /[\u202a-\u202e\u2066-\u2069]/g,
    '',
  );
}

function pdfPages(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
}

const range = pastYear();

for (const language of ['fa', 'en'] as const) {
  describe(`the report page, in ${language === 'fa' ? 'Persian' : 'English'}`, () => {
    let app: RunningApp;
    let page: Page;
    /** The figures the page must show, asked of the core by a supervisor. */
    let supervisor: Caller;
    const dir = tempDir('mizban-report-page-');
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const answer = await app.core.router.call(supervisor, channel, input);
      assert.ok(answer.ok, JSON.stringify(answer));
      return answer.value as T;
    };

    before(async () => {
      app = await startReportApp();
      seedReportData(app, { responses: 400, requests: 200 });
      page = await openReportPage(app, language);
      supervisor = await signedIn(app.core, 'supervisor');
      await showRange(page, range);
    });
    after(() => app.close());

    test("satisfaction: the headline, the statistics and every frequency table are the channel's figures", async () => {
      const report = await call<SatisfactionReport>('reports.satisfaction', { questionnaire: 'national-16', ...range });
      const group = report.groups[0];
      assert.ok(group?.overall);
      assert.equal(report.n, 400);
      const headline = page.getByTestId('satisfaction-headline');
      const values = await headline.locator('.report-fact__value').allTextContents();
      assert.deepEqual(values.map(numberOf), [report.n, group.overall.acceptance, report.suggestionShare]);
      assert.equal(await headline.locator('[data-met]').getAttribute('data-met'), String(group.overall.targetMet));

      const statistics = page.locator('[data-table="statistics:all"]');
      const rows = await tableRows(statistics);
      const expected = [
        ...group.items.flatMap((item) => (item.kind === 'scale' ? [item] : [])),
        ...group.axes,
        group.overall,
      ];
      assert.equal(rows.length, expected.length);
      rows.forEach((row, i) => {
        const stats = expected[i];
        assert.ok(stats);
        assert.deepEqual(row.values.slice(1), [
          String(stats.n),
          String(stats.noOpinion),
          String(stats.mean),
          String(stats.median),
          stats.modes.join(','),
          String(stats.sd),
          String(stats.variance),
          String(stats.acceptance),
          String(stats.targetMet),
        ]);
      });
      await assertShownAsSent(statistics, language);
      // The method note says how the spread is computed.
      assert.match((await statistics.textContent()) ?? '', language === 'fa' ? /تقسیم بر n/ : /divide by n/);

      for (const item of group.items) {
        const table = page.locator(`[data-table="item:all:${item.id}"]`);
        const shown = await tableRows(table);
        assert.deepEqual(
          shown.map((row) => row.values.slice(1).map(Number)),
          item.frequencies.map((row) => [row.count, row.percent, row.cumulativePercent]),
          item.id,
        );
        assert.deepEqual(
          shown.map((row) => row.texts[0]),
          item.frequencies.map((row) => row.label[language]),
        );
        await assertShownAsSent(table, language);
        const total = await table.locator('tfoot [data-kind="count"]').textContent();
        assert.equal(numberOf(total ?? ''), item.n);
      }
      for (const name of ['gender', 'age', 'education', 'job', 'visits'] as const) {
        const shown = await tableRows(page.locator(`[data-table="demographic:${name}"]`));
        assert.deepEqual(
          shown.map((row) => row.values.slice(1).map(Number)),
          report.demographics[name].map((row) => [row.count, row.percent, row.cumulativePercent]),
          name,
        );
      }
      // Charts: one bar per axis, labelled with the axes' titles (wrapped into lines: compared without spaces).
      const axisChart = page.locator('[data-chart="acceptance-axes:all"]');
      assert.equal(await axisChart.locator('.recharts-bar-rectangle').count(), group.axes.length);
      const labels = await axisChart.locator('.report-chart__category').allTextContents();
      const unspaced = (text: string) => text.replace(/\s+/g, '');
      assert.deepEqual(
        labels.map(unspaced),
        group.axes.map((axis) => unspaced(axis.title[language])),
      );
    });

    test('satisfaction by quarter: a row and a bar per quarter, each with its acceptance and the target', async () => {
      await page.locator('#report-by').selectOption('quarter');
      await page.locator('.report-filters__show').click();
      await page.locator('.report-screen[data-state="ready"][data-request*="quarter"]').waitFor();
      const report = await call<SatisfactionReport>('reports.satisfaction', {
        questionnaire: 'national-16',
        ...range,
        by: 'quarter',
      });
      const rows = await tableRows(page.locator('[data-table="groups"]'));
      assert.deepEqual(
        rows.map((row) => [row.key, row.texts[0], Number(row.values[1]), row.values.at(-2)]),
        report.groups.map((g) => [g.key, g.label[language], g.n, String(g.overall?.acceptance ?? '')]),
      );
      assert.ok(report.groups.length >= 4);
      const bars = page.locator('[data-chart="acceptance-groups"] .recharts-bar-rectangle');
      assert.equal(await bars.count(), report.groups.length);
      await page.locator('#report-by').selectOption('');
      await page.locator('.report-filters__show').click();
      await page.locator('.report-screen[data-state="ready"]:not([data-request*="quarter"])').waitFor();
    });

    test('delivery: on time, mean working days, overdue now, per service, agency and channel, as the channel says', async () => {
      await page.getByRole('tab', { name: WORDS[language].delivery }).click();
      await page.locator('.report-screen[data-state="ready"][data-request^="{\\"report\\":\\"delivery"]').waitFor();
      const report = await call<DeliveryReport>('reports.delivery', range);
      assert.ok(report.delivered > 0 && report.overdueOpen > 0, JSON.stringify(report));
      const values = await page.getByTestId('delivery-headline').locator('.report-fact__value').allTextContents();
      assert.deepEqual(values.map(numberOf), [
        report.delivered,
        report.onTimePercent,
        report.meanWorkingDaysToDeliver,
        report.overdueOpen,
      ]);
      const services = await tableRows(page.locator('[data-table="delivery-services"]'));
      assert.deepEqual(
        services.map((row) => [row.key, ...row.values.slice(2)]),
        report.perService.map((row) => [
          row.key,
          ...[
            row.requests,
            row.delivered,
            row.onTime,
            row.onTimePercent,
            row.meanWorkingDaysToDeliver,
            row.overdueOpen,
          ].map((value) => (value === null ? '' : String(value))),
        ]),
      );
      for (const id of ['delivery-services', 'delivery-agencies', 'delivery-channels']) {
        await assertShownAsSent(page.locator(`[data-table="${id}"]`), language);
      }
      const channels = await tableRows(page.locator('[data-table="delivery-channels"]'));
      assert.deepEqual(
        channels.map((row) => Number(row.values[1])),
        report.perChannel.map((row) => row.count),
      );
    });

    test("audit: part 1's counts and shares, table 2, parts 4 and 5", async () => {
      await page.getByRole('tab', { name: WORDS[language].audit }).click();
      await page.locator('.report-screen[data-state="ready"][data-request^="{\\"report\\":\\"audit"]').waitFor();
      const report = await call<AuditReport>('reports.audit', range);
      const part1 = await tableRows(page.locator('[data-table="audit-part1"]'));
      assert.deepEqual(
        part1.map((row) => [row.key, row.values[1]]),
        [
          ['a', String(report.a)],
          ['b', String(report.b)],
          ['c', String(report.c)],
          ['d', String(report.d)],
          ['e', String(report.e)],
          ['inPersonShare', String(report.inPersonShare)],
          ['electronicShare', String(report.electronicShare)],
          ['inactive', String(report.inactive)],
        ],
      );
      const table2 = await tableRows(page.locator('[data-table="audit-table2"]'));
      assert.deepEqual(
        table2.map((row) => row.values.slice(1).map(Number)),
        report.table2.map((row) => [row.services, row.inPerson, row.electronic, row.combined, row.outside]),
      );
      assert.equal(await page.locator('[data-table="audit-part4"] tbody tr').count(), report.part4.length);
      assert.equal(await page.locator('[data-table="audit-part5"] tbody tr').count(), report.part5.length);
      await page.getByRole('tab').first().click();
      await page.locator('.report-screen[data-state="ready"][data-request^="{\\"report\\":\\"satisfaction"]').waitFor();
    });

    test('downloads: CSV and XLSX from reports.export, the PDF printed by Chromium', async () => {
      const save = async (format: string) => {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.locator(`.report-files [data-format="${format}"]`).click(),
        ]);
        const file = path.join(dir, download.suggestedFilename());
        await download.saveAs(file);
        return file;
      };
      const csv = await save('csv');
      assert.equal(
        path.basename(csv),
        `mizban-satisfaction-national-16-${range.from.replaceAll('/', '-')}-${range.to.replaceAll('/', '-')}.csv`,
      );
      const text = fs.readFileSync(csv, 'utf8');
      assert.ok(text.startsWith('\ufeff'));
      assert.match(text, language === 'fa' ? /درصد تجمعی/ : /Cumulative percent/);

      const xlsx = await save('xlsx');
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(xlsx);
      assert.equal(book.worksheets[0]?.views[0]?.rightToLeft ?? false, language === 'fa');

      const pdf = await save('pdf');
      assert.match(path.basename(pdf), /\.pdf$/);
      const words = WORDS[language];
      const first = pdfText(pdf, 1);
      assert.ok(first.includes(words.title), first);
      const n = language === 'fa' ? '۴۰۰' : '400';
      assert.ok(first.includes(n), first);
      assert.ok(pdfText(pdf).includes(words.met));
      // Each part of the report starts its own page, in order; the tables come whole.
      const pages = pdfPages(pdf);
      const starts = [words.statistics, words.items, words.axes, words.respondents].map((caption) => {
        const at = Array.from({ length: pages }, (_, i) => i + 1).find((p) => pdfText(pdf, p).includes(caption));
        assert.ok(at, caption);
        return at;
      });
      assert.deepEqual(
        starts,
        [...starts].sort((a, b) => a - b),
      );
      assert.ok(new Set(starts).size === starts.length);
      assert.ok(pdfText(pdf, pages).includes(words.suggestions));
    });
  });
}

describe('mizban report … --format pdf', () => {
  let app: RunningApp;
  const dir = tempDir('mizban-report-cli-');
  before(async () => {
    app = await startReportApp();
    seedReportData(app, { responses: 200, requests: 100 });
  });
  after(() => app.close());

  test('the satisfaction report by quarter and the audit form, as A4 PDFs with the Persian shaped', () => {
    const out = path.join(dir, 'satisfaction.pdf');
    const made = mizban(
      'report',
      'satisfaction',
      '--db',
      app.dbPath,
      '--questionnaire',
      'national-16',
      '--from',
      range.from,
      '--to',
      range.to,
      '--by',
      'quarter',
      '--format',
      'pdf',
      '--out',
      out,
    );
    assert.equal(made.code, 0, made.stderr);
    assert.equal(made.stdout, `wrote ${out}\n`);
    const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
    assert.match(info, /Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = pdfText(out);
    assert.ok(text.includes(WORDS.fa.title));
    assert.ok(text.includes('پذیرش کل به تفکیک سه ماهه'));
    assert.ok(text.includes('۲۰۰'));

    const audit = path.join(dir, 'audit.pdf');
    const english = mizban('report', 'audit', '--db', app.dbPath, '--format', 'pdf', '--lang', 'en', '--out', audit);
    assert.equal(english.code, 0, english.stderr);
    assert.ok(pdfText(audit).includes('Part 5 — Services of the electronic desk'));
  });

  test('a refusal of the core is said as for the other formats, and no file is written', () => {
    const out = path.join(dir, 'none.pdf');
    const refused = mizban(
      'report',
      'satisfaction',
      '--db',
      app.dbPath,
      '--questionnaire',
      'nowhere',
      '--format',
      'pdf',
      '--out',
      out,
    );
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /report refused: survey\.questionnaire_unknown/);
    assert.equal(fs.existsSync(out), false);
  });
});
