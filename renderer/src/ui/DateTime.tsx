import { formatGregorianDate, formatJalaliDate, formatTime } from '../../../main/core/contract';
import { useLanguage } from './useLanguage';
import { useNow } from './useNow';

/** Today in Jalali with Persian digits; in English, the Gregorian date beside it and Latin digits. */
export function DateTime({ className }: { className?: string }) {
  const now = useNow();
  const language = useLanguage();
  return (
    <div className={['date-time', className].filter(Boolean).join(' ')}>
      <time className="date-time__time" dateTime={now.toISOString()}>
        {formatTime(now, language)}
      </time>
      <span className="date-time__date">{formatJalaliDate(now, language)}</span>
      {language === 'en' && (
        <span className="date-time__date date-time__date--gregorian">{formatGregorianDate(now)}</span>
      )}
    </div>
  );
}
