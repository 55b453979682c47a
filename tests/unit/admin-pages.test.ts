import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SETTING_KEYS } from '../../main/core/contract';
import { canonicalDay, jalaliDayOf } from '../../renderer/src/admin/jalaliDates';
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
