import type { Language } from '../../../main/core/contract';

/**
 * Numbers as the report page writes them: Persian digits and separators in Persian, Latin
 * in English. Percents keep their one decimal (27.3, 100.0) and the statistics up to two
 * (4.11, 4, 0.56), as the seeds print them and as the core has rounded them.
 */
const formats = new Map<string, Intl.NumberFormat>();
function format(language: Language, digits: { min: number; max: number }): Intl.NumberFormat {
  const key = `${language}:${digits.min}:${digits.max}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.NumberFormat(language === 'fa' ? 'fa-IR-u-nu-arabext' : 'en-US', {
      minimumFractionDigits: digits.min,
      maximumFractionDigits: digits.max,
    });
    formats.set(key, found);
  }
  return found;
}

export function formatCount(value: number, language: Language): string {
  return format(language, { min: 0, max: 0 }).format(value);
}

export function formatPercent(value: number, language: Language): string {
  return format(language, { min: 1, max: 1 }).format(value);
}

export function formatStatistic(value: number, language: Language): string {
  return format(language, { min: 0, max: 2 }).format(value);
}

/**
 * A share in percent by the core's rule (one decimal, half away from zero), for the few
 * shares a chart shows that the core sends as counts; null when there is nothing to share.
 */
export function shareOf(count: number, of: number): number | null {
  return of === 0 ? null : Math.round((count * 1000) / of) / 10;
}
