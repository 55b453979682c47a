import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { groupTypedTrackingCode, localDigits, type AppError } from '../../../../main/core/contract';
import { invoke, type ChannelResult } from '../../api';
import { OnScreenKeyboard } from '../../ui/OnScreenKeyboard';
import { RefusalNotice } from '../../ui/RefusalNotice';
import { TouchButton } from '../../ui/TouchButton';
import { useLanguage } from '../../ui/useLanguage';
import { useScannedCode } from '../../ui/useScannedCode';
import { KioskBar } from '../KioskBar';
import type { Navigate } from '../KioskFace';

const CODE_LENGTH = 11;

/**
 * The way into the survey: the tracking code of a delivered receipt (typed, or scanned from
 * the receipt's QR code), or, where the office allows it, without one.
 */
export function SurveyStart(props: { navigate: Navigate; anonymous: boolean; offeredCode: string | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [code, setCode] = useState(props.offeredCode ?? '');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const { navigate, offeredCode } = props;

  const answered = (result: ChannelResult<'survey.start'>, trackingCode: string | undefined) => {
    setBusy(false);
    if (result.ok) navigate({ name: 'survey', started: result.value, trackingCode });
    else setError(result.error);
  };

  function start(trackingCode: string | undefined) {
    setBusy(true);
    setError(null);
    void invoke('survey.start', trackingCode === undefined ? {} : { trackingCode }).then((r) =>
      answered(r, trackingCode),
    );
  }

  useEffect(() => {
    // The code the counter offered starts the survey at once; only on the first render.
    if (offeredCode) void invoke('survey.start', { trackingCode: offeredCode }).then((r) => answered(r, offeredCode));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useScannedCode((scanned) => {
    setError(null);
    setCode(scanned.replace(/\D/g, '').slice(0, CODE_LENGTH));
  });

  const onKey = (key: string) => {
    setError(null);
    setCode((current) => (key === '\b' ? current.slice(0, -1) : (current + key).slice(0, CODE_LENGTH)));
  };

  return (
    <main className="kiosk-screen survey-start">
      <KioskBar onHome={() => navigate({ name: 'home' })} />
      <h1>{t('survey.startTitle')}</h1>
      <p className="kiosk-screen__lead">{t('survey.startLead')}</p>
      <label className="kiosk-field">
        <span className="kiosk-field__label">{t('survey.trackingCode')}</span>
        <output className="kiosk-field__value" dir="ltr" data-testid="tracking-code">
          {localDigits(groupTypedTrackingCode(code), language) || '\u00a0'}
        </output>
      </label>
      {error && <RefusalNotice error={error} />}
      <OnScreenKeyboard layout="digits" letters={false} onLayout={() => undefined} onKey={onKey} />
      <div className="kiosk-actions">
        <TouchButton
          className="touch-button--primary"
          disabled={busy || code.length !== CODE_LENGTH}
          onClick={() => start(code)}
        >
          {t('survey.start')}
        </TouchButton>
        {props.anonymous && (
          <TouchButton disabled={busy} onClick={() => start(undefined)}>
            {t('survey.withoutCode')}
          </TouchButton>
        )}
      </div>
    </main>
  );
}
