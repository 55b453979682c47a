import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../main/core/contract';
import { DateTime } from '../ui/DateTime';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { useLanguage } from '../ui/useLanguage';

/**
 * The customer display's rest screen, on a counter's second screen facing the citizen: whose
 * desk this is, and that the survey will open here. It offers nothing to start: the clerk
 * hands the citizen over when the service is delivered (survey.offered).
 */
export function DisplayHome({ settings, readability }: { settings: Settings; readability: ReactNode }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <main className="kiosk-home display-home">
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
      <p className="display-home__waiting" data-testid="display-waiting">
        {t('kiosk.display.waiting')}
      </p>
      <footer className="kiosk-home__footer">
        <LanguageSwitch />
        {readability}
      </footer>
    </main>
  );
}
