import { z } from 'zod';
import { ROLES, type Role } from './roles';
import { REQUEST_STATUSES } from './requests';
import { settingsSchema } from './settings';

/**
 * Everything the core pushes to the faces goes through one subscription, as one of
 * these events. Each kind names the roles that may receive it.
 */
export const eventSchemas = {
  'settings.changed': z.object({ type: z.literal('settings.changed'), settings: settingsSchema }),
  /** A request was taken or moved: counters refresh their queue without a reload. */
  'queue.changed': z.object({
    type: z.literal('queue.changed'),
    trackingCode: z.string(),
    status: z.enum(REQUEST_STATUSES),
  }),
  /**
   * The administrator gave the exit PIN on the kiosk: the Electron shell leaves kiosk mode
   * (main/index.ts); the Chromium shell has nothing to leave. Not for kiosk windows.
   */
  'kiosk.exited': z.object({ type: z.literal('kiosk.exited'), at: z.string() }),
  /** A counter hands a just-delivered citizen to the survey: the kiosk or customer display opens it. */
  'survey.offered': z.object({ type: z.literal('survey.offered'), trackingCode: z.string() }),
} as const;

export const eventRoles: { [K in keyof typeof eventSchemas]: readonly Role[] } = {
  'settings.changed': ROLES,
  'queue.changed': ['clerk', 'supervisor', 'admin'],
  'kiosk.exited': ['admin'],
  'survey.offered': ['kiosk'],
};

export const eventSchema = z.discriminatedUnion('type', [
  eventSchemas['settings.changed'],
  eventSchemas['queue.changed'],
  eventSchemas['kiosk.exited'],
  eventSchemas['survey.offered'],
]);
export type AppEvent = z.infer<typeof eventSchema>;
export type EventType = AppEvent['type'];
