import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../main/core/contract';
import { AdminPage } from './AdminPage';
import { TERMINAL_GROUPS } from './settingPages';
import { SettingsForm } from './SettingsForm';

/** The terminal's own settings: what it is, its hours, its survey, how long it keeps citizens' data, its updates. */
export function AdminSettings({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  return (
    <AdminPage title={t('admin.title')} className="terminal-page">
      <SettingsForm settings={settings} groups={TERMINAL_GROUPS} />
    </AdminPage>
  );
}
