import { z } from 'zod';
import type { ChannelDefinition } from './channel';
import { ROLES } from './roles';
import { trackingCodeSchema } from './tracking-code';

/**
 * The receipt printer as the faces see it: one state word, from its real-time status
 * (DLE EOT) or from not reaching it at all.
 */
export const PRINTER_STATES = [
  'ready',
  'paper_near_end',
  'paper_out',
  'cover_open',
  'offline',
  'unreachable',
  'not_configured',
] as const;
export type PrinterState = (typeof PRINTER_STATES)[number];

/** Whether a receipt can be promised on paper now. */
export function printerCanPrint(state: PrinterState): boolean {
  return state === 'ready' || state === 'paper_near_end';
}

/** A service receipt, a survey slip (both of a request), or a test page (of none). */
export const PRINT_JOB_KINDS = ['receipt', 'survey_slip', 'test'] as const;

export const PRINT_JOB_STATUSES = ['queued', 'printing', 'done', 'failed'] as const;

export const printJobSchema = z.object({
  id: z.number().int(),
  kind: z.enum(PRINT_JOB_KINDS),
  trackingCode: z.string().nullable(),
  copy: z.boolean(),
  status: z.enum(PRINT_JOB_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PrintJob = z.infer<typeof printJobSchema>;

const printerStatusSchema = z.object({ state: z.enum(PRINTER_STATES), checkedAt: z.string() });

const STAFF = ['clerk', 'supervisor', 'admin'] as const;

export const printingChannels = {
  /** Before the kiosk promises paper: may it? */
  'printer.status': {
    input: z.object({}).strict(),
    output: printerStatusSchema,
    roles: ROLES,
  },
  'printer.test': {
    input: z.object({}).strict(),
    output: z.object({ jobId: z.number().int() }),
    roles: ['admin'],
  },
  /** The receipt as printed (the same image), for the screen: with the mobile's last digits, as a look-up. */
  'receipt.preview': {
    input: z
      .object({
        trackingCode: trackingCodeSchema,
        mobileLastFour: z
          .string()
          .regex(/^[0-9۰-۹٠-٩]{4}$/, 'mobileLastFour.invalid')
          .optional(),
      })
      .strict(),
    output: z.object({ png: z.string(), width: z.number().int(), height: z.number().int() }),
    roles: ['kiosk', ...STAFF],
  },
  'print.reprint': {
    input: z.object({ trackingCode: trackingCodeSchema }).strict(),
    output: z.object({ jobId: z.number().int() }),
    roles: ['clerk'],
  },
  /** One job's progress: the kiosk follows its receipt (what may have happened before it listened). */
  'print.job': {
    input: z.object({ jobId: z.number().int() }).strict(),
    output: printJobSchema.pick({ status: true, attempts: true, lastError: true }),
    roles: ['kiosk', ...STAFF],
  },
  'print.jobs': {
    input: z.object({ limit: z.number().int().min(1).max(200).default(50) }).strict(),
    output: z.array(printJobSchema),
    roles: STAFF,
  },
  'print.retry': {
    input: z.object({ jobId: z.number().int() }).strict(),
    output: printJobSchema,
    roles: ['clerk', 'admin'],
  },
} as const satisfies Record<string, ChannelDefinition>;

export const PRINTING_ERROR_CODES = ['print.job_not_found', 'print.job_not_failed'] as const;
