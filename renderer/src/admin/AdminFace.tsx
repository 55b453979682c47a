import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../main/core/contract';
import { AdminMaintenance } from './AdminMaintenance';
import { AdminSettings } from './AdminSettings';
import { ReportsPage } from '../reports/ReportsPage';
import './Maintenance.css';

const TABS = ['settings', 'reports', 'maintenance'] as const;
type Tab = (typeof TABS)[number];

/** The admin face until it gets its own navigation: a tab bar over the settings and the maintenance page. */
export function AdminFace({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('settings');
  return (
    <div className="admin-face">
      <nav className="admin-tabs" aria-label={t('maintenance.tabs.label')}>
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            className="admin-tabs__tab"
            aria-current={tab === name ? 'page' : undefined}
            onClick={() => setTab(name)}
          >
            {t(`maintenance.tabs.${name}`)}
          </button>
        ))}
      </nav>
      {tab === 'settings' && <AdminSettings settings={settings} />}
      {tab === 'reports' && <ReportsPage settings={settings} />}
      {tab === 'maintenance' && <AdminMaintenance />}
    </div>
  );
}
