import { z } from 'zod';

/**
 * The terminal's settings: each key with its schema and default. Stored one row per key;
 * a key never written reads as its default, so a new setting needs no migration.
 */
export const settingSchemas = {
  'terminal.role': z.enum(['kiosk', 'counter']),
  'terminal.number': z.number().int().min(1).max(999),
  'office.name.fa': z.string().trim().min(1).max(120),
  'office.name.en': z.string().trim().min(1).max(120),
  'ui.defaultLanguage': z.enum(['fa', 'en']),
  'kiosk.idleSeconds': z.number().int().min(15).max(900),
  /**
   * The agency's own update server (electron-updater's generic provider: the folder that holds
   * latest.yml / latest-linux.yml and the installers); empty: this terminal does not look for updates.
   */
  'updates.url': z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]),
  /** Friday is always a rest day; offices differ on Thursday. */
  'calendar.thursday': z.enum(['working', 'half', 'closed']),
  /** A request after this time (Tehran clock, HH:MM) counts as made on the next working day. */
  'calendar.closingTime': z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  /** Whether the working days a request waits for the citizen move its due date. */
  'requests.waitingExtendsDueDate': z.boolean(),
  /** The questionnaire this terminal asks (its newest version). */
  'survey.questionnaire': z.enum(['national-16', 'pishkhan-citizen']),
  /** Whether anyone may walk up and answer, without a delivered request's tracking code. */
  'survey.anonymous': z.boolean(),
  /**
   * How the counter hands a served citizen to the survey: on this terminal's kiosk-role window
   * (the customer display on a counter's second screen), or on a small printed slip with the code.
   */
  'survey.handoff': z.enum(['display', 'slip']),
  /** How the receipt printer is reached: none, ESC/POS over TCP (port 9100) or a serial line, or the OS's driver (Electron only). */
  'printer.connection': z.enum(['none', 'tcp', 'serial', 'os']),
  'printer.host': z.string().trim().max(253),
  'printer.port': z.number().int().min(1).max(65535),
  'printer.serialPath': z.string().trim().max(200),
  'printer.baudRate': z.union([
    z.literal(9600),
    z.literal(19200),
    z.literal(38400),
    z.literal(57600),
    z.literal(115200),
  ]),
  'printer.paperWidth': z.union([z.literal(80), z.literal(58)]),
  /** The printer's name in the operating system, for the OS driver. */
  'printer.osName': z.string().trim().max(200),
  /** The receipt scanner's serial port (a barcode/QR scanner in serial mode); empty: none. */
  'scanner.serialPath': z.string().trim().max(200),
  'scanner.baudRate': z.union([
    z.literal(9600),
    z.literal(19200),
    z.literal(38400),
    z.literal(57600),
    z.literal(115200),
  ]),
  /**
   * Days after a request is delivered, rejected or cancelled until the citizen's identity is
   * erased from it (main/core/retention); 0: kept.
   */
  'retention.days': z.number().int().min(0).max(3650),
  /** Minutes without a key press or click after which a clerk's or administrator's sign-in ends. */
  'session.idleMinutes': z.number().int().min(1).max(480),
} as const;

export type SettingKey = keyof typeof settingSchemas;
export type Settings = { [K in SettingKey]: z.infer<(typeof settingSchemas)[K]> };

export const SETTING_KEYS = Object.keys(settingSchemas) as SettingKey[];

export const settingDefaults: Settings = {
  'terminal.role': 'kiosk',
  'terminal.number': 1,
  'office.name.fa': 'میز خدمت الکترونیکی',
  'office.name.en': 'Electronic Service Desk',
  'ui.defaultLanguage': 'fa',
  'kiosk.idleSeconds': 90,
  'updates.url': '',
  'calendar.thursday': 'working',
  'calendar.closingTime': '14:00',
  'requests.waitingExtendsDueDate': true,
  'survey.questionnaire': 'national-16',
  'survey.anonymous': false,
  'survey.handoff': 'display',
  'printer.connection': 'none',
  'printer.host': '127.0.0.1',
  'printer.port': 9100,
  'printer.serialPath': '',
  'printer.baudRate': 9600,
  'printer.paperWidth': 80,
  'printer.osName': '',
  'scanner.serialPath': '',
  'scanner.baudRate': 9600,
  'retention.days': 0,
  'session.idleMinutes': 15,
};

export const settingsSchema = z.object(settingSchemas);

/**
 * The values a setting is chosen from, as the admin form shows them, read from its schema (an
 * enum, or a union of literals), so that a setting added later gets its list by itself;
 * undefined for a setting typed freely.
 */
export function settingChoices(key: SettingKey): readonly string[] | undefined {
  const schema: z.ZodType = settingSchemas[key];
  if (schema instanceof z.ZodEnum) return schema.options.map(String);
  if (schema instanceof z.ZodUnion && schema.options.every((option) => option instanceof z.ZodLiteral)) {
    return schema.options.map((option) => String((option as z.ZodLiteral).value));
  }
  return undefined;
}

const change = <K extends SettingKey>(key: K) => z.object({ key: z.literal(key), value: settingSchemas[key] });

/** One `{ key, value }` pair, the value checked against its own key's schema. */
export const settingChangeSchema = z.discriminatedUnion('key', [
  change('terminal.role'),
  change('terminal.number'),
  change('office.name.fa'),
  change('office.name.en'),
  change('ui.defaultLanguage'),
  change('kiosk.idleSeconds'),
  change('updates.url'),
  change('calendar.thursday'),
  change('calendar.closingTime'),
  change('requests.waitingExtendsDueDate'),
  change('survey.questionnaire'),
  change('survey.anonymous'),
  change('survey.handoff'),
  change('printer.connection'),
  change('printer.host'),
  change('printer.port'),
  change('printer.serialPath'),
  change('printer.baudRate'),
  change('printer.paperWidth'),
  change('printer.osName'),
  change('scanner.serialPath'),
  change('scanner.baudRate'),
  change('retention.days'),
  change('session.idleMinutes'),
]);
export type SettingChange = z.infer<typeof settingChangeSchema>;
