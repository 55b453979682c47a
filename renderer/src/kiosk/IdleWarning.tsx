import { useTranslation } from 'react-i18next';
import { localDigits } from '../../../main/core/contract';
import { TouchButton } from '../ui/TouchButton';
import { useLanguage } from '../ui/useLanguage';
import { useIdle } from './useIdle';

/** Watches for idleness on its own, so that its ticking re-renders only itself. */
export function IdleGuard(props: { idleSeconds: number; enabled: boolean; onExpire: () => void }) {
  const secondsLeft = useIdle(props.idleSeconds, props.enabled, props.onExpire);
  return secondsLeft === null ? null : <IdleWarning secondsLeft={secondsLeft} />;
}

/** "Are you still there?": any touch answers it; at zero the screen is wiped. */
export function IdleWarning({ secondsLeft }: { secondsLeft: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="idle-warning" role="alertdialog" aria-labelledby="idle-title" aria-describedby="idle-text">
      <div className="idle-warning__box">
        <h2 id="idle-title">{t('idle.title')}</h2>
        <p id="idle-text">{t('idle.text', { seconds: localDigits(secondsLeft, language) })}</p>
        <TouchButton className="touch-button--primary">{t('idle.continue')}</TouchButton>
      </div>
    </div>
  );
}
