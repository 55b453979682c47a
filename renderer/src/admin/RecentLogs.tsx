import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDigits, type ChannelOutput, type ErrorCode } from '../../../main/core/contract';
import { invoke } from '../api';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TouchButton } from '../ui/TouchButton';
import { useLanguage } from '../ui/useLanguage';
import { formatWhen } from './formatWhen';

type Logs = ChannelOutput<'logs.recent'>;

/** The terminal's recent log, newest first, with a warning when the screen crashed again and again. */
export function RecentLogs() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [logs, setLogs] = useState<Logs | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);

  const load = useCallback(() => {
    void invoke('logs.recent', { limit: 200 }).then((result) => {
      if (result.ok) {
        setLogs(result.value);
        setError(null);
      } else setError(result.error.code);
    });
  }, []);
  useEffect(load, [load]);

  const crashes = logs?.repeatedCrashes;
  return (
    <section className="panel recent-logs" aria-labelledby="recent-logs-title">
      <div className="recent-logs__head">
        <h2 id="recent-logs-title">{t('maintenance.logs.title')}</h2>
        <TouchButton onClick={load}>{t('maintenance.logs.refresh')}</TouchButton>
      </div>
      {error && <ErrorNotice code={error} />}
      {crashes && crashes.last24h > 0 && (
        <p className="recent-logs__warning" role="alert" data-testid="repeated-crashes">
          {t('maintenance.logs.repeatedCrashes', {
            count: localDigits(crashes.last24h, language),
            when: crashes.lastAt ? formatWhen(crashes.lastAt, language) : '',
          })}
        </p>
      )}
      {logs && logs.entries.length === 0 && <p>{t('maintenance.logs.empty')}</p>}
      {logs && logs.entries.length > 0 && (
        <table className="recent-logs__table" data-testid="recent-logs">
          <thead>
            <tr>
              <th scope="col">{t('maintenance.logs.time')}</th>
              <th scope="col">{t('maintenance.logs.level')}</th>
              <th scope="col">{t('maintenance.logs.event')}</th>
              <th scope="col">{t('maintenance.logs.message')}</th>
            </tr>
          </thead>
          <tbody>
            {logs.entries.map((entry, i) => (
              <tr key={`${entry.at}-${i}`} data-level={entry.level}>
                <td>{formatWhen(entry.at, language)}</td>
                <td>{t(`maintenance.logs.levels.${entry.level}`)}</td>
                <td dir="ltr">{entry.event}</td>
                {/* The log is written for a technician, in English. */}
                <td dir="ltr" lang="en">
                  {entry.message}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
