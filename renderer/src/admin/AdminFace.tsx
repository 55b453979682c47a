import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../main/core/contract';
import { useSession } from '../auth/session';
import { ReportsPage } from '../reports/ReportsPage';
import { AdminMaintenance } from './AdminMaintenance';
import { AdminSettings } from './AdminSettings';
import { BackupPage } from './BackupPage';
import { CalendarPage } from './CalendarPage';
import { CataloguePage } from './CataloguePage';
import './Admin.css';
import './Maintenance.css';
import { PrinterPage } from './PrinterPage';
import { ScannerPage } from './ScannerPage';
import { UsersPage } from './UsersPage';

const PAGES = [
  'settings',
  'catalogue',
  'calendar',
  'printer',
  'scanner',
  'users',
  'reports',
  'backup',
  'maintenance',
] as const;
type Page = (typeof PAGES)[number];

/** A supervisor signs in here for the reports; every other page changes the terminal, an administrator's work. */
const SUPERVISOR_PAGES: readonly Page[] = ['reports'];

/** The tab words that were the maintenance page's before the admin face had more pages. */
const LABELS: Partial<Record<Page, string>> = {
  settings: 'maintenance.tabs.settings',
  reports: 'maintenance.tabs.reports',
  maintenance: 'maintenance.tabs.maintenance',
};

function PageOf({ page, settings }: { page: Page; settings: Settings }) {
  switch (page) {
    case 'settings':
      return <AdminSettings settings={settings} />;
    case 'catalogue':
      return <CataloguePage />;
    case 'calendar':
      return <CalendarPage settings={settings} />;
    case 'printer':
      return <PrinterPage settings={settings} />;
    case 'scanner':
      return <ScannerPage settings={settings} />;
    case 'users':
      return <UsersPage />;
    case 'reports':
      return <ReportsPage settings={settings} />;
    case 'backup':
      return <BackupPage />;
    case 'maintenance':
      return <AdminMaintenance />;
  }
}

/** The admin face: a bar of its pages over the one shown; each page saves through the core's channels. */
export function AdminFace({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const session = useSession();
  const pages = session.user.role === 'admin' ? PAGES : SUPERVISOR_PAGES;
  const [page, setPage] = useState<Page>(pages[0] ?? 'reports');
  return (
    <div className="admin-face">
      <nav className="admin-tabs" aria-label={t('maintenance.tabs.label')}>
        {pages.map((name) => (
          <button
            key={name}
            type="button"
            className="admin-tabs__tab"
            data-page={name}
            aria-current={page === name ? 'page' : undefined}
            onClick={() => setPage(name)}
          >
            {t(LABELS[name] ?? `admin.tabs.${name}`)}
          </button>
        ))}
        <span className="admin-tabs__user" data-testid="signed-in-user">
          {session.user.displayName} <small>({t(`auth.roles.${session.user.role}`)})</small>
        </span>
        <button type="button" className="admin-tabs__tab" onClick={session.signOut}>
          {t('auth.signOut')}
        </button>
      </nav>
      <PageOf page={page} settings={settings} />
    </div>
  );
}
