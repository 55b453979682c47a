import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localDigits, type Settings } from '../../../main/core/contract';
import { DateTime } from '../ui/DateTime';
import { TouchButton } from '../ui/TouchButton';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { useLanguage } from '../ui/useLanguage';
import type { Navigate } from './KioskFace';

/**
 * The first thing a citizen sees in the lobby: whose desk this is, today's date, and their
 * language. As a counter's customer display (`display`) it offers nothing to start, and says
 * that the survey will open here: the clerk hands the citizen over (survey.offered).
 */
export function KioskHome({
  settings,
  navigate,
  readability,
  display = false,
}: {
  settings: Settings;
  navigate: Navigate;
  /** The larger-text and contrast toggles, whose state outlives this screen. */
  readability: ReactNode;
  display?: boolean;
}) {
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
      {display ? (
        <p className="display-home__waiting" data-testid="display-waiting">
          {t('kiosk.display.waiting')}
        </p>
      ) : (
        <nav className="kiosk-home__entries" aria-label={t('kiosk.entries')}>
          <TouchButton className="kiosk-tile kiosk-tile--main" onClick={() => navigate({ name: 'find' })}>
            <span className="kiosk-tile__title">{t('kiosk.askService')}</span>
            <span className="kiosk-tile__hint">{t('kiosk.askServiceHint')}</span>
          </TouchButton>
          <TouchButton className="kiosk-tile" onClick={() => navigate({ name: 'follow' })}>
            <span className="kiosk-tile__title">{t('kiosk.follow')}</span>
            <span className="kiosk-tile__hint">{t('kiosk.followHint')}</span>
          </TouchButton>
          <TouchButton className="kiosk-tile" onClick={() => navigate({ name: 'survey-start' })}>
            <span className="kiosk-tile__title">{t('kiosk.giveOpinion')}</span>
            <span className="kiosk-tile__hint">{t('kiosk.giveOpinionHint')}</span>
          </TouchButton>
        </nav>
      )}
      <footer className="kiosk-home__footer">
        <LanguageSwitch />
        {readability}
        {!display && (
          <p className="kiosk-home__terminal" data-testid="terminal-number">
            {t('kiosk.terminal', { number: localDigits(settings['terminal.number'], language) })}
          </p>
        )}
      </footer>
    </main>
  );
}
