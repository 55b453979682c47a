import { formatJalaliDate, formatTime, type Language } from '../../../main/core/contract';

/** An instant from the core (ISO) as the reader reads it: Jalali date and time, Tehran clock. */
export function formatWhen(iso: string, language: Language): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${formatJalaliDate(date, language)}، ${formatTime(date, language)}`;
}
