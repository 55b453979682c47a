import { SETTING_KEYS, type SettingKey } from '../../../main/core/contract';

export interface SettingGroup {
  /** The group's heading (an i18n key); none for a form of one group. */
  title?: string;
  /** A sentence under the heading (an i18n key). */
  help?: string;
  keys: readonly SettingKey[];
}

/** Which admin page edits which setting: each setting on exactly one page (a unit test checks). */
export const PRINTER_KEYS: readonly SettingKey[] = [
  'printer.connection',
  'printer.host',
  'printer.port',
  'printer.serialPath',
  'printer.baudRate',
  'printer.osName',
  'printer.paperWidth',
];
export const SCANNER_KEYS: readonly SettingKey[] = ['scanner.serialPath', 'scanner.baudRate'];
export const CALENDAR_KEYS: readonly SettingKey[] = ['calendar.thursday'];

const TERMINAL_GROUPED: SettingGroup[] = [
  {
    title: 'admin.groups.terminal',
    keys: ['terminal.role', 'terminal.number', 'office.name.fa', 'office.name.en', 'ui.defaultLanguage'],
  },
  {
    title: 'admin.groups.hours',
    keys: ['calendar.closingTime', 'requests.waitingExtendsDueDate', 'kiosk.idleSeconds', 'session.idleMinutes'],
  },
  { title: 'admin.groups.survey', keys: ['survey.questionnaire', 'survey.anonymous', 'survey.handoff'] },
  { title: 'admin.groups.retention', help: 'admin.retention.help', keys: ['retention.days'] },
  { title: 'admin.groups.updates', keys: ['updates.url'] },
];

/**
 * The terminal page: its groups, and any setting no page names yet (added by a later
 * change), so that every setting can be edited somewhere.
 */
export const TERMINAL_GROUPS: readonly SettingGroup[] = (() => {
  const placed = new Set<SettingKey>([
    ...PRINTER_KEYS,
    ...SCANNER_KEYS,
    ...CALENDAR_KEYS,
    ...TERMINAL_GROUPED.flatMap((group) => group.keys),
  ]);
  const rest = SETTING_KEYS.filter((key) => !placed.has(key));
  return rest.length > 0 ? [...TERMINAL_GROUPED, { title: 'admin.groups.other', keys: rest }] : TERMINAL_GROUPED;
})();

/** Whether a printer field matters for the connection chosen. */
export function printerFieldShown(key: SettingKey, connection: string): boolean {
  switch (key) {
    case 'printer.host':
    case 'printer.port':
      return connection === 'tcp';
    case 'printer.serialPath':
    case 'printer.baudRate':
      return connection === 'serial';
    case 'printer.osName':
      return connection === 'os';
    case 'printer.paperWidth':
      return connection !== 'none';
    default:
      return true;
  }
}
