import { useTranslation } from 'react-i18next';
import { DateTime } from '../ui/DateTime';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { ExitPinPanel } from './ExitPinPanel';
import './Maintenance.css';
import { RecentLogs } from './RecentLogs';

/** The terminal's upkeep: the kiosk exit PIN and the recent log. */
export function AdminMaintenance() {
  const { t } = useTranslation();
  return (
    <div className="desk">
      <header className="desk__bar">
        <h1 className="desk__title">{t('maintenance.title')}</h1>
        <DateTime className="desk__clock" />
        <LanguageSwitch />
      </header>
      <main className="desk__main maintenance">
        <ExitPinPanel />
        <RecentLogs />
      </main>
    </div>
  );
}
