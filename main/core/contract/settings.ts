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
};

export const settingsSchema = z.object(settingSchemas);

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
]);
export type SettingChange = z.infer<typeof settingChangeSchema>;
