import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDigits, type Backup, type ErrorCode, type Language } from '../../../main/core/contract';
import { useCall } from '../auth/session';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TouchButton } from '../ui/TouchButton';
import { useLanguage } from '../ui/useLanguage';
import { AdminPage } from './AdminPage';
import { formatWhen } from './formatWhen';

/** A size as people read it: KB or MB, one decimal, in the reader's digits. */
function formatSize(bytes: number, language: Language, units: { kb: string; mb: string }): string {
  const mb = bytes / 1024 / 1024;
  const text = mb >= 1 ? `${mb.toFixed(1)} ${units.mb}` : `${Math.max(1, Math.round(bytes / 1024))} ${units.kb}`;
  return localDigits(text, language);
}

/** Backup now: an online copy of the database in the user data folder's backups, and the last ones made. */
export function BackupPage() {
  const call = useCall();
  const { t } = useTranslation();
  const language = useLanguage();
  const [backups, setBackups] = useState<Backup[]>([]);
  const [made, setMade] = useState<Backup | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const units = { kb: t('admin.backup.kb'), mb: t('admin.backup.mb') };

  const load = useCallback(() => {
    void call('system.backups', { limit: 10 }).then((result) => {
      if (result.ok) setBackups(result.value);
      else setError(result.error.code);
    });
  }, [call]);
  useEffect(load, [load]);

  async function backUp() {
    setBusy(true);
    setError(null);
    setMade(null);
    const result = await call('system.backup', {});
    setBusy(false);
    if (!result.ok) return setError(result.error.code);
    setMade(result.value);
    load();
    return undefined;
  }

  return (
    <AdminPage title={t('admin.backup.title')} className="backup-page">
      <section className="panel" aria-labelledby="backup-now-title">
        <h2 id="backup-now-title">{t('admin.backup.now')}</h2>
        <p>{t('admin.backup.help')}</p>
        <div className="settings-form__actions">
          <TouchButton className="touch-button--primary" disabled={busy} onClick={() => void backUp()}>
            {busy ? t('admin.backup.working') : t('admin.backup.button')}
          </TouchButton>
        </div>
        {made && (
          <p role="status" className="saved-notice" data-testid="backup-made">
            {t('admin.backup.done', { size: formatSize(made.bytes, language, units) })}{' '}
            <bdi dir="ltr" className="code">
              {made.path}
            </bdi>
          </p>
        )}
        {error && <ErrorNotice code={error} />}
      </section>
      <section className="panel backups" aria-labelledby="backups-title">
        <h2 id="backups-title">{t('admin.backup.last')}</h2>
        {backups.length === 0 ? (
          <p>{t('admin.backup.none')}</p>
        ) : (
          <table className="admin-table" data-testid="backups">
            <thead>
              <tr>
                <th scope="col">{t('admin.backup.when')}</th>
                <th scope="col">{t('admin.backup.file')}</th>
                <th scope="col">{t('admin.backup.size')}</th>
              </tr>
            </thead>
            <tbody>
              {backups.map((backup) => (
                <tr key={backup.fileName}>
                  <td>{formatWhen(backup.createdAt, language)}</td>
                  <td>
                    <bdi dir="ltr" className="code">
                      {backup.fileName}
                    </bdi>
                  </td>
                  <td>{formatSize(backup.bytes, language, units)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </AdminPage>
  );
}
