import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { openCore } from '../../main/core/app';
import type { Language } from '../../main/core/contract';
import type { ReportFileFormat, SatisfactionReport } from '../../main/core/contract/reports';
import { auditTables, deliveryTables, satisfactionTables } from '../../main/core/reports/files';
import { runReport, type ReportJob } from '../../main/core/reports/worker';
import { tempDir } from '../support/temp';

const dir = tempDir('mizban-report-files-');
const dbPath = path.join(dir, 'files.sqlite');
const core = openCore({ dbPath, appVersion: 't', log: () => undefined });
after(() => core.close());

// Seed 001's citizens: overall satisfaction 68, 38, 20, 3, 6.
const insert = core.db.prepare(
  `INSERT INTO survey_responses (questionnaire_id, version, source, answered_at, day)
   VALUES ('pishkhan-citizen', 1, 'anonymous', '2020-08-22T08:00:00.000Z', '1399/06/01')`,
);
const answer = core.db.prepare('INSERT INTO survey_answers (response_id, item_id, value, choice) VALUES (?, ?, ?, ?)');
[68, 38, 20, 3, 6].forEach((count, level) => {
  for (let i = 0; i < count; i++) {
    const id = insert.run().lastInsertRowid;
    answer.run(id, 'overall', 5 - level, null);
    answer.run(id, 'reason_satisfied', null, 'speed');
    answer.run(id, 'reason_dissatisfied', null, null);
  }
});

const now = new Date().toISOString();
const satisfaction = { report: 'satisfaction', input: { questionnaire: 'pishkhan-citizen', target: 70 }, now } as const;
const file = (job: ReportJob, format: ReportFileFormat, language: Language = 'fa') =>
  runReport(dbPath, { ...job, file: { format, language } });

/** The rows of the CSV's table whose title is `title`, up to the blank line after it. */
function section(records: string[][], title: string): string[][] {
  const start = records.findIndex((row) => row[0] === title && row.length === 1);
  assert.ok(start >= 0, `no table titled ${title}`);
  const end = records.findIndex((row, i) => i > start && row.every((cell) => cell === ''));
  return records.slice(start + 1, end < 0 ? undefined : end);
}

describe('CSV', () => {
  test("UTF-8 with a byte-order mark; the seeds' layout: عنوان، تعداد، درصد، درصد تجمعی and a جمع row", async () => {
    const made = await file(satisfaction, 'csv');
    assert.equal(made.mimeType, 'text/csv; charset=utf-8');
    assert.match(made.fileName, /^mizban-satisfaction-pishkhan-citizen-start-now\.csv$/);
    assert.deepEqual([...made.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const records = parse(Buffer.from(made.bytes), { bom: true, relax_column_count: true }) as string[][];
    assert.deepEqual(section(records, 'میزان رضایت کلی شما از نحوه ارائه خدمت در دفتر پیشخوان'), [
      ['عنوان', 'تعداد', 'درصد', 'درصد تجمعی'],
      ['بسیار خوب', '68', '50.4', '50.4'],
      ['خوب', '38', '28.1', '78.5'],
      ['متوسط', '20', '14.8', '93.3'],
      ['ضعیف', '3', '2.2', '95.6'],
      ['خیلی ضعیف', '6', '4.4', '100.0'],
      ['جمع', '135', '100.0', ''],
    ]);
    const statistics = section(records, 'نظرسنجی مردم از دفاتر پیشخوان خدمات دولت — هدف پذیرش 70٪');
    assert.deepEqual(statistics[1], [
      'همه',
      'میزان رضایت کلی شما از نحوه ارائه خدمت در دفتر پیشخوان',
      '135',
      '0',
      '4.18',
      '5',
      '5',
      '1.05',
      '1.11',
      '78.5',
      'بلی',
    ]);
    assert.match(statistics.at(-1)?.[0] ?? '', /تقسیم بر n/);
  });

  test('in English on request', async () => {
    const made = await file(satisfaction, 'csv', 'en');
    const records = parse(Buffer.from(made.bytes), { bom: true, relax_column_count: true }) as string[][];
    assert.deepEqual(
      section(records, 'Your overall satisfaction with how the service was given at the counter office')[0],
      ['Title', 'Count', 'Percent', 'Cumulative percent'],
    );
  });
});

/** A row's cells from the first column (ExcelJS numbers them from 1). */
const cells = (row: ExcelJS.Row | undefined) => (row?.values as unknown[]).slice(1);

async function workbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return book;
}

describe('XLSX', () => {
  test('one right-to-left sheet per table, numbers stored as numbers', async () => {
    const report = (await runReport(dbPath, satisfaction)) as SatisfactionReport;
    const book = await workbook((await file(satisfaction, 'xlsx')).bytes);
    const tables = satisfactionTables(report);
    assert.equal(book.worksheets.length, tables.length);
    for (const sheet of book.worksheets) assert.equal(sheet.views[0]?.rightToLeft, true, sheet.name);
    const overall = book.getWorksheet('overall');
    assert.ok(overall);
    assert.equal(overall.getCell('A1').value, 'میزان رضایت کلی شما از نحوه ارائه خدمت در دفتر پیشخوان');
    assert.deepEqual(cells(overall.getRow(2)), ['عنوان', 'تعداد', 'درصد', 'درصد تجمعی']);
    assert.deepEqual(cells(overall.getRow(3)), ['بسیار خوب', 68, 50.4, 50.4]);
    assert.deepEqual(cells(overall.getRow(8)), ['جمع', 135, 100]);
    assert.equal(overall.getColumn(3).numFmt, '0.0');
    const statistics = book.worksheets[0];
    assert.equal(statistics?.getCell('E3').value, 4.18);
    assert.equal(typeof statistics?.getCell('C3').value, 'number');
  });

  test('an English workbook reads left to right', async () => {
    const book = await workbook((await file(satisfaction, 'xlsx', 'en')).bytes);
    assert.equal(book.worksheets[0]?.views[0]?.rightToLeft, false);
    assert.equal(book.worksheets[0]?.name, 'Statistics');
  });

  test("the delivery report and the audit form: a sheet per table, Excel's rules for sheet names kept", async () => {
    const delivery = await file({ report: 'delivery', input: { by: 'quarter' }, now }, 'xlsx');
    const audit = await file({ report: 'audit', input: {}, now }, 'xlsx');
    const deliveryBook = await workbook(delivery.bytes);
    const auditBook = await workbook(audit.bytes);
    const deliveryReport = await runReport(dbPath, { report: 'delivery', input: { by: 'quarter' }, now });
    const auditReport = await runReport(dbPath, { report: 'audit', input: {}, now });
    assert.equal(deliveryBook.worksheets.length, deliveryTables(deliveryReport).length);
    assert.deepEqual(
      auditBook.worksheets.map((sheet) => sheet.name),
      auditTables(auditReport).map((table) => table.sheet.fa),
    );
    const part1 = auditBook.getWorksheet('بخش ۱');
    assert.deepEqual(cells(part1?.getRow(3)), ['مجموع خدمات (a)', 49]);
    assert.deepEqual(cells(part1?.getRow(9)), ['نسبت خدمات الکترونیکی به کل ((c+d)/a، درصد)', 95.9]);
    const part5 = auditBook.getWorksheet('بخش ۵');
    assert.equal(part5?.getCell('H3').value, 'دارد'); // a tracking code
    assert.equal(part5?.getCell('I3').value, 'دارد'); // stages tracked by it
    assert.equal(part5?.getCell('J3').value, null); // SMS: not known to the terminal, left for a person
  });
});
