import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { TouchButton } from '../ui/TouchButton';

/** The top of every kiosk screen but home: the way back home, and the language. */
export function KioskBar({ onHome }: { onHome: () => void }) {
  const { t } = useTranslation();
  return (
    <header className="kiosk-bar">
      <TouchButton className="kiosk-bar__home" onClick={onHome}>
        {t('kiosk.home')}
      </TouchButton>
      <LanguageSwitch />
    </header>
  );
}
