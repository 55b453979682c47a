import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Language } from '../contract';
import type {
  AuditReport,
  DeliveryReport,
  FrequencyRow,
  ReportFileFormat,
  SatisfactionReport,
  ScaleStatistics,
} from '../contract/reports';
import { BOM } from '../csv';
import { DEMOGRAPHIC_BRACKETS, type Words } from './labels';
import { frequencyTable } from './stats';

/**
 * The reports as files, laid out like the seeds' tables: a title, the columns عنوان، تعداد،
 * درصد، درصد تجمعی, a row per level with levels that nobody chose at 0, and a جمع row.
 * CSV (UTF-8 with a byte-order mark, so Excel keeps the Persian) holds every table one
 * after another; XLSX gives each table its own right-to-left sheet, numbers stored as numbers.
 * Numbers keep Latin digits in both, so a spreadsheet can sum and sort them.
 */

export interface ReportFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

type Kind = 'text' | 'count' | 'percent' | 'statistic';
/** A bilingual text, a number, a yes/no (null: blank, for a person to fill in). */
type Cell = Words | string | number | boolean | null;

/** One table of a report: one section of the CSV, one sheet of the workbook. */
export interface Table {
  /** A short unique name: the sheet's. */
  sheet: Words;
  title: Words;
  columns: { header: Words; kind: Kind }[];
  rows: Cell[][];
  notes?: Words[];
}

const w = (fa: string, en: string): Words => ({ fa, en });

const H = {
  title: w('عنوان', 'Title'),
  count: w('تعداد', 'Count'),
  percent: w('درصد', 'Percent'),
  cumulative: w('درصد تجمعی', 'Cumulative percent'),
  total: w('جمع', 'Total'),
  value: w('مقدار', 'Value'),
  group: w('گروه', 'Group'),
  code: w('کد', 'Code'),
};

const WHOLE = w('کل پرسش‌نامه', 'The whole questionnaire');

const METHOD_NOTE = w(
  'انحراف معیار و واریانس با تقسیم بر n (واریانس جامعه) محاسبه شده‌اند، چنان که گزارش‌های استانی محاسبه کرده‌اند؛ درصدها با یک رقم اعشار و آماره‌ها با دو رقم، با گرد کردن نیمه به دور از صفر.',
  'Standard deviation and variance divide by n (population variance), as the provincial reports do; percents to one decimal and statistics to two, rounded half away from zero.',
);

/** A frequency table in the seeds' layout, with its total row. */
function frequencySheet(sheet: Words, title: Words, rows: readonly FrequencyRow[]): Table {
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  return {
    sheet,
    title,
    columns: [
      { header: H.title, kind: 'text' },
      { header: H.count, kind: 'count' },
      { header: H.percent, kind: 'percent' },
      { header: H.cumulative, kind: 'percent' },
    ],
    rows: [
      ...rows.map((row): Cell[] => [row.label, row.count, row.percent, row.cumulativePercent]),
      [H.total, total, total === 0 ? 0 : 100, null],
    ],
  };
}

const STAT_COLUMNS: { header: Words; kind: Kind }[] = [
  { header: w('تعداد پاسخ', 'Answers'), kind: 'count' },
  { header: w('بی‌نظر', 'No opinion'), kind: 'count' },
  { header: w('میانگین', 'Mean'), kind: 'statistic' },
  { header: w('میانه', 'Median'), kind: 'statistic' },
  { header: w('مد', 'Mode'), kind: 'text' },
  { header: w('انحراف معیار', 'Standard deviation'), kind: 'statistic' },
  { header: w('واریانس', 'Variance'), kind: 'statistic' },
  { header: w('پذیرش (دو سطح برتر)', 'Acceptance (two best levels)'), kind: 'percent' },
  { header: w('هدف محقق شد', 'Target met'), kind: 'text' },
];

function statCells(stats: ScaleStatistics): Cell[] {
  return [
    stats.n,
    stats.noOpinion,
    stats.mean,
    stats.median,
    stats.modes.join('، '),
    stats.sd,
    stats.variance,
    stats.acceptance,
    stats.targetMet,
  ];
}

export function satisfactionTables(report: SatisfactionReport): Table[] {
  const single = report.groups.length === 1 && report.by === null;
  const prefix = (group: SatisfactionReport['groups'][number], title: Words): Words =>
    single ? title : w(`${group.label.fa} — ${title.fa}`, `${group.label.en} — ${title.en}`);
  const summary: Table = {
    sheet: w('آماره‌ها', 'Statistics'),
    title: w(
      `${report.questionnaire.title.fa} — هدف پذیرش ${report.target}٪`,
      `${report.questionnaire.title.en} — acceptance target ${report.target}%`,
    ),
    columns: [{ header: H.group, kind: 'text' }, { header: H.title, kind: 'text' }, ...STAT_COLUMNS],
    rows: report.groups.flatMap((group) => [
      ...group.items.flatMap((item) => (item.kind === 'scale' ? [[group.label, item.text, ...statCells(item)]] : [])),
      ...group.axes.map((axis) => [group.label, axis.title, ...statCells(axis)]),
      ...(group.overall ? [[group.label, WHOLE, ...statCells(group.overall)]] : []),
    ]),
    notes: [METHOD_NOTE],
  };
  const frequencies = report.groups.flatMap((group, g) => {
    const sheet = (id: string) => w(single ? id : `${g + 1} ${id}`, single ? id : `${g + 1} ${id}`);
    return [
      ...group.items.map((item) => frequencySheet(sheet(item.id), prefix(group, item.text), item.frequencies)),
      ...group.axes.map((axis) => frequencySheet(sheet(axis.id), prefix(group, axis.title), axis.frequencies)),
      ...(group.overall ? [frequencySheet(sheet('overall'), prefix(group, WHOLE), group.overall.frequencies)] : []),
    ];
  });
  const demographicTitles: Record<keyof SatisfactionReport['demographics'], Words> = {
    gender: w('جنسیت مراجعین', 'Gender'),
    age: w('سن مراجعین', 'Age'),
    education: w('میزان تحصیلات مراجعین', 'Education'),
    job: w('شغل مراجعین', 'Occupation'),
    visits: w('تعداد دفعات مراجعه', 'Visits for this service in the past year'),
  };
  const demographics = (Object.keys(DEMOGRAPHIC_BRACKETS) as (keyof SatisfactionReport['demographics'])[]).map((name) =>
    frequencySheet(demographicTitles[name], demographicTitles[name], report.demographics[name]),
  );
  const suggestions = frequencySheet(
    w('پیشنهادها', 'Suggestions'),
    w('انتقادات و پیشنهادات', 'Criticism and suggestions'),
    frequencyTable([
      { value: 'yes', label: w('با پیشنهاد', 'With a suggestion'), count: report.suggestions },
      { value: 'no', label: w('بی نظر', 'None'), count: report.n - report.suggestions },
    ]),
  );
  const services = frequencySheet(
    w('نوع خدمت', 'Services'),
    w('نوع خدمت اخذ شده', 'The service received'),
    report.services,
  );
  return [summary, ...frequencies, services, ...demographics, suggestions];
}

const FIGURE_COLUMNS: { header: Words; kind: Kind }[] = [
  { header: w('درخواست‌ها', 'Requests'), kind: 'count' },
  { header: w('تحویل‌شده', 'Delivered'), kind: 'count' },
  { header: w('به‌موقع', 'On time'), kind: 'count' },
  { header: w('درصد به‌موقع', 'On time (percent)'), kind: 'percent' },
  { header: w('میانگین روز کاری تا تحویل', 'Mean working days to deliver'), kind: 'statistic' },
];

type FigureRow = DeliveryReport['groups'][number];
const figureCells = (row: FigureRow): Cell[] => [
  row.requests,
  row.delivered,
  row.onTime,
  row.onTimePercent,
  row.meanWorkingDaysToDeliver,
];

export function deliveryTables(report: DeliveryReport): Table[] {
  const overdue = { header: w('معوق باز', 'Open and overdue'), kind: 'count' as const };
  return [
    {
      sheet: w('خلاصه', 'Summary'),
      title: w('تحویل به‌موقع خدمات', 'On-time delivery'),
      columns: [
        { header: H.title, kind: 'text' },
        { header: H.value, kind: 'statistic' },
      ],
      rows: [
        [w('درخواست‌های ثبت‌شده در بازه', 'Requests made in the range'), report.requests],
        [w('تحویل‌شده در بازه', 'Delivered in the range'), report.delivered],
        [w('تحویل به‌موقع', 'Delivered on time'), report.onTime],
        [w('تحویل با تأخیر', 'Delivered late'), report.late],
        [w('درصد تحویل به‌موقع', 'Delivered on time (percent)'), report.onTimePercent],
        [
          w('میانگین روز کاری از درخواست تا تحویل', 'Mean working days from request to delivery'),
          report.meanWorkingDaysToDeliver,
        ],
        [w('درخواست‌های باز', 'Open requests'), report.open],
        [w(`معوق تا امروز (${report.today})`, `Overdue as of ${report.today}`), report.overdueOpen],
      ],
    },
    {
      sheet: w('گروه‌ها', 'Groups'),
      title: w('به تفکیک', 'By group'),
      columns: [{ header: H.group, kind: 'text' }, ...FIGURE_COLUMNS],
      rows: report.groups.map((row) => [row.label, ...figureCells(row)]),
    },
    {
      sheet: w('خدمات', 'Services'),
      title: w('به تفکیک خدمت', 'By service'),
      columns: [{ header: H.title, kind: 'text' }, { header: H.code, kind: 'text' }, ...FIGURE_COLUMNS, overdue],
      rows: report.perService.map((row) => [row.label, row.key, ...figureCells(row), row.overdueOpen]),
    },
    {
      sheet: w('دستگاه‌ها', 'Agencies'),
      title: w('به تفکیک دستگاه اجرایی', 'By agency'),
      columns: [{ header: H.title, kind: 'text' }, ...FIGURE_COLUMNS, overdue],
      rows: report.perAgency.map((row) => [row.label, ...figureCells(row), row.overdueOpen]),
    },
    frequencySheet(
      w('محل ثبت', 'Channels'),
      w('درخواست‌ها به تفکیک محل ثبت', 'Requests by where they were made'),
      report.perChannel,
    ),
  ];
}

const yes = w('بلی', 'Yes');
const no = w('خیر', 'No');
const has = w('دارد', 'Has');
const hasNot = w('ندارد', 'Has not');
const yesNo = (value: boolean | null): Cell => (value === null ? null : value ? yes : no);
const hasOrNot = (value: boolean | null): Cell => (value === null ? null : value ? has : hasNot);

export function auditTables(report: AuditReport): Table[] {
  const service = [
    { header: w('عنوان خدمت', 'Service'), kind: 'text' as const },
    { header: w('کد خدمت', 'Service code'), kind: 'text' as const },
    { header: w('دستگاه', 'Agency'), kind: 'text' as const },
  ];
  const text = (fa: string, en: string) => ({ header: w(fa, en), kind: 'text' as const });
  return [
    {
      sheet: w('بخش ۱', 'Part 1'),
      title: w('تعیین موقعیت ارائه خدمات در میز خدمت', 'Where the services are delivered'),
      columns: [
        { header: H.title, kind: 'text' },
        { header: H.value, kind: 'statistic' },
      ],
      rows: [
        [w('مجموع خدمات (a)', 'All services (a)'), report.a],
        [w('میز خدمت حضوری (b)', 'In-person desk (b)'), report.b],
        [w('میز خدمت الکترونیکی (c)', 'Electronic desk (c)'), report.c],
        [w('ترکیب حضوری و الکترونیکی (d)', 'In person and electronic combined (d)'), report.d],
        [w('خارج از میز خدمت (e)', 'Outside the desk (e)'), report.e],
        [w('نسبت خدمات حضوری به کل (b/a، درصد)', 'In-person share (b/a, percent)'), report.inPersonShare],
        [
          w('نسبت خدمات الکترونیکی به کل ((c+d)/a، درصد)', 'Electronic share ((c+d)/a, percent)'),
          report.electronicShare,
        ],
        [w('خدمات معلق (از a)', 'Suspended services (of a)'), report.inactive],
      ],
    },
    {
      sheet: w('جدول ۲', 'Table 2'),
      title: w('گزارش تجمعی عملکرد', 'Aggregate report'),
      columns: [
        text('عنوان دستگاه', 'Agency'),
        { header: w('تعداد کل خدمات', 'All services'), kind: 'count' },
        { header: w('میز خدمت حضوری', 'In-person desk'), kind: 'count' },
        { header: w('میز خدمت الکترونیکی', 'Electronic desk'), kind: 'count' },
        { header: w('ترکیب حضوری و الکترونیکی', 'Combined'), kind: 'count' },
        { header: w('خارج از میز خدمت', 'Outside the desk'), kind: 'count' },
      ],
      rows: report.table2.map((row) => [
        row.label,
        row.services,
        row.inPerson,
        row.electronic,
        row.combined,
        row.outside,
      ]),
    },
    {
      sheet: w('بخش ۴', 'Part 4'),
      title: w('خدمات میز خدمت حضوری', 'Services of the in-person desk'),
      columns: [
        ...service,
        text('ارائه فرم و تعیین زمان دریافت خدمت', 'Receipt with the delivery time'),
        {
          header: w('نسبت مدارک اخذشده در مراجعه اول (درصد)', 'Documents taken at the first visit (percent)'),
          kind: 'percent',
        },
        text('ارائه فرم نظرسنجی', 'Satisfaction form offered'),
        { header: w('درخواست‌ها در بازه', 'Requests in the range'), kind: 'count' },
        { header: w('رسیدهای چاپ‌شده', 'Receipts printed'), kind: 'count' },
        { header: w('پاسخ‌های نظرسنجی', 'Survey responses'), kind: 'count' },
      ],
      rows: report.part4.map((row) => [
        row.title,
        row.code,
        row.agency,
        yesNo(row.receiptWithDueDate),
        row.documentsAtFirstVisit,
        yesNo(row.surveyOffered),
        row.requests,
        row.receipts,
        row.surveyResponses,
      ]),
    },
    {
      sheet: w('بخش ۵', 'Part 5'),
      title: w('خدمات میز خدمت الکترونیکی', 'Services of the electronic desk'),
      columns: [
        ...service,
        text('آدرس صفحه الکترونیکی ارائه خدمت', 'Web page of the service'),
        text('ارسال الکترونیکی مدارک', 'Documents sent electronically'),
        text('درخواست با فرم الکترونیکی', 'Request by electronic form'),
        text('ارائه الکترونیکی خدمت', 'Delivered electronically'),
        text('ارائه کد رهگیری', 'Tracking code'),
        text('رهگیری مراحل با کد رهگیری', 'Stages tracked by the code'),
        text('پیامک مراحل', 'SMS of the stages'),
        text('نظرسنجی الکترونیکی', 'Electronic survey'),
      ],
      rows: report.part5.map((row) => [
        row.title,
        row.code,
        row.agency,
        row.pageAddress,
        hasOrNot(row.documentUpload),
        hasOrNot(row.electronicForms),
        hasOrNot(row.electronicDelivery),
        hasOrNot(row.trackingCode),
        hasOrNot(row.stageTracking),
        hasOrNot(row.smsOfStages),
        hasOrNot(row.electronicSurvey),
      ]),
      notes: [
        w(
          'خانه‌های خالی را ترمینال نمی‌داند: با دست پر شوند.',
          'Blank cells are not known to the terminal: fill them in by hand.',
        ),
      ],
    },
  ];
}

function textOf(cell: Cell, language: Language): string | number | null {
  if (cell === null || typeof cell === 'number' || typeof cell === 'string') return cell;
  if (typeof cell === 'boolean') return (cell ? yes : no)[language];
  return cell[language];
}

/** Percents with their one decimal, as the seeds print 100.0 and 9.1. */
function csvCell(cell: Cell, kind: Kind, language: Language): string {
  const value = textOf(cell, language);
  if (value === null) return '';
  return typeof value === 'number' && kind === 'percent' ? value.toFixed(1) : String(value);
}

export function tablesToCsv(tables: readonly Table[], language: Language): string {
  const records: string[][] = [];
  for (const table of tables) {
    if (records.length > 0) records.push([]);
    records.push([table.title[language]]);
    records.push(table.columns.map((column) => column.header[language]));
    for (const row of table.rows)
      records.push(row.map((cell, i) => csvCell(cell, table.columns[i]?.kind ?? 'text', language)));
    for (const note of table.notes ?? []) records.push([note[language]]);
  }
  return BOM + stringify(records, { record_delimiter: '\r\n' });
}

const NUMBER_FORMATS: Record<Kind, string | undefined> = {
  text: undefined,
  count: '0',
  percent: '0.0',
  // Excel's General shows 4.11, 4 and 0.56 as the seeds do; '0.##' would leave "4." with its point.
  statistic: undefined,
};

/** Excel's rules for a sheet's name: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[:\\/?*[\]]/g, '-').slice(0, 31) || 'sheet';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)}~${i}`;
  taken.add(name.toLowerCase());
  return name;
}

export async function tablesToXlsx(tables: readonly Table[], language: Language): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mizban';
  const taken = new Set<string>();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.sheet[language], taken), {
      views: [{ rightToLeft: language === 'fa' }],
    });
    sheet.addRow([table.title[language]]).font = { bold: true };
    sheet.addRow(table.columns.map((column) => column.header[language])).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((cell) => textOf(cell, language)));
    for (const note of table.notes ?? []) sheet.addRow([note[language]]);
    table.columns.forEach((column, i) => {
      const format = NUMBER_FORMATS[column.kind];
      const sheetColumn = sheet.getColumn(i + 1);
      sheetColumn.width = column.kind === 'text' ? 36 : 14;
      if (format) sheetColumn.numFmt = format;
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export const MIME_TYPES: Record<ReportFileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

type AnyReport = SatisfactionReport | DeliveryReport | AuditReport;

function tablesOf(kind: 'satisfaction' | 'delivery' | 'audit', report: AnyReport): Table[] {
  if (kind === 'satisfaction') return satisfactionTables(report as SatisfactionReport);
  return kind === 'delivery' ? deliveryTables(report as DeliveryReport) : auditTables(report as AuditReport);
}

/** 'mizban-satisfaction-national-16-1403-01-01-1403-12-29.xlsx': what and which days, sortable. */
export function reportFileName(kind: string, report: AnyReport, format: ReportFileFormat): string {
  const subject = 'questionnaire' in report ? `-${report.questionnaire.id}` : '';
  const days = [report.from ?? 'start', report.to ?? 'now'].map((day) => day.replaceAll('/', '-')).join('-');
  return `mizban-${kind}${subject}-${days}.${format}`;
}

export async function reportFile(
  kind: 'satisfaction' | 'delivery' | 'audit',
  report: AnyReport,
  options: { format: ReportFileFormat; language: Language },
): Promise<ReportFile> {
  const tables = tablesOf(kind, report);
  const bytes =
    options.format === 'csv'
      ? new TextEncoder().encode(tablesToCsv(tables, options.language))
      : await tablesToXlsx(tables, options.language);
  return { fileName: reportFileName(kind, report, options.format), mimeType: MIME_TYPES[options.format], bytes };
}
