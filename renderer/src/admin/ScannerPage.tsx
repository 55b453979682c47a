import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../main/core/contract';
import { AdminPage } from './AdminPage';
import { SCANNER_KEYS } from './settingPages';
import { SettingsForm } from './SettingsForm';

/** The receipt scanner's serial port: a code it reads opens its request at the kiosk and the counter. */
export function ScannerPage({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  return (
    <AdminPage title={t('admin.scanner.title')} className="scanner-page">
      <SettingsForm
        settings={settings}
        groups={[{ title: 'admin.scanner.port', help: 'admin.scanner.help', keys: SCANNER_KEYS }]}
      />
    </AdminPage>
  );
}
