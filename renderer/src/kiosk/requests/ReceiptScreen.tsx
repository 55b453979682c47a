import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatJalaliDate,
  formatTrackingCode,
  instantOfJalali,
  localDigits,
  printerCanPrint,
  type ChannelOutput,
  type PrinterState,
} from '../../../../main/core/contract';
import { invoke, onEvent } from '../../api';
import { TouchButton } from '../../ui/TouchButton';
import { useLanguage } from '../../ui/useLanguage';

export type Created = ChannelOutput<'requests.create'>;

/** What the citizen is told: printing, printed (with the receipt on screen), or no paper. */
type Stage = 'printing' | 'printed' | 'no-paper';

/**
 * After submit: the request is taken whatever the printer does. While it prints, progress;
 * then the receipt itself (the same image as on paper). If the printer cannot print, the
 * tracking code large and what to do; the staff hear of it through the printer's status.
 */
export function ReceiptScreen(props: { created: Created; mobileLastFour: string; done: () => void }) {
  const { created, mobileLastFour, done } = props;
  const { t } = useTranslation();
  const language = useLanguage();
  const [stage, setStage] = useState<Stage>('printing');
  const [printer, setPrinter] = useState<PrinterState | null>(null);
  const [image, setImage] = useState<string | null>(null);

  useEffect(() => {
    const unsubscribe = onEvent((event) => {
      if (event.type === 'print.job' && event.job.id === created.printJobId) {
        if (event.job.status === 'done') setStage('printed');
        else if (event.job.lastError) setStage('no-paper');
      }
      if (event.type === 'printer.status' && !printerCanPrint(event.state)) {
        setPrinter(event.state);
        setStage((current) => (current === 'printing' ? 'no-paper' : current));
      }
    });
    // The job may have printed before this screen listened.
    if (created.printJobId !== null) {
      void invoke('print.job', { jobId: created.printJobId }).then((result) => {
        if (result.ok && result.value.status === 'done') setStage('printed');
        else if (result.ok && result.value.lastError) setStage('no-paper');
      });
    }
    void invoke('printer.status', {}).then((result) => {
      if (result.ok && !printerCanPrint(result.value.state)) {
        setPrinter(result.value.state);
        setStage((current) => (current === 'printing' ? 'no-paper' : current));
      }
    });
    void invoke('receipt.preview', { trackingCode: created.trackingCode, mobileLastFour }).then(
      (result) => result.ok && setImage(result.value.png),
    );
    return unsubscribe;
  }, [created, mobileLastFour]);

  const code = localDigits(formatTrackingCode(created.trackingCode), language);
  const due = instantOfJalali(created.dueDate);

  return (
    <main className={`kiosk-screen receipt-screen receipt-screen--${stage}`} data-stage={stage}>
      <h1>{t(`requests.receipt.${stage}`)}</h1>
      {stage === 'printing' && (
        <div className="spinner" role="progressbar" aria-label={t('requests.receipt.printing')} />
      )}
      <section className="receipt-screen__code">
        <p>{t('requests.receipt.trackingCode')}</p>
        <p className="tracking-code" dir="ltr" data-testid="tracking-code">
          {code}
        </p>
        {due && (
          <p data-testid="due-date">
            {t('requests.receipt.due', { date: formatJalaliDate(due, language) })}
            {created.dueDateEstimated && ` ${t('requests.service.estimated')}`}
          </p>
        )}
      </section>
      {stage === 'no-paper' && (
        <div className="notice notice--warning" role="alert">
          <p>{t(`requests.receipt.printer.${printer ?? 'unreachable'}`)}</p>
          <p>{t('requests.receipt.noPaperAdvice')}</p>
        </div>
      )}
      {stage === 'printed' && <p className="kiosk-screen__lead">{t('requests.receipt.take')}</p>}
      {image && stage !== 'printing' && (
        <img
          className="receipt-image"
          src={image}
          alt={t('requests.receipt.imageAlt', { code })}
          data-testid="receipt-image"
        />
      )}
      <p className="kiosk-screen__lead">{t('requests.receipt.follow')}</p>
      <div className="kiosk-actions">
        <TouchButton className="touch-button--primary" onClick={done}>
          {t('requests.receipt.finish')}
        </TouchButton>
      </div>
    </main>
  );
}
