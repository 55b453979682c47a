import { z } from 'zod';
import { ROLES, type Role } from './roles';
import { settingsSchema } from './settings';

/**
 * Everything the core pushes to the faces goes through one subscription, as one of
 * these events. Each kind names the roles that may receive it.
 */
export const eventSchemas = {
  'settings.changed': z.object({ type: z.literal('settings.changed'), settings: settingsSchema }),
} as const;

export const eventRoles: { [K in keyof typeof eventSchemas]: readonly Role[] } = {
  'settings.changed': ROLES,
};

export const eventSchema = z.discriminatedUnion('type', [eventSchemas['settings.changed']]);
export type AppEvent = z.infer<typeof eventSchema>;
export type EventType = AppEvent['type'];
