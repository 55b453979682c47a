import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  directionOf,
  formatGregorianDate,
  formatJalaliDate,
  formatTime,
  localDigits,
  toLatinDigits,
  toPersianDigits,
} from '../../main/core/contract';

test('digits: Latin to Persian, and Persian or Arabic-Indic back to Latin', () => {
  assert.equal(toPersianDigits('1405/09/02'), '۱۴۰۵/۰۹/۰۲');
  assert.equal(toPersianDigits(1234567890), '۱۲۳۴۵۶۷۸۹۰');
  assert.equal(toLatinDigits('۰۹۱۲۳۴۵۶۷۸۹'), '09123456789');
  assert.equal(toLatinDigits('٠١٢٣٤٥٦٧٨٩'), '0123456789');
  assert.equal(toLatinDigits('کد ۱۲ و 34'), 'کد 12 و 34');
  assert.equal(localDigits('v1.2', 'fa'), 'v۱.۲');
  assert.equal(localDigits('۱.۲', 'en'), '1.2');
});

test('direction follows the language', () => {
  assert.equal(directionOf('fa'), 'rtl');
  assert.equal(directionOf('en'), 'ltr');
});

test('Jalali dates on the Tehran clock, weekday first', () => {
  // 2026-11-23 is Monday 2 Azar 1405.
  const date = new Date('2026-11-23T10:05:00Z');
  assert.equal(formatJalaliDate(date, 'fa'), 'دوشنبه ۲ آذر ۱۴۰۵');
  assert.equal(formatJalaliDate(date, 'en'), 'Monday 2 Azar 1405');
  assert.equal(formatGregorianDate(date), 'Monday 23 November 2026');
  assert.equal(formatTime(date, 'fa'), '۱۳:۳۵');
  assert.equal(formatTime(date, 'en'), '13:35');
});

test('the Tehran day, not the UTC day: 21:00 UTC on 20 March 2026 is already Nowruz 1405 in Tehran', () => {
  const date = new Date('2026-03-20T21:00:00Z');
  assert.equal(formatJalaliDate(date, 'fa'), 'شنبه ۱ فروردین ۱۴۰۵');
});
