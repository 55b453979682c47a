import { z } from 'zod';
import { ROLES, type Role } from './roles';
import { PRINTER_STATES, printJobSchema } from './printing';
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
  /** The receipt printer's state changed (paper out, cover open, back again …). */
  'printer.status': z.object({
    type: z.literal('printer.status'),
    state: z.enum(PRINTER_STATES),
    checkedAt: z.string(),
  }),
  /** A print job moved: the kiosk learns its receipt printed, the staff that one failed. */
  'print.job': z.object({ type: z.literal('print.job'), job: printJobSchema }),
  /** The receipt scanner read a code: the face puts it where a tracking code is asked. */
  'scanner.code': z.object({ type: z.literal('scanner.code'), code: z.string() }),
} as const;

export const eventRoles: { [K in keyof typeof eventSchemas]: readonly Role[] } = {
  'settings.changed': ROLES,
  'queue.changed': ['clerk', 'supervisor', 'admin'],
  'kiosk.exited': ['admin'],
  'survey.offered': ['kiosk'],
  'printer.status': ROLES,
  'print.job': ROLES,
  'scanner.code': ['kiosk', 'clerk'],
};

export const eventSchema = z.discriminatedUnion('type', [
  eventSchemas['settings.changed'],
  eventSchemas['queue.changed'],
  eventSchemas['kiosk.exited'],
  eventSchemas['survey.offered'],
  eventSchemas['printer.status'],
  eventSchemas['print.job'],
  eventSchemas['scanner.code'],
]);
export type AppEvent = z.infer<typeof eventSchema>;
export type EventType = AppEvent['type'];
