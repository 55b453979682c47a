import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { TouchButton } from '../../ui/TouchButton';

const BACK_HOME_MS = 8000;

/** The thank-you, then home by itself: the next citizen finds the kiosk ready. */
export function SurveyThanks({ done }: { done: () => void }) {
  const { t } = useTranslation();
  useEffect(() => {
    const timer = setTimeout(done, BACK_HOME_MS);
    return () => clearTimeout(timer);
  }, [done]);
  return (
    <main className="kiosk-screen survey-thanks">
      <h1>{t('survey.thanksTitle')}</h1>
      <p className="kiosk-screen__lead">{t('survey.thanksText')}</p>
      <TouchButton className="touch-button--primary" onClick={done}>
        {t('kiosk.home')}
      </TouchButton>
    </main>
  );
}
