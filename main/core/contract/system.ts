import { z } from 'zod';
import type { ChannelDefinition } from './channel';
import { emptyInput } from './empty';
import { PRINTER_STATES } from './printing';
import { ROLES } from './roles';
import { settingChangeSchema, settingsSchema } from './settings';

/** The terminal itself: its health and its settings. */
export const systemChannels = {
  'system.health': {
    input: emptyInput,
    output: z.object({
      appVersion: z.string(),
      database: z.object({ path: z.string(), schemaVersion: z.number().int() }),
      printer: z.object({ status: z.enum(PRINTER_STATES) }),
    }),
    roles: ROLES,
  },
  'settings.get': {
    input: emptyInput,
    output: settingsSchema,
    roles: ROLES,
  },
  'settings.set': {
    input: settingChangeSchema,
    output: settingsSchema,
    roles: ['admin'],
  },
} as const satisfies Record<string, ChannelDefinition>;
