import { z } from 'zod';
import type { ChannelDefinition } from './channel';

/**
 * The catalogue of a desk: agencies and their services, with everything the national audit
 * form (directive 1717668, parts 1 and 3) asks to be published for each service. This is
 * also the format of catalogue files (import, export, the shipped sample).
 */

/** Text in Persian, with English where it has been written. */
export const bilingualSchema = z.object({
  fa: z.string().trim().min(1, 'text.required').max(4000),
  en: z.string().trim().max(4000).optional(),
});
export type Bilingual = z.infer<typeof bilingualSchema>;

/** A title: short, and in both languages (the kiosk offers both). */
export const titleSchema = z.object({
  fa: z.string().trim().min(1, 'text.required').max(200),
  en: z.string().trim().min(1, 'text.required').max(200),
});

export const SERVICE_TYPES = ['G2C', 'G2B'] as const;

/**
 * Where a service is delivered, as the audit form counts them: b in person at the desk,
 * c at the electronic desk, d both combined, e only in the agency's own units.
 */
export const DELIVERY_CHANNELS = ['in_person', 'electronic', 'combined', 'agency_only'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

const codeSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$/, 'code.invalid');

export const agencySchema = z.object({
  code: codeSchema,
  title: titleSchema,
  /** Content written for the sample catalogue, not taken from the agency: replace it. */
  sample: z.boolean().default(false),
});
export type Agency = z.infer<typeof agencySchema>;

export const serviceSchema = z
  .object({
    code: codeSchema,
    agencyCode: codeSchema,
    title: titleSchema,
    type: z.enum(SERVICE_TYPES),
    delivery: z.enum(DELIVERY_CHANNELS),
    /** Required when the service is not delivered electronically: the form asks why. */
    notElectronicReason: bilingualSchema.optional(),
    steps: z.array(bilingualSchema).min(1, 'steps.required'),
    documents: z.array(bilingualSchema),
    rules: z.array(bilingualSchema),
    /** Time from request to delivery, in working days; the due date is computed from it. */
    workingDays: z.number().int().min(0).max(365),
    fee: z.object({
      amountRial: z.number().int().min(0),
      how: bilingualSchema,
      where: bilingualSchema,
    }),
    complaint: bilingualSchema,
    responsibleUnit: bilingualSchema,
    faq: z.array(z.object({ q: bilingualSchema, a: bilingualSchema })),
    /** A suspended service stays in the catalogue but takes no requests. */
    active: z.boolean().default(true),
    sample: z.boolean().default(false),
  })
  .superRefine(
    (service, ctx) => {
      const electronic = service.delivery === 'electronic' || service.delivery === 'combined';
      if (!electronic && !service.notElectronicReason) {
        ctx.addIssue({ code: 'custom', path: ['notElectronicReason'], message: 'notElectronicReason.required' });
      }
    },
    // Also when other fields of the service are wrong, so that every problem is named at once.
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );
export type Service = z.infer<typeof serviceSchema>;

export const CATALOGUE_FORMAT_VERSION = 1;

/** A whole catalogue file. Codes are checked for uniqueness and agencies for existence on import. */
export const catalogueFileSchema = z.object({
  format: z.literal(CATALOGUE_FORMAT_VERSION),
  agencies: z.array(agencySchema),
  services: z.array(serviceSchema),
});
export type CatalogueFile = z.infer<typeof catalogueFileSchema>;

export const FILE_FORMATS = ['json', 'csv'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/** A service as a list shows it: enough to choose one. */
export const serviceSummarySchema = z.object({
  code: z.string(),
  agencyCode: z.string(),
  title: titleSchema,
  type: z.enum(SERVICE_TYPES),
  delivery: z.enum(DELIVERY_CHANNELS),
  workingDays: z.number().int(),
  active: z.boolean(),
});
export type ServiceSummary = z.infer<typeof serviceSummarySchema>;

const importCountsSchema = z.object({ added: z.number().int(), updated: z.number().int() });

/** Reading the catalogue is open to every face; changing it is the administrator's. */
export const catalogueChannels = {
  'catalogue.agencies': {
    input: z.object({}).strict(),
    output: z.array(z.object({ code: z.string(), title: titleSchema, services: z.number().int() })),
    roles: ['kiosk', 'clerk', 'supervisor', 'admin'],
  },
  'catalogue.services': {
    input: z
      .object({
        agencyCode: z.string().max(32).optional(),
        /** Search as you type: Persian spelling variants and half-spaces do not matter. */
        query: z.string().max(100).optional(),
        includeInactive: z.boolean().optional(),
      })
      .strict(),
    output: z.array(serviceSummarySchema),
    roles: ['kiosk', 'clerk', 'supervisor', 'admin'],
  },
  'catalogue.service': {
    input: z.object({ code: z.string().max(32) }).strict(),
    output: z.object({ service: serviceSchema, agency: agencySchema }),
    roles: ['kiosk', 'clerk', 'supervisor', 'admin'],
  },
  'catalogue.import': {
    input: z.object({ format: z.enum(FILE_FORMATS), content: z.string().max(20_000_000) }).strict(),
    output: z.object({ agencies: importCountsSchema, services: importCountsSchema }),
    roles: ['admin'],
  },
  'catalogue.export': {
    input: z.object({ format: z.enum(FILE_FORMATS) }).strict(),
    output: z.object({ fileName: z.string(), content: z.string() }),
    roles: ['admin'],
  },
} as const satisfies Record<string, ChannelDefinition>;

/** Field-error codes of catalogue files, besides zod's own (`invalid_type`, `too_small` …). */
export const CATALOGUE_FIELD_ERRORS = [
  'file.unreadable',
  'file.column_missing',
  'code.invalid',
  'code.duplicate',
  'agency.unknown',
  'text.required',
  'steps.required',
  'notElectronicReason.required',
] as const;
