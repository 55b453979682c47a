import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatJalaliDate,
  instantOfJalali,
  localDigits,
  type Bilingual,
  type ChannelOutput,
  type ErrorCode,
} from '../../../../main/core/contract';
import { invoke } from '../../api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { TouchButton } from '../../ui/TouchButton';
import { useLanguage } from '../../ui/useLanguage';
import { KioskBar } from '../KioskBar';
import type { Navigate } from '../KioskFace';

type Found = ChannelOutput<'catalogue.service'>;
type Due = ChannelOutput<'calendar.dueDate'>;

/** Persian always; English where it was written, else the Persian. */
function words(text: Bilingual, language: 'fa' | 'en'): string {
  return language === 'en' && text.en ? text.en : text.fa;
}

/** Everything the catalogue publishes about a service, at arm's length, and the way to ask for it. */
export function ServiceDetail({ navigate, code }: { navigate: Navigate; code: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [found, setFound] = useState<Found | null>(null);
  const [due, setDue] = useState<Due | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);

  useEffect(() => {
    void invoke('catalogue.service', { code }).then((result) => {
      if (!result.ok) return setError(result.error.code);
      setFound(result.value);
      void invoke('calendar.dueDate', { days: result.value.service.workingDays }).then((d) => d.ok && setDue(d.value));
    });
  }, [code]);

  if (error) return <ErrorNotice code={error} />;
  if (!found) return <main className="kiosk-screen" aria-busy="true" />;
  const { service, agency } = found;
  const list = (items: Bilingual[]) => (
    <ul>
      {items.map((item, i) => (
        <li key={i}>{words(item, language)}</li>
      ))}
    </ul>
  );
  const dueDate = due ? instantOfJalali(due.dueDate) : null;

  return (
    <main className="kiosk-screen service-detail">
      <KioskBar onHome={() => navigate({ name: 'home' })} />
      <header>
        <p className="kiosk-screen__lead">{agency.title[language]}</p>
        <h1>{service.title[language]}</h1>
      </header>
      <div className="service-detail__body">
        <section className="fact-card" data-section="time">
          <h2>{t('requests.service.time')}</h2>
          <p>
            {service.workingDays === 0
              ? t('requests.service.sameDay')
              : t('requests.service.workingDays', {
                  count: service.workingDays,
                  days: localDigits(service.workingDays, language),
                })}
          </p>
          {dueDate && (
            <p className="service-detail__due" data-testid="due-if-today">
              {t('requests.service.dueIfToday', { date: formatJalaliDate(dueDate, language) })}
              {due?.estimated && ` ${t('requests.service.estimated')}`}
            </p>
          )}
        </section>
        <section className="fact-card" data-section="documents">
          <h2>{t('requests.service.documents')}</h2>
          {service.documents.length > 0 ? list(service.documents) : <p>{t('requests.service.noDocuments')}</p>}
        </section>
        <section className="fact-card" data-section="steps">
          <h2>{t('requests.service.steps')}</h2>
          <ol>
            {service.steps.map((step, i) => (
              <li key={i}>{words(step, language)}</li>
            ))}
          </ol>
        </section>
        <section className="fact-card" data-section="fee">
          <h2>{t('requests.service.fee')}</h2>
          <p>
            {service.fee.amountRial === 0
              ? t('requests.service.free')
              : t('requests.service.rial', {
                  amount: localDigits(service.fee.amountRial.toLocaleString('en-US'), language),
                })}
          </p>
          <p>{words(service.fee.how, language)}</p>
          <p>{words(service.fee.where, language)}</p>
        </section>
        <section className="fact-card" data-section="delivery">
          <h2>{t('requests.service.delivery')}</h2>
          <p>{t(`requests.delivery.${service.delivery}`)}</p>
          {service.notElectronicReason && <p>{words(service.notElectronicReason, language)}</p>}
          <p>
            {t('requests.service.responsible')}: {words(service.responsibleUnit, language)}
          </p>
        </section>
        {service.rules.length > 0 && (
          <section className="fact-card" data-section="rules">
            <h2>{t('requests.service.rules')}</h2>
            {list(service.rules)}
          </section>
        )}
        <section className="fact-card" data-section="complaint">
          <h2>{t('requests.service.complaint')}</h2>
          <p>{words(service.complaint, language)}</p>
        </section>
        {service.faq.length > 0 && (
          <section className="fact-card" data-section="faq">
            <h2>{t('requests.service.faq')}</h2>
            <dl>
              {service.faq.map((entry, i) => (
                <div key={i}>
                  <dt>{words(entry.q, language)}</dt>
                  <dd>{words(entry.a, language)}</dd>
                </div>
              ))}
            </dl>
          </section>
        )}
      </div>
      <div className="kiosk-actions">
        <TouchButton onClick={() => navigate({ name: 'find', agencyCode: agency.code })}>
          {t('requests.service.back')}
        </TouchButton>
        {service.active ? (
          <TouchButton
            className="touch-button--primary"
            onClick={() => navigate({ name: 'request', code: service.code, type: service.type, title: service.title })}
          >
            {t('requests.service.ask')}
          </TouchButton>
        ) : (
          <p className="error-notice">{t('errors.requests.service_inactive')}</p>
        )}
      </div>
    </main>
  );
}
