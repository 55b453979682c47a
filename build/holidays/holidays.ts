// Turns the CC0 sources in build/holidays/source/ into the holidays the app ships
// (assets/holidays/holidays.json). Pure: generate.ts writes the file, and a unit test
// checks that the committed file is what this makes of the committed sources.
import fs from 'node:fs';
import path from 'node:path';
import type { HolidayData, ShippedHoliday } from '../../main/core/calendar/holidays';
import {
  dateOf,
  formatGregorian,
  formatJalali,
  jalaliDay,
  jalaliYear,
  parseGregorian,
  type Day,
} from '../../main/core/calendar/jalali';

/** The Jalali years shipped. Extend LAST_YEAR when the Calendar Center publishes the next year. */
export const FIRST_YEAR = 1403;
export const LAST_YEAR = 1406;

export const SOURCE_DIR = path.join(import.meta.dirname, 'source');
export const OUTPUT = path.join(import.meta.dirname, '..', '..', 'assets', 'holidays', 'holidays.json');

/** The estimate's offset is the commonest difference over this many of the last observed months. */
const OFFSET_SAMPLE = 120;

/**
 * Where the source's Persian title is wrong for a screen or a receipt: Khomeini's death
 * is dated 1368 "ه‍.ق" (lunar) though 1368 is the solar year (1989); Imam Reza's title
 * carries the source's own note on its rule.
 */
const FA_FIXES: Record<string, string> = {
  'رحلت حضرت امام خمینی (ره) رهبر کبیر انقلاب و بنیان‌گذار جمهوری اسلامی ایران (۱۳۶۸ ه‍.ق)':
    'رحلت حضرت امام خمینی (ره) رهبر کبیر انقلاب و بنیان‌گذار جمهوری اسلامی ایران (۱۳۶۸ ه‍.ش)',
  'شهادت حضرت امام رضا (ع) (۲۰۳ ه‍.ق) (۳۰ صَفَر یا انتهای ماه)': 'شهادت حضرت امام رضا (ع) (۲۰۳ ه‍.ق)',
};

/** English titles, by the (fixed) Persian title: a holiday the source adds stops the build until it has one. */
const EN: Record<string, string> = {
  'آغاز نوروز': 'Nowruz, the New Year',
  'عید نوروز': 'Nowruz holidays',
  'روز جمهوری اسلامی ایران': 'Islamic Republic Day',
  'روز طبیعت': 'Nature Day (Sizdah Bedar)',
  'رحلت حضرت امام خمینی (ره) رهبر کبیر انقلاب و بنیان‌گذار جمهوری اسلامی ایران (۱۳۶۸ ه‍.ش)':
    'Death of Imam Khomeini, leader of the revolution and founder of the Islamic Republic (1368 SH)',
  'قیام خونین ۱۵ خرداد (۱۳۴۲ ه‍.ش)': 'Uprising of 15 Khordad (1342 SH)',
  'پیروزی انقلاب اسلامی ایران و سقوط نظام شاهنشاهی (۱۳۵۷ ه‍.ش)':
    'Victory of the Islamic Revolution and fall of the monarchy (1357 SH)',
  'روز ملی‌شدن صنعت نفت ایران (۱۳۲۹ ه‍.ش)': 'Nationalisation of the Iranian oil industry (1329 SH)',
  'تاسوعای حسینی': 'Tasua',
  'عاشورای حسینی': 'Ashura',
  'اربعین حسینی': 'Arbaeen',
  'رحلت حضرت رسول اکرم (ص) (۱۱ ه‍.ق) – شهادت حضرت امام حسن مجتبی (ع) (۵۰ ه‍.ق)':
    'Death of the Prophet Muhammad (11 AH) – martyrdom of Imam Hasan al-Mujtaba (50 AH)',
  'شهادت حضرت امام رضا (ع) (۲۰۳ ه‍.ق)': 'Martyrdom of Imam Reza (203 AH)',
  'شهادت حضرت امام حسن عسکری (ع) (۲۶۰ ه‍.ق) و آغاز امامت حضرت ولی عصر (عج)':
    'Martyrdom of Imam Hasan al-Askari (260 AH) and the start of the Imamate of the Mahdi',
  'ولادت حضرت رسول اکرم (ص) (۵۳ سال قبل از هجرت) و روز اخلاق و مهرورزی':
    'Birth of the Prophet Muhammad (53 years before the Hijra), Day of Ethics and Kindness',
  'ولادت حضرت امام جعفر صادق (ع) مؤسس مذهب جعفری (۸۳ ه‍.ق)':
    'Birth of Imam Jafar al-Sadiq, founder of the Jafari school (83 AH)',
  'شهادت حضرت فاطمهٔ زهرا (س) (۱۱ ه‍.ق)': 'Martyrdom of Fatimah al-Zahra (11 AH)',
  'ولادت حضرت امام علی (ع) (۲۳ سال قبل از هجرت)': 'Birth of Imam Ali (23 years before the Hijra)',
  'مبعث حضرت رسول اکرم (ص) (۱۳ سال قبل از هجرت)': "Mab'ath, the Prophet's mission (13 years before the Hijra)",
  'ولادت حضرت قائم (عج) (۲۵۵ ه‍.ق) و روز جهانی مستضعفان': 'Birth of the Mahdi (255 AH), World Day of the Oppressed',
  'شهادت حضرت امام علی (ع) (۴۰ ه‍.ق)': 'Martyrdom of Imam Ali (40 AH)',
  'عید سعید فطر': 'Eid al-Fitr',
  'تعطیل به مناسبت عید سعید فطر': 'Eid al-Fitr holiday',
  'شهادت حضرت امام جعفر صادق (ع) (۱۴۸ ه‍.ق)': 'Martyrdom of Imam Jafar al-Sadiq (148 AH)',
  'عید سعید قربان': 'Eid al-Adha (Qurban)',
  'عید سعید غدیر خم (۱۰ ه‍.ق)': 'Eid al-Ghadir (10 AH)',
};

interface SourceEvent {
  type: string;
  holiday: boolean;
  calendar: string;
  rule: string;
  month: number;
  day?: number;
  title: string;
}

export interface Sources {
  events: string;
  monthStarts: string;
}

export function readSources(dir = SOURCE_DIR): Sources {
  return {
    events: fs.readFileSync(path.join(dir, 'persian-calendar-events.json'), 'utf8'),
    monthStarts: fs.readFileSync(path.join(dir, 'qamari-iran-month-starts.txt'), 'utf8'),
  };
}

/** A Hijri month as one number, so that months compare and step across years. */
const monthIndex = (hy: number, hm: number) => hy * 12 + hm - 1;
const monthName = (index: number) => `${Math.floor(index / 12)}/${(index % 12) + 1}`;

/**
 * 'YYYY/M YYYY-MM-DD # sources' per line, in order. A leading '*' marks a month whose
 * observed start differed from the published calendar; the date given is the observed one.
 */
function parseMonthStarts(text: string): Map<number, Day> {
  const starts = new Map<number, Day>();
  for (const [n, raw] of text.split('\n').entries()) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const match = /^\*?(\d+)\/(\d+) (\d{4}-\d{2}-\d{2})$/.exec(line);
    const day = match ? parseGregorian(match[3] ?? '') : undefined;
    if (!match || day === undefined) throw new Error(`month starts, line ${n + 1}: cannot read "${raw}"`);
    starts.set(monthIndex(Number(match[1]), Number(match[2])), day);
  }
  return starts;
}

const umalqura = new Intl.DateTimeFormat('en-US-u-ca-islamic-umalqura-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

function hijriOf(day: Day): { month: number; hd: number } {
  const parts: Record<string, number> = {};
  for (const part of umalqura.formatToParts(dateOf(day))) parts[part.type] = Number(part.value);
  return { month: monthIndex(parts.year ?? 0, parts.month ?? 0), hd: parts.day ?? 0 };
}

/** The first day of a Hijri month in the Umm al-Qura calendar (Saudi Arabia's), searched near a guess. */
function umalquraStart(month: number): Day {
  // 1 Muharram 1 AH is Julian day 1948440; a lunar month is 29.53 days on average.
  const guess = Math.round(1948440 + (month - 12) * 29.530589);
  for (let delta = 0; delta <= 15; delta++) {
    for (const day of [guess - delta, guess + delta]) {
      const found = hijriOf(day);
      if (found.month === month && found.hd === 1) return day;
    }
  }
  throw new Error(`Intl's islamic-umalqura has no start for ${monthName(month)}`);
}

/**
 * Month starts in Iran: observed where the source has them; after the last observed
 * month, Umm al-Qura's start moved by the difference seen most often between Iran and
 * Umm al-Qura over recent observed months (Iran usually begins a month a day later).
 */
function monthStarts(observed: Map<number, Day>) {
  const lastObserved = Math.max(...observed.keys());
  const counts = new Map<number, number>();
  for (const month of [...observed.keys()].slice(-OFFSET_SAMPLE)) {
    const difference = (observed.get(month) ?? 0) - umalquraStart(month);
    counts.set(difference, (counts.get(difference) ?? 0) + 1);
  }
  const offset = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;

  const startOf = (month: number): { day: Day; estimated: boolean } => {
    const day = observed.get(month);
    if (day !== undefined) return { day, estimated: false };
    if (month < lastObserved) throw new Error(`month starts: ${monthName(month)} is missing`);
    return { day: umalquraStart(month) + offset, estimated: true };
  };
  return { startOf, offset, lastObserved };
}

export function generateHolidays(sources: Sources = readSources()): HolidayData {
  const events = (JSON.parse(sources.events) as { data: SourceEvent[] }).data.filter(
    (event) => event.type === 'Iran' && event.holiday,
  );
  const observed = parseMonthStarts(sources.monthStarts);
  const { startOf, offset, lastObserved } = monthStarts(observed);
  const range = { first: jalaliYear(FIRST_YEAR).first, last: jalaliYear(LAST_YEAR).last };

  const byId = new Map<string, { day: Day; fa: string[]; en: string[]; estimated: boolean }>();
  const add = (id: string, day: Day, estimated: boolean, event: SourceEvent) => {
    if (day < range.first || day > range.last) return;
    const fa = FA_FIXES[event.title] ?? event.title;
    const en = EN[fa];
    if (!en) throw new Error(`no English title for "${fa}"`);
    const entry = byId.get(id) ?? { day, fa: [], en: [], estimated };
    entry.fa.push(fa);
    entry.en.push(en);
    byId.set(id, entry);
  };

  const firstMonth = hijriOf(range.first).month - 1;
  const lastMonth = hijriOf(range.last).month + 1;
  for (let month = firstMonth; month <= lastMonth + 1; month++) {
    const length = startOf(month + 1).day - startOf(month).day;
    if (length !== 29 && length !== 30) throw new Error(`month ${monthName(month)} would last ${length} days`);
  }

  for (const event of events) {
    if (event.calendar === 'Persian' && event.rule === 'simple' && event.day !== undefined) {
      for (let jy = FIRST_YEAR; jy <= LAST_YEAR; jy++) {
        const id = `solar:${jy}/${String(event.month).padStart(2, '0')}/${String(event.day).padStart(2, '0')}`;
        add(id, jalaliDay(jy, event.month, event.day), false, event);
      }
    } else if (event.calendar === 'Hijri' && (event.rule === 'simple' || event.rule === 'end of month')) {
      for (let month = firstMonth; month <= lastMonth; month++) {
        if ((month % 12) + 1 !== event.month) continue;
        const hy = Math.floor(month / 12);
        const mm = String(event.month).padStart(2, '0');
        if (event.rule === 'simple' && event.day !== undefined) {
          const start = startOf(month);
          add(
            `lunar:${hy}/${mm}/${String(event.day).padStart(2, '0')}`,
            start.day + event.day - 1,
            start.estimated,
            event,
          );
        } else if (event.rule === 'end of month') {
          const next = startOf(month + 1);
          add(`lunar:${hy}/${mm}/last`, next.day - 1, next.estimated, event);
        } else {
          throw new Error(`holiday "${event.title}" has a simple rule and no day`);
        }
      }
    } else {
      throw new Error(`holiday "${event.title}": no rule for calendar ${event.calendar}, rule ${event.rule}`);
    }
  }

  const holidays: ShippedHoliday[] = [...byId]
    .sort(([idA, a], [idB, b]) => a.day - b.day || idA.localeCompare(idB))
    .map(([id, entry]) => ({
      id,
      date: formatJalali(entry.day),
      fa: entry.fa.join(' – '),
      en: entry.en.join(' – '),
      estimated: entry.estimated,
    }));

  return {
    note: 'Generated by build/holidays/generate.ts from the CC0 sources in build/holidays/source/; do not edit by hand.',
    firstYear: FIRST_YEAR,
    lastYear: LAST_YEAR,
    observedUntil: `${monthName(lastObserved)} = ${formatGregorian(observed.get(lastObserved) ?? 0)}`,
    estimateOffsetDays: offset,
    holidays,
  };
}
