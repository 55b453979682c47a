import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SETTING_KEYS, settingChoices, settingDefaults } from '../../main/core/contract';
import { canonicalDay, jalaliDayOf } from '../../renderer/src/admin/jalaliDates';
import { messages, type Messages } from '../../renderer/src/i18n/messages';
import {
  CALENDAR_KEYS,
  PRINTER_KEYS,
  printerFieldShown,
  SCANNER_KEYS,
  TERMINAL_GROUPS,
} from '../../renderer/src/admin/settingPages';

test('every setting is edited on exactly one admin page', () => {
  const placed = [...PRINTER_KEYS, ...SCANNER_KEYS, ...CALENDAR_KEYS, ...TERMINAL_GROUPS.flatMap((g) => g.keys)];
  assert.deepEqual([...placed].sort(), [...SETTING_KEYS].sort());
});

function words(language: 'fa' | 'en', key: string): unknown {
  return key
    .split('.')
    .reduce<Messages | string | undefined>(
      (node, part) => (typeof node === 'object' ? node[part] : undefined),
      messages(language),
    );
}

test("a setting with a list of values is chosen from its schema's list, each value named in both languages", () => {
  assert.deepEqual(settingChoices('survey.handoff'), ['display', 'slip']);
  assert.deepEqual(settingChoices('printer.paperWidth'), ['80', '58']);
  assert.equal(settingChoices('updates.url'), undefined, 'an address or nothing is typed, not chosen');
  assert.equal(settingChoices('office.name.fa'), undefined);
  for (const key of SETTING_KEYS) {
    const choices = settingChoices(key);
    if (!choices || typeof settingDefaults[key] === 'number') continue;
    for (const language of ['fa', 'en'] as const) {
      for (const choice of choices) {
        assert.equal(
          typeof words(language, `admin.choices.${key}.${choice}`),
          'string',
          `${language}: ${key} = ${choice}`,
        );
      }
    }
  }
});

test('the printer page asks only what the chosen connection needs', () => {
  const shown = (connection: string) => PRINTER_KEYS.filter((key) => printerFieldShown(key, connection));
  assert.deepEqual(shown('none'), ['printer.connection']);
  assert.deepEqual(shown('tcp'), ['printer.connection', 'printer.host', 'printer.port', 'printer.paperWidth']);
  assert.deepEqual(shown('serial'), [
    'printer.connection',
    'printer.serialPath',
    'printer.baudRate',
    'printer.paperWidth',
  ]);
  assert.deepEqual(shown('os'), ['printer.connection', 'printer.osName', 'printer.paperWidth']);
});

test('a Jalali date typed in any digits and separators is the core’s YYYY/MM/DD', () => {
  assert.equal(canonicalDay('۱۴۰۵/۹/۵'), '1405/09/05');
  assert.equal(canonicalDay(' 1405-10-08 '), '1405/10/08');
  assert.equal(canonicalDay('1405.1.1'), '1405/01/01');
  assert.equal(canonicalDay('1405/13'), undefined);
  assert.equal(jalaliDayOf(new Date('2027-03-20T20:29:59Z')), '1405/12/29');
  assert.equal(jalaliDayOf(new Date('2027-03-20T20:30:00Z')), '1406/01/01');
});
