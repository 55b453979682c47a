import { z } from 'zod';
import type { ChannelDefinition } from './channel';
import { emptyInput } from './empty';
import { toLatinDigits } from './locale';

/**
 * The kiosk terminal as a machine: the administrator's way out of kiosk mode (a PIN,
 * stored hashed), what the faces report about a citizen mid-request (so that no update
 * is applied under them), and the terminal's recent log.
 */

export const KIOSK_ERROR_CODES = ['kiosk.pin_not_set', 'kiosk.pin_wrong', 'kiosk.pin_locked'] as const;

/** Field-error code of a PIN that is not 4 to 12 digits. */
export const PIN_FIELD_ERRORS = ['pin.format'] as const;

/** 4 to 12 digits, Persian or Latin; the core sees Latin digits. */
export const exitPinSchema = z
  .string()
  .transform((text) => toLatinDigits(text.trim()))
  .pipe(z.string().regex(/^\d{4,12}$/, 'pin.format'));

export const exitPinStatusSchema = z.object({
  set: z.boolean(),
  setAt: z.string().nullable(),
  setBy: z.string().nullable(),
});
export type ExitPinStatus = z.infer<typeof exitPinStatusSchema>;

export const LOG_LEVELS = ['info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** One line of the terminal's log: when, how bad, a stable event code, and a sentence for a technician. */
export const logEntrySchema = z.object({
  at: z.string(),
  level: z.enum(LOG_LEVELS),
  /** A stable code, e.g. renderer.crashed, renderer.repeated_crashes, db.quick_check, update.installing. */
  event: z.string(),
  message: z.string(),
  details: z.string().optional(),
});
export type LogEntry = z.infer<typeof logEntrySchema>;

/** The event a repeated renderer crash is logged as: what the admin face points out. */
export const REPEATED_CRASHES_EVENT = 'renderer.repeated_crashes';

export const terminalActivitySchema = z.object({
  /** True while a citizen (kiosk) or clerk (counter) is in the middle of a request, false on the home screen. */
  busy: z.boolean(),
  since: z.string(),
});

export const kioskChannels = {
  /** The administrator's gesture and PIN on the kiosk face: on success the core emits `kiosk.exited`. */
  'kiosk.exit': {
    input: z.object({ pin: exitPinSchema }).strict(),
    output: z.object({ left: z.literal(true) }),
    roles: ['kiosk'],
  },
  /** Whether an exit PIN is set, and by whom; never the PIN or its hash. */
  'kiosk.pin.status': {
    input: emptyInput,
    output: exitPinStatusSchema,
    roles: ['admin'],
  },
  'kiosk.pin.set': {
    input: z.object({ pin: exitPinSchema }).strict(),
    output: exitPinStatusSchema,
    roles: ['admin'],
  },
  /** A face says whether someone is in the middle of a request: updates wait for the home screen. */
  'terminal.activity': {
    input: z.object({ busy: z.boolean() }).strict(),
    output: terminalActivitySchema,
    roles: ['kiosk', 'clerk'],
  },
  /** The newest lines of the terminal's log, newest first, and how often the screen crashed again and again. */
  'logs.recent': {
    input: z.object({ limit: z.number().int().min(1).max(500).optional() }).strict(),
    output: z.object({
      entries: z.array(logEntrySchema),
      repeatedCrashes: z.object({ last24h: z.number().int(), lastAt: z.string().nullable() }),
    }),
    roles: ['admin'],
  },
} as const satisfies Record<string, ChannelDefinition>;
