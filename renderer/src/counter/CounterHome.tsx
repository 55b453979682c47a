import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDigits, type ChannelOutput, type ErrorCode, type Settings } from '../../../main/core/contract';
import { invoke } from '../api';
import { DateTime } from '../ui/DateTime';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { useLanguage } from '../ui/useLanguage';

type Health = ChannelOutput<'system.health'>;

/** The clerk's screen: the office bar and, for now, the terminal's own state. */
export function CounterHome({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [health, setHealth] = useState<Health | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  useEffect(() => {
    void invoke('system.health', {}).then((result) =>
      result.ok ? setHealth(result.value) : setError(result.error.code),
    );
  }, []);
  return (
    <div className="desk">
      <header className="desk__bar">
        <h1 className="desk__title">
          {t('counter.title')} · {settings[language === 'fa' ? 'office.name.fa' : 'office.name.en']}
        </h1>
        <DateTime className="desk__clock" />
        <LanguageSwitch />
      </header>
      <main className="desk__main">
        <section className="panel" aria-labelledby="status-title">
          <h2 id="status-title">{t('counter.status')}</h2>
          {error && <ErrorNotice code={error} />}
          {health && (
            <dl className="facts" data-testid="health">
              <dt>{t('health.version')}</dt>
              <dd>
                <bdi dir="ltr">{localDigits(health.appVersion, language)}</bdi>
              </dd>
              <dt>{t('health.database')}</dt>
              <dd>
                <bdi dir="ltr">{health.database.path}</bdi>
              </dd>
              <dt>{t('health.schema')}</dt>
              <dd>{localDigits(health.database.schemaVersion, language)}</dd>
              <dt>{t('health.printer')}</dt>
              <dd>{t(`health.printerStatus.${health.printer.status}`)}</dd>
            </dl>
          )}
        </section>
      </main>
    </div>
  );
}
