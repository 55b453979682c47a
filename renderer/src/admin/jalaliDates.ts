import { TIME_ZONE, toLatinDigits } from '../../../main/core/contract';

/**
 * A Jalali day as typed ('1405/9/5', '۱۴۰۵-۰۹-۰۵') in the core's form, 'YYYY/MM/DD' with
 * Latin digits; the core decides whether it is a real day. Undefined when it is not of that shape.
 */
export function canonicalDay(text: string): string | undefined {
  const match = /^(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})$/.exec(toLatinDigits(text.trim()));
  if (!match) return undefined;
  return `${match[1]}/${match[2]?.padStart(2, '0')}/${match[3]?.padStart(2, '0')}`;
}

const dayFormat = new Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Jalali day on the Tehran clock, 'YYYY/MM/DD' as the core writes it. */
export function jalaliDayOf(instant: Date): string {
  const parts = dayFormat.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}/${part('month')}/${part('day')}`;
}
