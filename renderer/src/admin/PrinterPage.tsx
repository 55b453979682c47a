import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  groupTypedTrackingCode,
  localDigits,
  printerCanPrint,
  type ErrorCode,
  type PrinterState,
  type PrintJob,
  type Settings,
} from '../../../main/core/contract';
import { onEvent } from '../api';
import { useCall } from '../auth/session';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TouchButton } from '../ui/TouchButton';
import { useLanguage } from '../ui/useLanguage';
import { AdminPage } from './AdminPage';
import { formatWhen } from './formatWhen';
import { PRINTER_KEYS, printerFieldShown } from './settingPages';
import { SettingsForm } from './SettingsForm';

const JOBS_SHOWN = 20;

/** The receipt printer: how it is reached, what it says now, a test page, and the recent jobs with the failed ones retried. */
export function PrinterPage({ settings }: { settings: Settings }) {
  const call = useCall();
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const [status, setStatus] = useState<{ state: PrinterState; checkedAt: string } | null>(null);
  const [jobs, setJobs] = useState<PrintJob[]>([]);
  const [testJob, setTestJob] = useState<number | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);

  const check = useCallback(() => {
    void call('printer.status', {}).then((result) => {
      if (result.ok) setStatus(result.value);
      else setError(result.error.code);
    });
  }, [call]);
  const loadJobs = useCallback(() => {
    void call('print.jobs', { limit: JOBS_SHOWN }).then((result) => {
      if (result.ok) setJobs(result.value);
      else setError(result.error.code);
    });
  }, [call]);

  // Asked again whenever the way to the printer changes: the new settings are what it answers for.
  const transport = PRINTER_KEYS.map((key) => settings[key]).join('|');
  useEffect(check, [check, transport]);
  useEffect(loadJobs, [loadJobs]);
  useEffect(
    () =>
      onEvent((event) => {
        if (event.type === 'printer.status') setStatus({ state: event.state, checkedAt: event.checkedAt });
        if (event.type === 'print.job') {
          setJobs((old) =>
            old.some((job) => job.id === event.job.id)
              ? old.map((job) => (job.id === event.job.id ? event.job : job))
              : [event.job, ...old].slice(0, JOBS_SHOWN),
          );
        }
      }),
    [],
  );

  async function test() {
    setError(null);
    const result = await call('printer.test', {});
    if (result.ok) setTestJob(result.value.jobId);
    else setError(result.error.code);
  }

  async function retry(jobId: number) {
    setError(null);
    const result = await call('print.retry', { jobId });
    if (!result.ok) setError(result.error.code);
    else setJobs((old) => old.map((job) => (job.id === jobId ? result.value : job)));
  }

  const testPage = jobs.find((job) => job.id === testJob);
  const errorWords = (code: string) =>
    i18n.exists(`admin.printer.jobErrors.${code}`) ? t(`admin.printer.jobErrors.${code}`) : code;

  return (
    <AdminPage title={t('admin.printer.title')} className="printer-page">
      <SettingsForm
        settings={settings}
        groups={[{ keys: PRINTER_KEYS }]}
        shown={(key, draft) => printerFieldShown(key, draft['printer.connection'])}
      />
      <div className="printer-page__side">
        <section className="panel printer-status" aria-labelledby="printer-status-title">
          <h2 id="printer-status-title">{t('admin.printer.status')}</h2>
          {status && (
            <p
              className="printer-status__state"
              data-state={status.state}
              data-ok={printerCanPrint(status.state) || undefined}
              data-testid="printer-state"
            >
              <span className="printer-status__dot" aria-hidden="true" />
              {t(`health.printerStatus.${status.state}`)}
            </p>
          )}
          {status && (
            <p className="settings-group__help">
              {t('admin.printer.checkedAt', { when: formatWhen(status.checkedAt, language) })}
            </p>
          )}
          <div className="settings-form__actions">
            <TouchButton onClick={check}>{t('admin.printer.check')}</TouchButton>
            <TouchButton className="touch-button--primary" onClick={() => void test()}>
              {t('admin.printer.test')}
            </TouchButton>
          </div>
          {testJob !== null && (
            <p role="status" className="saved-notice" data-testid="test-job">
              {t(`admin.printer.testJob.${testPage?.status ?? 'queued'}`, { id: localDigits(testJob, language) })}
            </p>
          )}
          {error && <ErrorNotice code={error} />}
        </section>
        <section className="panel print-jobs" aria-labelledby="print-jobs-title">
          <div className="panel__head">
            <h2 id="print-jobs-title">{t('admin.printer.jobs')}</h2>
            <TouchButton className="touch-button--small" onClick={loadJobs}>
              {t('maintenance.logs.refresh')}
            </TouchButton>
          </div>
          {jobs.length === 0 ? (
            <p>{t('admin.printer.noJobs')}</p>
          ) : (
            <table className="admin-table" data-testid="print-jobs">
              <thead>
                <tr>
                  <th scope="col">{t('admin.printer.job')}</th>
                  <th scope="col">{t('admin.printer.what')}</th>
                  <th scope="col">{t('admin.printer.jobStatus')}</th>
                  <th scope="col">{t('admin.printer.attempts')}</th>
                  <th scope="col">{t('admin.printer.when')}</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {jobs.map((job) => (
                  <tr key={job.id} data-job={job.id} data-status={job.status}>
                    <td>{localDigits(job.id, language)}</td>
                    <td>
                      {job.kind === 'test' ? (
                        t('admin.printer.kinds.test')
                      ) : (
                        <>
                          {t(`admin.printer.kinds.${job.kind}`)}{' '}
                          <bdi dir="ltr">{localDigits(groupTypedTrackingCode(job.trackingCode ?? ''), language)}</bdi>
                        </>
                      )}
                      {job.copy && <span className="badge">{t('admin.printer.copy')}</span>}
                    </td>
                    <td>
                      {t(`admin.printer.jobStatuses.${job.status}`)}
                      {job.lastError && job.status !== 'done' && (
                        <span className="admin-table__sub">{errorWords(job.lastError)}</span>
                      )}
                    </td>
                    <td>{localDigits(job.attempts, language)}</td>
                    <td>{formatWhen(job.updatedAt, language)}</td>
                    <td>
                      {job.status === 'failed' && (
                        <TouchButton className="touch-button--small" onClick={() => void retry(job.id)}>
                          {t('admin.printer.retry')}
                        </TouchButton>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </AdminPage>
  );
}
