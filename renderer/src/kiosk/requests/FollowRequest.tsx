import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatJalaliDate,
  formatTime,
  groupTypedTrackingCode,
  instantOfJalali,
  localDigits,
  type AppError,
  type ChannelOutput,
} from '../../../../main/core/contract';
import { invoke } from '../../api';
import { OnScreenKeyboard } from '../../ui/OnScreenKeyboard';
import { RefusalNotice } from '../../ui/RefusalNotice';
import { TouchButton } from '../../ui/TouchButton';
import { useLanguage } from '../../ui/useLanguage';
import { useScannedCode } from '../../ui/useScannedCode';
import { KeyboardField } from '../KeyboardField';
import { KioskBar } from '../KioskBar';
import type { Navigate } from '../KioskFace';

type Found = ChannelOutput<'requests.lookup'>;
type Field = 'trackingCode' | 'mobileLastFour';
const LENGTH: Record<Field, number> = { trackingCode: 11, mobileLastFour: 4 };

/**
 * Following a request: the tracking code (typed, or read off the receipt by the scanner)
 * and the last four digits of the mobile; then its stages and its due date.
 */
export function FollowRequest({ navigate }: { navigate: Navigate }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [values, setValues] = useState<Record<Field, string>>({ trackingCode: '', mobileLastFour: '' });
  const [active, setActive] = useState<Field>('trackingCode');
  const [found, setFound] = useState<Found | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useScannedCode((code) => {
    setValues((v) => ({ ...v, trackingCode: code.replace(/\D/g, '').slice(0, LENGTH.trackingCode) }));
    setActive('mobileLastFour');
  });

  const onKey = (key: string) => {
    setError(null);
    const next = key === '\b' ? values[active].slice(0, -1) : (values[active] + key).slice(0, LENGTH[active]);
    setValues({ ...values, [active]: next });
    // A whole code moves the keypad on to the mobile's digits.
    if (key !== '\b' && next.length === LENGTH[active] && active === 'trackingCode') setActive('mobileLastFour');
  };

  async function look() {
    const result = await invoke('requests.lookup', values);
    if (result.ok) setFound(result.value);
    else setError(result.error);
  }

  if (found) {
    const due = instantOfJalali(found.dueDate);
    return (
      <main className="kiosk-screen follow-result">
        <KioskBar onHome={() => navigate({ name: 'home' })} />
        <h1>{found.service.title[language]}</h1>
        <p className="tracking-code tracking-code--small" dir="ltr">
          {localDigits(groupTypedTrackingCode(found.trackingCode), language)}
        </p>
        <p className="status-badge" data-status={found.status}>
          {t(`requests.status.${found.status}`)}
        </p>
        {due && (
          <p data-testid="due-date">
            {t('requests.receipt.due', { date: formatJalaliDate(due, language) })}
            {found.dueDateEstimated && ` ${t('requests.service.estimated')}`}
          </p>
        )}
        <h2>{t('requests.follow.timeline')}</h2>
        <ol className="timeline" data-testid="timeline">
          {found.timeline.map((event, i) => (
            <li key={i} data-status={event.to}>
              <span className="timeline__status">{t(`requests.status.${event.to}`)}</span>
              <span className="timeline__when">
                {formatJalaliDate(new Date(event.at), language)} · {formatTime(new Date(event.at), language)}
              </span>
            </li>
          ))}
        </ol>
        <div className="kiosk-actions">
          <TouchButton className="touch-button--primary" onClick={() => navigate({ name: 'home' })}>
            {t('requests.receipt.finish')}
          </TouchButton>
        </div>
      </main>
    );
  }

  return (
    <main className="kiosk-screen follow-request">
      <KioskBar onHome={() => navigate({ name: 'home' })} />
      <h1>{t('requests.follow.title')}</h1>
      <p className="kiosk-screen__lead">{t('requests.follow.lead')}</p>
      <KeyboardField
        id="trackingCode"
        label={t('survey.trackingCode')}
        value={values.trackingCode}
        display={localDigits(groupTypedTrackingCode(values.trackingCode), language)}
        active={active === 'trackingCode'}
        onActivate={() => setActive('trackingCode')}
        direction="ltr"
      />
      <KeyboardField
        id="mobileLastFour"
        label={t('requests.follow.mobileLastFour')}
        value={values.mobileLastFour}
        display={localDigits(values.mobileLastFour, language)}
        active={active === 'mobileLastFour'}
        onActivate={() => setActive('mobileLastFour')}
        direction="ltr"
      />
      {error && <RefusalNotice error={error} />}
      <OnScreenKeyboard layout="digits" letters={false} onLayout={() => undefined} onKey={onKey} />
      <div className="kiosk-actions">
        <TouchButton
          className="touch-button--primary"
          disabled={
            values.trackingCode.length !== LENGTH.trackingCode || values.mobileLastFour.length !== LENGTH.mobileLastFour
          }
          onClick={() => void look()}
        >
          {t('requests.follow.look')}
        </TouchButton>
      </div>
    </main>
  );
}
