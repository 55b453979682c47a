import { z } from 'zod';
import type { ChannelDefinition } from './channel';
import { jalaliDateSchema } from './calendar';
import { DELIVERY_CHANNELS } from './catalogue';
import { LANGUAGES } from './locale';
import { INTAKE_CHANNELS } from './requests';

/**
 * The reports: satisfaction statistics like the provinces publish (seeds 000 and 001),
 * on-time delivery, and the national audit form's tables (seed 002). Every figure is
 * computed in the core, in a worker thread; a face only lays the numbers out.
 *
 * Rounding is half away from zero, on the exact ratio: percents to one decimal, the
 * statistics to two, as the seeds print them. A cumulative percent is the cumulative
 * count's percent, never a sum of rounded percents.
 */

/** Field-error codes of the report inputs: they come inside `input.invalid`'s issues. */
export const REPORT_FIELD_ERRORS = [
  /** `from` is after `to`. */
  'reports.range_invalid',
  /** The agency filter names no agency of the catalogue. */
  'reports.agency_unknown',
] as const;

/** The reports' refusals; they join ERROR_CODES (errors.ts). */
export const REPORT_ERROR_CODES = [
  /** This shell has no way to print a PDF (a core opened without one). */
  'reports.pdf_unavailable',
] as const;

export const REPORT_GROUPINGS = ['quarter', 'month', 'service', 'agency', 'clerk'] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

/** The acceptance target when none is given (seed 001: 70%). */
export const DEFAULT_ACCEPTANCE_TARGET = 70;

/** How the figures were computed: what a report's footnote says. */
export const reportMethodSchema = z.object({
  /** Standard deviation and variance divide by n, as the seeds do (population variance). */
  variance: z.literal('population'),
  rounding: z.literal('half_away_from_zero'),
  percentDecimals: z.literal(1),
  statisticDecimals: z.literal(2),
});
export const REPORT_METHOD: z.infer<typeof reportMethodSchema> = {
  variance: 'population',
  rounding: 'half_away_from_zero',
  percentDecimals: 1,
  statisticDecimals: 2,
};

const text = z.object({ fa: z.string(), en: z.string() });
const count = z.number().int().min(0);
const percent = z.number().min(0).max(100);

/** The range and the catalogue filters every report takes. Both ends are included. */
const rangeInput = {
  from: jalaliDateSchema.optional(),
  to: jalaliDateSchema.optional(),
  service: z.string().max(32).optional(),
  agency: z.string().max(32).optional(),
};

export const satisfactionInputSchema = z
  .object({
    questionnaire: z.string().max(40),
    /** The version whose responses are counted; the newest when absent. */
    version: z.number().int().min(1).optional(),
    ...rangeInput,
    /** Without it, one group with the key `all`. */
    by: z.enum(REPORT_GROUPINGS).optional(),
    /** The acceptance target in percent; the terminal's setting when absent. */
    target: z.number().min(0).max(100).optional(),
  })
  .strict();
export type SatisfactionInput = z.infer<typeof satisfactionInputSchema>;

export const deliveryInputSchema = z.object({ ...rangeInput, by: z.enum(REPORT_GROUPINGS).optional() }).strict();
export type DeliveryInput = z.infer<typeof deliveryInputSchema>;

export const auditInputSchema = z.object(rangeInput).strict();
export type AuditInput = z.infer<typeof auditInputSchema>;

/** One row of a frequency table: a level, a choice or a demographic bracket. */
export const frequencyRowSchema = z.object({
  value: z.union([z.number(), z.string()]),
  label: text,
  count,
  percent,
  cumulativePercent: percent,
});
export type FrequencyRow = z.infer<typeof frequencyRowSchema>;

/** The statistics of answers on one scale; "no opinion" is counted apart and left out of every statistic. */
const scaleStatistics = {
  n: count,
  noOpinion: count,
  /** Every level, best to worst, with 0 where nobody chose it. */
  frequencies: z.array(frequencyRowSchema),
  mean: z.number().nullable(),
  /** The middle value; for an even n the average of the two middle values. */
  median: z.number().nullable(),
  /** Every value with the highest count, ascending; empty when n is 0. */
  modes: z.array(z.number()),
  sd: z.number().nullable(),
  variance: z.number().nullable(),
  /** The percent of answers in the two best levels. */
  acceptance: percent.nullable(),
  /** Whether the acceptance, as printed, reaches the target; null when n is 0. */
  targetMet: z.boolean().nullable(),
};
export const scaleStatisticsSchema = z.object(scaleStatistics);
export type ScaleStatistics = z.infer<typeof scaleStatisticsSchema>;

export const itemReportSchema = z.discriminatedUnion('kind', [
  z.object({ id: z.string(), kind: z.literal('scale'), text, ...scaleStatistics }),
  /** A single choice: the frequencies alone. */
  z.object({
    id: z.string(),
    kind: z.literal('choice'),
    text,
    n: count,
    noOpinion: count,
    frequencies: z.array(frequencyRowSchema),
  }),
]);
export type ItemReport = z.infer<typeof itemReportSchema>;

/** All of an axis' answers together (axes whose items share one scale). */
export const axisReportSchema = z.object({ id: z.string(), title: text, ...scaleStatistics });
export type AxisReport = z.infer<typeof axisReportSchema>;

export const satisfactionGroupSchema = z.object({
  /** 'all'; a quarter '1403/Q1'; a month '1403/01'; a service or agency code; a clerk; '' for not known. */
  key: z.string(),
  label: text,
  n: count,
  items: z.array(itemReportSchema),
  axes: z.array(axisReportSchema),
  /** The questionnaire as a whole: every scale item's answers together; null when its items use different scales. */
  overall: scaleStatisticsSchema.nullable(),
});
export type SatisfactionGroup = z.infer<typeof satisfactionGroupSchema>;

export const DEMOGRAPHICS = ['gender', 'age', 'education', 'job', 'visits'] as const;
export type Demographic = (typeof DEMOGRAPHICS)[number];
const demographicTables = z.object({
  gender: z.array(frequencyRowSchema),
  age: z.array(frequencyRowSchema),
  education: z.array(frequencyRowSchema),
  job: z.array(frequencyRowSchema),
  visits: z.array(frequencyRowSchema),
});

export const satisfactionReportSchema = z.object({
  questionnaire: z.object({ id: z.string(), version: z.number().int(), title: text }),
  from: jalaliDateSchema.nullable(),
  to: jalaliDateSchema.nullable(),
  by: z.enum(REPORT_GROUPINGS).nullable(),
  /** Responses counted. */
  n: count,
  target: percent,
  groups: z.array(satisfactionGroupSchema),
  /** Responses by the service they were about (seed 000's "type of service"), '' for anonymous ones. */
  services: z.array(frequencyRowSchema),
  /** Percents of the responses that answered each question (seed 000's tables). */
  demographics: demographicTables,
  /** Responses that left the question unanswered, or gave an age outside the brackets. */
  demographicsNotStated: z.object({ gender: count, age: count, education: count, job: count, visits: count }),
  suggestions: count,
  /** The percent of responses with a suggestion; null when n is 0. */
  suggestionShare: percent.nullable(),
  method: reportMethodSchema,
});
export type SatisfactionReport = z.infer<typeof satisfactionReportSchema>;

/** Delivery figures of a set of requests. */
const deliveryFigures = {
  /** Requests made in the range (null where the grouping is not one of requests, e.g. by clerk). */
  requests: count.nullable(),
  /** Requests delivered in the range. */
  delivered: count,
  /** Of those, delivered on or before their due date. */
  onTime: count,
  onTimePercent: percent.nullable(),
  /** Working days from the request's day to its delivery's day, on the terminal's calendar. */
  meanWorkingDaysToDeliver: z.number().nullable(),
};
export const deliveryRowSchema = z.object({ key: z.string(), label: text, ...deliveryFigures });

export const deliveryReportSchema = z.object({
  from: jalaliDateSchema.nullable(),
  to: jalaliDateSchema.nullable(),
  /** The Jalali day "now" is, for what is overdue. */
  today: jalaliDateSchema,
  by: z.enum(REPORT_GROUPINGS).nullable(),
  ...deliveryFigures,
  requests: count,
  late: count,
  /** Open now with a due date before today. */
  overdueOpen: count,
  open: count,
  groups: z.array(deliveryRowSchema),
  perService: z.array(deliveryRowSchema.extend({ agency: z.string(), overdueOpen: count })),
  perAgency: z.array(deliveryRowSchema.extend({ overdueOpen: count })),
  /** Requests made in the range by where they were taken: kiosk, counter, imported. */
  perChannel: z.array(frequencyRowSchema.extend({ value: z.enum(INTAKE_CHANNELS) })),
  method: reportMethodSchema,
});
export type DeliveryReport = z.infer<typeof deliveryReportSchema>;

const serviceRef = {
  code: z.string(),
  title: text,
  agency: text,
  delivery: z.enum(DELIVERY_CHANNELS),
  active: z.boolean(),
};
/** A form's yes/no from the terminal; null where the terminal cannot know: filled in by hand. */
const known = z.boolean().nullable();

export const auditReportSchema = z.object({
  from: jalaliDateSchema.nullable(),
  to: jalaliDateSchema.nullable(),
  /** Part 1: all services, in-person desk, electronic desk, both combined, outside the desk. */
  a: count,
  b: count,
  c: count,
  d: count,
  e: count,
  /** b / a and (c + d) / a, in percent; null when a is 0. */
  inPersonShare: percent.nullable(),
  electronicShare: percent.nullable(),
  /** Of a, the services suspended in the catalogue: still the agency's services, taking no requests. */
  inactive: count,
  /** Table 2: one row per agency, then the desk's row (key 'all'). */
  table2: z.array(
    z.object({
      key: z.string(),
      label: text,
      services: count,
      inPerson: count,
      electronic: count,
      combined: count,
      outside: count,
    }),
  ),
  /** Part 4: the services delivered at the in-person desk (b and d). */
  part4: z.array(
    z.object({
      ...serviceRef,
      receiptWithDueDate: known,
      /** Requests made in the range, and how many of them got a printed receipt. */
      requests: count,
      receipts: count,
      documentsAtFirstVisit: percent.nullable(),
      surveyOffered: known,
      surveyResponses: count,
    }),
  ),
  /** Part 5: the services of the electronic desk (c and d). */
  part5: z.array(
    z.object({
      ...serviceRef,
      pageAddress: z.string().nullable(),
      documentUpload: known,
      electronicForms: known,
      electronicDelivery: known,
      trackingCode: known,
      stageTracking: known,
      smsOfStages: known,
      electronicSurvey: known,
    }),
  ),
  method: reportMethodSchema,
});
export type AuditReport = z.infer<typeof auditReportSchema>;

const REPORT_READERS = ['supervisor', 'admin'] as const;

export const REPORT_FILE_FORMATS = ['csv', 'xlsx'] as const;
export type ReportFileFormat = (typeof REPORT_FILE_FORMATS)[number];
const fileOptions = { format: z.enum(REPORT_FILE_FORMATS), language: z.enum(LANGUAGES).default('fa') };

/** A report as a file, for a face to offer as a download: the same figures, laid out like the seeds' tables. */
export const reportFileInputSchema = z.discriminatedUnion('report', [
  satisfactionInputSchema.extend({ report: z.literal('satisfaction'), ...fileOptions }),
  deliveryInputSchema.extend({ report: z.literal('delivery'), ...fileOptions }),
  auditInputSchema.extend({ report: z.literal('audit'), ...fileOptions }),
]);
export type ReportFileInput = z.infer<typeof reportFileInputSchema>;

const printOptions = {
  language: z.enum(LANGUAGES).default('fa'),
  /** The office's name as its heading says it (the face has the settings; the print page does not ask). */
  office: z.string().max(120).optional(),
};

/**
 * A report to print as a PDF: what `reports.pdf` and `mizban report … --format pdf` take,
 * and what the print page (`?face=report-print`) reads from its address.
 */
export const reportPrintRequestSchema = z.discriminatedUnion('report', [
  satisfactionInputSchema.extend({ report: z.literal('satisfaction'), ...printOptions }),
  deliveryInputSchema.extend({ report: z.literal('delivery'), ...printOptions }),
  auditInputSchema.extend({ report: z.literal('audit'), ...printOptions }),
]);
export type ReportPrintRequest = z.infer<typeof reportPrintRequestSchema>;

/** The print page's address inside the app: the same on app:// (Electron) and in the Chromium shell. */
export function reportPrintPath(request: ReportPrintRequest): string {
  return `/index.html?${new URLSearchParams({ face: 'report-print', request: JSON.stringify(request) }).toString()}`;
}

const fileOutput = z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() });

export const reportChannels = {
  'reports.satisfaction': { input: satisfactionInputSchema, output: satisfactionReportSchema, roles: REPORT_READERS },
  'reports.delivery': { input: deliveryInputSchema, output: deliveryReportSchema, roles: REPORT_READERS },
  'reports.audit': { input: auditInputSchema, output: auditReportSchema, roles: REPORT_READERS },
  'reports.export': {
    input: reportFileInputSchema,
    /** The bytes in base64: every transport carries text. */
    output: fileOutput,
    roles: REPORT_READERS,
  },
  /** The report's print page made into an A4 PDF by the shell's Chromium (Electron's printToPDF, or page.pdf()). */
  'reports.pdf': { input: reportPrintRequestSchema, output: fileOutput, roles: REPORT_READERS },
} as const satisfies Record<string, ChannelDefinition>;
