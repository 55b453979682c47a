import { z } from 'zod';
import type { ChannelDefinition } from './channel';
import { jalaliDateSchema } from './calendar';
import { titleSchema } from './catalogue';
import {
  companyNameSchema,
  legalIdSchema,
  mobileSchema,
  nationalCodeSchema,
  normalizeDigits,
  personNameSchema,
} from './identity';
import { trackingCodeSchema } from './tracking-code';

/**
 * A citizen's request, from the moment it is taken to the moment it is handed over.
 * The statuses and the moves between them are data, so that the counter shows exactly
 * the actions the core will accept.
 */
export const REQUEST_STATUSES = [
  'registered',
  'in_progress',
  'waiting_citizen',
  'ready',
  'delivered',
  'rejected',
  'cancelled',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Statuses a request is still being worked in: the queue. */
export const OPEN_STATUSES: readonly RequestStatus[] = ['registered', 'in_progress', 'waiting_citizen', 'ready'];

export const TRANSITIONS: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  registered: ['in_progress', 'waiting_citizen', 'rejected', 'cancelled'],
  in_progress: ['waiting_citizen', 'ready', 'rejected', 'cancelled'],
  waiting_citizen: ['in_progress', 'rejected', 'cancelled'],
  ready: ['delivered', 'waiting_citizen', 'cancelled'],
  delivered: [],
  rejected: [],
  cancelled: [],
};

export function canMove(from: RequestStatus, to: RequestStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Where a request was taken. */
export const INTAKE_CHANNELS = ['kiosk', 'counter', 'import'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

/**
 * What a request asks of the person, by the service's type: only what the request needs.
 * G2C: the person; G2B: the legal entity and its representative.
 */
export const g2cApplicantSchema = z.object({
  nationalCode: nationalCodeSchema,
  name: personNameSchema,
  mobile: mobileSchema,
});
export const g2bApplicantSchema = z.object({
  legalId: legalIdSchema,
  company: companyNameSchema,
  name: personNameSchema,
  mobile: mobileSchema,
});
export type Applicant = { nationalCode?: string; legalId?: string; company?: string; name: string; mobile: string };

export function applicantSchemaFor(type: 'G2C' | 'G2B') {
  return type === 'G2C' ? g2cApplicantSchema : g2bApplicantSchema;
}

const mobileLastFourSchema = z
  .string()
  .transform((text) => normalizeDigits(text.trim()))
  .pipe(z.string().regex(/^\d{4}$/, 'mobileLastFour.invalid'));

const eventSchema = z.object({
  at: z.string(),
  from: z.enum(REQUEST_STATUSES).nullable(),
  to: z.enum(REQUEST_STATUSES),
});

const serviceRefSchema = z.object({ code: z.string(), title: titleSchema, agencyTitle: titleSchema });

/** What a receipt and a look-up show: no personal data beyond masked digits. */
export const requestPublicSchema = z.object({
  trackingCode: z.string(),
  status: z.enum(REQUEST_STATUSES),
  service: serviceRefSchema,
  createdAt: z.string(),
  dueDate: z.string(),
  dueDateEstimated: z.boolean(),
  timeline: z.array(eventSchema),
});
export type RequestPublic = z.infer<typeof requestPublicSchema>;

/** The whole request, for the clerk. */
export const requestDetailSchema = requestPublicSchema.extend({
  channel: z.enum(INTAKE_CHANNELS),
  applicant: z.object({
    nationalCode: z.string().nullable(),
    legalId: z.string().nullable(),
    company: z.string().nullable(),
    name: z.string().nullable(),
    mobile: z.string().nullable(),
  }),
  purged: z.boolean(),
  events: z.array(
    eventSchema.extend({ actor: z.string(), note: z.string().nullable(), dueDate: z.string().nullable() }),
  ),
  allowed: z.array(z.enum(REQUEST_STATUSES)),
});
export type RequestDetail = z.infer<typeof requestDetailSchema>;

export const queueItemSchema = z.object({
  trackingCode: z.string(),
  status: z.enum(REQUEST_STATUSES),
  service: serviceRefSchema,
  name: z.string().nullable(),
  createdAt: z.string(),
  dueDate: z.string(),
  dueDateEstimated: z.boolean(),
  overdue: z.boolean(),
  dueToday: z.boolean(),
});
export type QueueItem = z.infer<typeof queueItemSchema>;

export const REQUEST_FIELD_ERRORS = ['mobileLastFour.invalid'] as const;

const STAFF = ['clerk', 'supervisor', 'admin'] as const;

export const requestChannels = {
  'requests.create': {
    input: z
      .object({
        serviceCode: z.string().max(32),
        /** Checked against the service's type in the core: G2C or G2B fields. */
        applicant: z.record(z.string(), z.unknown()),
      })
      .strict(),
    output: requestPublicSchema.extend({ printJobId: z.number().int().nullable() }),
    roles: ['kiosk', 'clerk'],
  },
  'requests.lookup': {
    input: z.object({ trackingCode: trackingCodeSchema, mobileLastFour: mobileLastFourSchema }).strict(),
    output: requestPublicSchema,
    roles: ['kiosk', 'clerk'],
  },
  'requests.get': {
    input: z.object({ trackingCode: trackingCodeSchema }).strict(),
    output: requestDetailSchema,
    roles: STAFF,
  },
  'requests.queue': {
    input: z
      .object({
        statuses: z.array(z.enum(REQUEST_STATUSES)).max(REQUEST_STATUSES.length).optional(),
        serviceCode: z.string().max(32).optional(),
        agencyCode: z.string().max(32).optional(),
        /** The Jalali day the request was made. */
        day: jalaliDateSchema.optional(),
        /** A tracking code, a national code or legal ID, or a mobile number, in any digits. */
        search: z.string().max(40).optional(),
        limit: z.number().int().min(1).max(200).default(50),
        offset: z.number().int().min(0).max(1_000_000).default(0),
      })
      .strict(),
    output: z.object({ items: z.array(queueItemSchema), hasMore: z.boolean() }),
    roles: STAFF,
  },
  'requests.transition': {
    input: z
      .object({
        trackingCode: trackingCodeSchema,
        to: z.enum(REQUEST_STATUSES),
        note: z.string().trim().max(500).optional(),
      })
      .strict(),
    output: requestDetailSchema,
    roles: ['clerk'],
  },
} as const satisfies Record<string, ChannelDefinition>;
