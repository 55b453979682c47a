import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError, DocumentCheck, RequestDetail, RequestStatus } from '../../../main/core/contract';
import { onEvent } from '../api';
import { FieldError } from '../auth/FieldError';
import { useCall } from '../auth/session';
import { TouchButton } from '../ui/TouchButton';
import { useLanguage } from '../ui/useLanguage';
import { actorKey, showCode, showDay, showInstant } from './format';
import { altDigit, useShortcut } from './shortcuts';

type Notice =
  | { kind: 'taken' | 'reprinted' | 'moved' | 'surveyOffered' | 'surveySlip'; status?: RequestStatus }
  /** `moved`: the move went through and only what followed it failed (the survey hand-off). */
  | { kind: 'error'; error: AppError; moved?: RequestStatus };

/**
 * One request in the clerk's hands: who asked for what, the documents handed in and still
 * missing, what happened to it so far, and the moves its status allows (each with an optional
 * note). Delivering it hands the citizen to the survey: on the customer display, or on a
 * printed slip, as the terminal's setting says (the core decides).
 */
export function RequestPanel({
  trackingCode,
  justTaken = false,
  onClose,
}: {
  trackingCode: string;
  /** Just registered at this counter: say that its receipt is printing. */
  justTaken?: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const call = useCall();
  const [detail, setDetail] = useState<RequestDetail | null>(null);
  const [documents, setDocuments] = useState<DocumentCheck[]>([]);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [note, setNote] = useState('');
  const [notice, setNotice] = useState<Notice | null>(justTaken ? { kind: 'taken' } : null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    void call('requests.get', { trackingCode }).then((result) => {
      if (!result.ok) return setLoadError(result.error);
      setDetail(result.value);
    });
    void call('documents.list', { trackingCode }).then((result) => result.ok && setDocuments(result.value));
  }, [call, trackingCode]);
  useEffect(load, [load]);
  // Moved at another counter meanwhile: show it as it is now.
  useEffect(
    () => onEvent((event) => event.type === 'queue.changed' && event.trackingCode === trackingCode && load()),
    [load, trackingCode],
  );

  const offerSurvey = async (delivered?: RequestStatus) => {
    const offered = await call('survey.offer', { trackingCode });
    if (!offered.ok) return setNotice({ kind: 'error', error: offered.error, moved: delivered });
    setNotice({ kind: offered.value.via === 'slip' ? 'surveySlip' : 'surveyOffered' });
  };

  const move = async (to: RequestStatus) => {
    if (busy) return;
    setBusy(true);
    const result = await call('requests.transition', {
      trackingCode,
      to,
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    setBusy(false);
    if (!result.ok) return setNotice({ kind: 'error', error: result.error });
    setDetail(result.value);
    setNote('');
    if (to !== 'delivered') return setNotice({ kind: 'moved', status: to });
    // Delivered: the citizen is asked for their opinion at once.
    await offerSurvey(to);
  };

  const reprint = async () => {
    const result = await call('print.reprint', { trackingCode });
    setNotice(result.ok ? { kind: 'reprinted' } : { kind: 'error', error: result.error });
  };

  const tick = async (index: number, received: boolean) => {
    const result = await call('documents.mark', { trackingCode, index, received });
    if (result.ok) setDocuments(result.value);
    else setNotice({ kind: 'error', error: result.error });
  };

  useShortcut(
    (e) => e.key === 'F6',
    () => void reprint(),
  );
  useShortcut(
    (e) => altDigit(e) !== null,
    (e) => {
      const to = detail?.allowed[(altDigit(e) ?? 0) - 1];
      if (to) void move(to);
    },
  );

  if (loadError) {
    return (
      <div className="request">
        <FieldError error={loadError} />
        <TouchButton onClick={onClose}>{t('counter.request.close')}</TouchButton>
      </div>
    );
  }
  if (!detail) return <div className="request" aria-busy="true" />;
  const { applicant } = detail;
  const missing = documents.filter((d) => !d.received).length;

  return (
    <article className="request" data-testid="request" data-status={detail.status} aria-labelledby="request-title">
      <header className="request__head">
        <div>
          <h2 id="request-title">
            <bdi dir="ltr">{showCode(detail.trackingCode, language)}</bdi>
          </h2>
          <p className="request__service">
            {detail.service.title[language]} · <small>{detail.service.agencyTitle[language]}</small>
          </p>
        </div>
        <span className={`status status--${detail.status}`} data-testid="request-status">
          {t(`counter.statuses.${detail.status}`)}
        </span>
        <button type="button" className="touch-button request__close" onClick={onClose}>
          {t('counter.request.close')} <kbd>Esc</kbd>
        </button>
      </header>

      <dl className="facts request__facts">
        {detail.purged && (
          <>
            <dt>{t('counter.request.applicant')}</dt>
            <dd>{t('counter.request.purged')}</dd>
          </>
        )}
        {applicant.company && (
          <>
            <dt>{t('counter.fields.company')}</dt>
            <dd>{applicant.company}</dd>
          </>
        )}
        {applicant.legalId && (
          <>
            <dt>{t('counter.fields.legalId')}</dt>
            <dd>
              <bdi dir="ltr">{showDay(applicant.legalId, language)}</bdi>
            </dd>
          </>
        )}
        {applicant.name && (
          <>
            <dt>{t('counter.fields.name')}</dt>
            <dd>{applicant.name}</dd>
          </>
        )}
        {applicant.nationalCode && (
          <>
            <dt>{t('counter.fields.nationalCode')}</dt>
            <dd>
              <bdi dir="ltr">{showDay(applicant.nationalCode, language)}</bdi>
            </dd>
          </>
        )}
        {applicant.mobile && (
          <>
            <dt>{t('counter.fields.mobile')}</dt>
            <dd>
              <bdi dir="ltr">{showDay(applicant.mobile, language)}</bdi>
            </dd>
          </>
        )}
        <dt>{t('counter.request.taken')}</dt>
        <dd>
          {showInstant(detail.createdAt, language)} · {t(`counter.channel.${detail.channel}`)}
        </dd>
        <dt>{t('counter.request.due')}</dt>
        <dd>
          {showDay(detail.dueDate, language)}
          {detail.dueDateEstimated && <small> ({t('counter.request.estimated')})</small>}
        </dd>
      </dl>

      {documents.length > 0 && (
        <fieldset className="request__documents" data-testid="documents">
          <legend>
            {t('counter.documents.title')} ·{' '}
            {missing === 0
              ? t('counter.documents.complete')
              : t('counter.documents.missing', { count: missing, n: showDay(String(missing), language) })}
          </legend>
          {documents.map((doc) => (
            <label key={doc.index} className="check" data-received={doc.received || undefined}>
              <input type="checkbox" checked={doc.received} onChange={(e) => void tick(doc.index, e.target.checked)} />
              <span>{doc.title[language]}</span>
            </label>
          ))}
        </fieldset>
      )}

      <section className="request__actions" aria-labelledby="actions-title">
        <h3 id="actions-title">{t('counter.request.actions')}</h3>
        {detail.allowed.length > 0 ? (
          <>
            <div className="field">
              <label htmlFor="move-note">{t('counter.request.note')}</label>
              <textarea
                id="move-note"
                rows={2}
                maxLength={500}
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
            </div>
            <div className="request__moves">
              {detail.allowed.map((to, i) => (
                <button
                  key={to}
                  type="button"
                  className={`touch-button move move--${to}`}
                  data-to={to}
                  disabled={busy}
                  onClick={() => void move(to)}
                >
                  {t(`counter.moves.${to}`)} <kbd>Alt+{i + 1}</kbd>
                </button>
              ))}
            </div>
          </>
        ) : (
          <p className="request__final">{t('counter.request.final')}</p>
        )}
        <div className="request__moves">
          <button type="button" className="touch-button" onClick={() => void reprint()}>
            {t('counter.request.reprint')} <kbd>F6</kbd>
          </button>
          {detail.status === 'delivered' && (
            <button type="button" className="touch-button" onClick={() => void offerSurvey()}>
              {t('counter.request.offerSurvey')}
            </button>
          )}
        </div>
        {notice &&
          (notice.kind === 'error' ? (
            <>
              {notice.moved && (
                <p className="saved-notice" role="status">
                  {t('counter.notice.moved', { status: t(`counter.statuses.${notice.moved}`) })}
                </p>
              )}
              <FieldError error={notice.error} />
            </>
          ) : (
            <p className="saved-notice" role="status">
              {notice.kind === 'moved'
                ? t('counter.notice.moved', { status: t(`counter.statuses.${notice.status ?? 'registered'}`) })
                : t(`counter.notice.${notice.kind}`)}
            </p>
          ))}
      </section>

      <section className="request__timeline" aria-labelledby="timeline-title">
        <h3 id="timeline-title">{t('counter.request.timeline')}</h3>
        <ol data-testid="timeline">
          {[...detail.events].reverse().map((event, i) => {
            const who = actorKey(event.actor);
            return (
              <li key={detail.events.length - i}>
                <span className="timeline__when">{showInstant(event.at, language)}</span>
                <span className="timeline__what">
                  {event.from ? `${t(`counter.statuses.${event.from}`)} ${language === 'fa' ? '←' : '→'} ` : ''}
                  {t(`counter.statuses.${event.to}`)}
                </span>
                <span className="timeline__who">
                  {'user' in who ? (
                    <bdi dir="ltr">{who.user}</bdi>
                  ) : (
                    t(`counter.channel.${who.window}`, { defaultValue: who.window })
                  )}
                </span>
                {event.from && event.dueDate && (
                  <span className="timeline__due">
                    {t('counter.request.newDue', { day: showDay(event.dueDate, language) })}
                  </span>
                )}
                {event.note && <q className="timeline__note">{event.note}</q>}
              </li>
            );
          })}
        </ol>
      </section>
    </article>
  );
}
