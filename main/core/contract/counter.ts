import { z } from 'zod';
import type { ChannelDefinition } from './channel';
import { bilingualSchema } from './catalogue';
import { trackingCodeSchema } from './tracking-code';

/**
 * What the counter adds to a request: the checklist of the documents the citizen has
 * handed in, against the service's list in the catalogue.
 */
export const documentCheckSchema = z.object({
  /** Its place in the service's list of documents. */
  index: z.number().int(),
  title: bilingualSchema,
  received: z.boolean(),
  /** Who ticked or unticked it last, and when; null if nobody has. */
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type DocumentCheck = z.infer<typeof documentCheckSchema>;

export const COUNTER_ERROR_CODES = ['documents.not_found'] as const;

export const counterChannels = {
  'documents.list': {
    input: z.object({ trackingCode: trackingCodeSchema }).strict(),
    output: z.array(documentCheckSchema),
    roles: ['clerk'],
  },
  'documents.mark': {
    input: z
      .object({ trackingCode: trackingCodeSchema, index: z.number().int().min(0).max(99), received: z.boolean() })
      .strict(),
    output: z.array(documentCheckSchema),
    roles: ['clerk'],
  },
} as const satisfies Record<string, ChannelDefinition>;
