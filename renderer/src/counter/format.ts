import { formatTrackingCode, localDigits, TIME_ZONE, type Language } from '../../../main/core/contract';

/** The tracking code grouped as printed (001-0000123-4), in the reader's digits. */
export function showCode(code: string, language: Language): string {
  return localDigits(/^\d{11}$/.test(code) ? formatTrackingCode(code) : code, language);
}

/** A Jalali day as the core sends it (YYYY/MM/DD), in the reader's digits. */
export function showDay(day: string, language: Language): string {
  return localDigits(day, language);
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** An instant on the Tehran clock: Jalali day and time, short, for lists and timelines. */
export function showInstant(iso: string, language: Language): string {
  const locale = language === 'fa' ? 'fa-IR-u-ca-persian-nu-arabext' : 'en-US-u-ca-persian-nu-latn';
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(locale, format);
  }
  const parts = format.formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}/${part('month')}/${part('day')} ${part('hour')}:${part('minute')}`;
}

/** Who did it, as the event log records it: a user's name, or the kiosk. */
export function actorKey(actor: string): { user: string } | { window: string } {
  return actor.startsWith('user:') ? { user: actor.slice(5) } : { window: actor.replace(/^window:/, '') };
}
