import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatGregorianDate,
  formatJalaliDate,
  instantOfJalali,
  localDigits,
  type CalendarDay,
  type ErrorCode,
  type Result,
  type Settings,
} from '../../../main/core/contract';
import { useCall } from '../auth/session';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TouchButton } from '../ui/TouchButton';
import { useLanguage } from '../ui/useLanguage';
import { AdminPage } from './AdminPage';
import { canonicalDay, jalaliDayOf } from './jalaliDates';
import { CALENDAR_KEYS } from './settingPages';
import { SettingsForm } from './SettingsForm';

type Kind = CalendarDay['kind'];

/** A Jalali day as the reader reads it; in English with the Gregorian date under it. */
function DayDate({ day }: { day: string }) {
  const language = useLanguage();
  const instant = instantOfJalali(day);
  if (!instant) return <>{localDigits(day, language)}</>;
  return (
    <>
      <span>{formatJalaliDate(instant, language)}</span>
      {language === 'en' && <span className="admin-table__sub">{formatGregorianDate(instant)}</span>}
    </>
  );
}

/** A date field that takes Jalali dates in any digits and shows them in the reader's. */
function DayInput({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        dir="ltr"
        inputMode="numeric"
        placeholder={localDigits(t('admin.calendar.datePlaceholder'), language)}
        value={localDigits(value, language)}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

/** Holidays and closures of a Jalali year, the weekly rest days, and the administrator's changes to them. */
export function CalendarPage({ settings }: { settings: Settings }) {
  const call = useCall();
  const { t } = useTranslation();
  const language = useLanguage();
  const [today] = useState(() => jalaliDayOf(new Date()));
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [showPast, setShowPast] = useState(false);
  const [days, setDays] = useState<CalendarDay[] | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [added, setAdded] = useState({ date: '', kind: 'closure' as Kind, fa: '', en: '' });
  const [moving, setMoving] = useState<{ id: string; to: string } | null>(null);

  const load = useCallback(() => {
    void call('calendar.year', { year }).then((result) => {
      if (result.ok) {
        setDays(result.value.days);
      } else {
        setDays(null);
        setError(result.error.code);
      }
    });
  }, [call, year]);
  useEffect(load, [load]);

  /** Runs a change, then shows the year again with what it says; whether it was made. */
  async function act(run: () => Promise<Result<unknown>>, message: string): Promise<boolean> {
    setError(null);
    setDone(null);
    const result = await run();
    if (!result.ok) {
      setError(result.error.code);
      return false;
    }
    setDone(message);
    load();
    return true;
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    const date = canonicalDay(added.date) ?? added.date;
    const title = { fa: added.fa.trim(), ...(added.en.trim() ? { en: added.en.trim() } : {}) };
    if (await act(() => call('calendar.addDay', { date, kind: added.kind, title }), t('admin.calendar.addedDone'))) {
      setAdded((a) => ({ ...a, date: '', fa: '', en: '' }));
    }
  }

  async function move(event: FormEvent) {
    event.preventDefault();
    if (!moving) return;
    const to = canonicalDay(moving.to) ?? moving.to;
    if (await act(() => call('calendar.moveDay', { id: moving.id, to }), t('admin.calendar.movedDone'))) {
      setMoving(null);
    }
  }

  return (
    <AdminPage title={t('admin.calendar.title')} className="calendar-page">
      <div className="calendar-page__side">
        <section className="panel" aria-labelledby="rest-days-title">
          <h2 id="rest-days-title">{t('admin.calendar.restDays')}</h2>
          <p>{t('admin.calendar.friday')}</p>
          <SettingsForm settings={settings} groups={[{ keys: CALENDAR_KEYS }]} bare />
        </section>
        <form className="panel settings-form" aria-labelledby="add-day-title" onSubmit={(e) => void add(e)} noValidate>
          <h2 id="add-day-title">{t('admin.calendar.add')}</h2>
          <DayInput
            id="day-date"
            label={t('admin.calendar.date')}
            value={added.date}
            onChange={(date) => setAdded((a) => ({ ...a, date }))}
          />
          <div className="field">
            <label htmlFor="day-kind">{t('admin.calendar.kind')}</label>
            <select
              id="day-kind"
              value={added.kind}
              onChange={(e) => setAdded((a) => ({ ...a, kind: e.target.value as Kind }))}
            >
              <option value="closure">{t('admin.calendar.kinds.closure')}</option>
              <option value="holiday">{t('admin.calendar.kinds.holiday')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="day-title-fa">{t('admin.calendar.titleFa')}</label>
            <input
              id="day-title-fa"
              dir="rtl"
              lang="fa"
              value={added.fa}
              onChange={(e) => setAdded((a) => ({ ...a, fa: e.target.value }))}
            />
          </div>
          <div className="field">
            <label htmlFor="day-title-en">{t('admin.calendar.titleEn')}</label>
            <input
              id="day-title-en"
              dir="ltr"
              lang="en"
              value={added.en}
              onChange={(e) => setAdded((a) => ({ ...a, en: e.target.value }))}
            />
          </div>
          <div className="settings-form__actions">
            <TouchButton type="submit" className="touch-button--primary">
              {t('admin.calendar.addButton')}
            </TouchButton>
          </div>
        </form>
      </div>
      <section className="panel calendar-days" aria-labelledby="calendar-days-title">
        <div className="calendar-days__head">
          <h2 id="calendar-days-title">{t('admin.calendar.yearTitle', { year: localDigits(year, language) })}</h2>
          <div className="calendar-days__years" role="group" aria-label={t('admin.calendar.year')}>
            <TouchButton className="touch-button--small" onClick={() => setYear((y) => y - 1)}>
              {t('admin.calendar.previousYear')}
            </TouchButton>
            <TouchButton className="touch-button--small" onClick={() => setYear((y) => y + 1)}>
              {t('admin.calendar.nextYear')}
            </TouchButton>
          </div>
        </div>
        {year === thisYear && (
          <div className="field field--check">
            <input
              id="calendar-past"
              type="checkbox"
              checked={showPast}
              onChange={(e) => setShowPast(e.target.checked)}
            />
            <label htmlFor="calendar-past">{t('admin.calendar.showPast')}</label>
          </div>
        )}
        {done && (
          <p role="status" className="saved-notice">
            {done}
          </p>
        )}
        {error && <ErrorNotice code={error} />}
        {days && (
          <table className="admin-table" data-testid="calendar-days">
            <thead>
              <tr>
                <th scope="col">{t('admin.calendar.date')}</th>
                <th scope="col">{t('admin.calendar.titleColumn')}</th>
                <th scope="col">{t('admin.calendar.kind')}</th>
                <th scope="col">{t('admin.calendar.notes')}</th>
                <th scope="col">{t('admin.calendar.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {days
                .filter((day) => showPast || year !== thisYear || day.date >= today)
                .map((day) => (
                  <tr
                    key={day.id}
                    data-day={day.id}
                    data-estimated={day.estimated || undefined}
                    data-past={day.date < today || undefined}
                  >
                    <td>
                      <DayDate day={day.date} />
                    </td>
                    <td>{day.title[language]}</td>
                    <td>{t(`admin.calendar.kinds.${day.kind}`)}</td>
                    <td>
                      {day.estimated && <span className="badge badge--warn">{t('admin.calendar.estimated')}</span>}
                      {day.movedFrom && (
                        <span className="badge">
                          {t('admin.calendar.movedFrom', { date: localDigits(day.movedFrom, language) })}
                        </span>
                      )}
                      {day.source === 'admin' && <span className="badge">{t('admin.calendar.addedByAdmin')}</span>}
                    </td>
                    <td>
                      {moving?.id === day.id ? (
                        <form className="calendar-move" onSubmit={(e) => void move(e)} noValidate>
                          <DayInput
                            id={`move-${day.id}`}
                            label={t('admin.calendar.moveTo')}
                            value={moving.to}
                            onChange={(to) => setMoving({ id: day.id, to })}
                          />
                          <TouchButton type="submit" className="touch-button--small touch-button--primary">
                            {t('admin.calendar.moveSave')}
                          </TouchButton>
                          <TouchButton className="touch-button--small" onClick={() => setMoving(null)}>
                            {t('admin.calendar.cancel')}
                          </TouchButton>
                        </form>
                      ) : (
                        <div className="admin-table__actions">
                          <TouchButton
                            className="touch-button--small"
                            onClick={() => setMoving({ id: day.id, to: day.date })}
                          >
                            {t('admin.calendar.move')}
                          </TouchButton>
                          {day.estimated && (
                            <TouchButton
                              className="touch-button--small"
                              onClick={() =>
                                void act(
                                  () => call('calendar.confirmDay', { id: day.id }),
                                  t('admin.calendar.confirmedDone'),
                                )
                              }
                            >
                              {t('admin.calendar.confirm')}
                            </TouchButton>
                          )}
                          {day.source === 'admin' && (
                            <TouchButton
                              className="touch-button--small"
                              onClick={() =>
                                void act(
                                  () => call('calendar.removeDay', { id: day.id }),
                                  t('admin.calendar.removedDone'),
                                )
                              }
                            >
                              {t('admin.calendar.remove')}
                            </TouchButton>
                          )}
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        )}
      </section>
    </AdminPage>
  );
}
