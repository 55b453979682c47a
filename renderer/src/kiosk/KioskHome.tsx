import { useTranslation } from 'react-i18next';
import { localDigits, type Settings } from '../../../main/core/contract';
import { DateTime } from '../ui/DateTime';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { useLanguage } from '../ui/useLanguage';

/** The first thing a citizen sees in the lobby: whose desk this is, today's date, and their language. */
export function KioskHome({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <main className="kiosk-home">
      <header className="kiosk-home__header">
        <p className="kiosk-home__app">{t('app.name')}</p>
        <h1 className="kiosk-home__office" data-testid="office-name">
          {settings[language === 'fa' ? 'office.name.fa' : 'office.name.en']}
        </h1>
      </header>
      <section className="kiosk-home__welcome">
        <p className="kiosk-home__greeting">{t('kiosk.welcome')}</p>
        <DateTime className="kiosk-home__date" />
      </section>
      <footer className="kiosk-home__footer">
        <LanguageSwitch />
        <p className="kiosk-home__terminal" data-testid="terminal-number">
          {t('kiosk.terminal', { number: localDigits(settings['terminal.number'], language) })}
        </p>
      </footer>
    </main>
  );
}
