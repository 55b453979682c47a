import { z } from 'zod';
import type { ChannelDefinition } from './channel';
import { agencySchema, serviceSchema } from './catalogue';
import { emptyInput } from './empty';

/** The admin face's own refusals; they join ERROR_CODES (errors.ts). */
export const ADMIN_ERROR_CODES = [
  /** A service saved under an agency the catalogue does not have. */
  'catalogue.agency_not_found',
  /** The backup could not be written (a full disk, a folder that cannot be written). */
  'system.backup_failed',
] as const;

/** A backup of the terminal's database, in the user data folder's `backups/`. */
export const backupSchema = z.object({
  fileName: z.string(),
  path: z.string(),
  bytes: z.number().int(),
  createdAt: z.string(),
});
export type Backup = z.infer<typeof backupSchema>;

/** What only an administrator changes besides the settings: a service's fields, a backup made now. */
export const adminChannels = {
  /** Adds or updates one service by its code, checked like a service of a catalogue file. */
  'catalogue.saveService': {
    input: serviceSchema,
    output: z.object({ service: serviceSchema, agency: agencySchema }),
    roles: ['admin'],
  },
  'system.backup': {
    input: emptyInput,
    output: backupSchema,
    roles: ['admin'],
  },
  /** The newest backups first. */
  'system.backups': {
    input: z.object({ limit: z.number().int().min(1).max(100).default(10) }).strict(),
    output: z.array(backupSchema),
    roles: ['admin'],
  },
} as const satisfies Record<string, ChannelDefinition>;
