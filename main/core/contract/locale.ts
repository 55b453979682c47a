import { toGregorian } from 'jalaali-js';

/**
 * How numbers and dates are written for a person, in the core (receipts, reports) and
 * in the faces alike, so that paper and screen always agree.
 */
export const LANGUAGES = ['fa', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const TIME_ZONE = 'Asia/Tehran';

export function directionOf(language: Language): 'rtl' | 'ltr' {
  return language === 'fa' ? 'rtl' : 'ltr';
}

const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

/** Latin digits to Persian (۰-۹), everything else as it is. */
export function toPersianDigits(text: string | number): string {
  return String(text).replace(/[0-9]/g, (d) => String.fromCharCode(PERSIAN_ZERO + Number(d)));
}

/** Persian and Arabic-Indic digits to Latin, so that people may type any of them. */
export function toLatinDigits(text: string): string {
  return text.replace(/[\u06f0-\u06f9\u0660-\u0669]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= PERSIAN_ZERO ? code - PERSIAN_ZERO : code - ARABIC_INDIC_ZERO);
  });
}

/** Digits as the language writes them: Persian digits in Persian text. */
export function localDigits(text: string | number, language: Language): string {
  return language === 'fa' ? toPersianDigits(text) : toLatinDigits(String(text));
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...options });
    formatters.set(key, found);
  }
  return found;
}

const DATE_PARTS: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
};

/**
 * "weekday day month year", composed from parts: ICU's own patterns for fa-IR differ
 * between Node and Chromium builds, and a receipt must read like the screen.
 */
function longDate(date: Date, locale: string): string {
  const parts = formatter(locale, DATE_PARTS).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}

/** The Jalali date with its weekday, in Persian (Persian digits) or in English (Latin digits). */
export function formatJalaliDate(date: Date, language: Language): string {
  return longDate(date, language === 'fa' ? 'fa-IR-u-ca-persian-nu-arabext' : 'en-US-u-ca-persian-nu-latn');
}

/** The Gregorian date, which English text shows next to the Jalali one. */
export function formatGregorianDate(date: Date): string {
  return longDate(date, 'en-GB-u-nu-latn');
}

/** Hours and minutes on the Tehran clock. */
export function formatTime(date: Date, language: Language): string {
  const locale = language === 'fa' ? 'fa-IR-u-nu-arabext' : 'en-GB-u-nu-latn';
  return formatter(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

/**
 * An instant on a Jalali day 'YYYY/MM/DD' (as the core sends due dates), to format with the
 * functions above: 12:00 UTC, which is the same calendar day in Tehran.
 */
export function instantOfJalali(text: string): Date | null {
  const match = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(toLatinDigits(text.trim()));
  if (!match) return null;
  const { gy, gm, gd } = toGregorian(Number(match[1]), Number(match[2]), Number(match[3]));
  return new Date(Date.UTC(gy, gm - 1, gd, 12));
}
