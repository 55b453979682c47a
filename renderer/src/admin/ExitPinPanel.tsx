import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toLatinDigits, type ErrorCode } from '../../../main/core/contract';
import { exitPinSchema, type ExitPinStatus } from '../../../main/core/contract/kiosk';
import { invoke } from '../api';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TouchButton } from '../ui/TouchButton';
import { formatWhen } from './formatWhen';
import { useLanguage } from '../ui/useLanguage';

/** Sets the PIN that leaves kiosk mode; shows whether one is set, never the PIN. */
export function ExitPinPanel() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [status, setStatus] = useState<ExitPinStatus | null>(null);
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<'format' | 'mismatch' | ErrorCode | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void invoke('kiosk.pin.status', {}).then((result) => {
      if (result.ok) setStatus(result.value);
      else setProblem(result.error.code);
    });
  }, []);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const parsed = exitPinSchema.safeParse(pin);
    if (!parsed.success) return setProblem('format');
    if (parsed.data !== toLatinDigits(repeat.trim())) return setProblem('mismatch');
    const result = await invoke('kiosk.pin.set', { pin });
    if (!result.ok) return setProblem(result.error.code);
    setProblem(null);
    setStatus(result.value);
    setPin('');
    setRepeat('');
    setSaved(true);
  }

  return (
    <section className="panel settings-form" aria-labelledby="exit-pin-title">
      <h2 id="exit-pin-title">{t('maintenance.exitPin.title')}</h2>
      <p>{t('maintenance.exitPin.help')}</p>
      {status && (
        <p data-testid="exit-pin-status">
          {status.set && status.setAt
            ? t('maintenance.exitPin.set', { when: formatWhen(status.setAt, language) })
            : t('maintenance.exitPin.notSet')}
        </p>
      )}
      <form className="settings-form" onSubmit={(event) => void save(event)} noValidate>
        <div className="field">
          <label htmlFor="exit-pin-new">{t('maintenance.exitPin.new')}</label>
          <input
            id="exit-pin-new"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            dir="ltr"
            value={pin}
            aria-invalid={problem === 'format'}
            onChange={(e) => setPin(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="exit-pin-repeat">{t('maintenance.exitPin.repeat')}</label>
          <input
            id="exit-pin-repeat"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            dir="ltr"
            value={repeat}
            aria-invalid={problem === 'mismatch'}
            onChange={(e) => setRepeat(e.target.value)}
          />
        </div>
        {problem === 'format' && (
          <p className="error-notice" role="alert">
            {t('errors.pin.format')}
          </p>
        )}
        {problem === 'mismatch' && (
          <p className="error-notice" role="alert">
            {t('maintenance.exitPin.mismatch')}
          </p>
        )}
        {problem && problem !== 'format' && problem !== 'mismatch' && <ErrorNotice code={problem} />}
        <div className="settings-form__actions">
          <TouchButton type="submit" className="touch-button--primary">
            {t('maintenance.exitPin.save')}
          </TouchButton>
          {saved && (
            <p role="status" className="saved-notice">
              {t('maintenance.exitPin.saved')}
            </p>
          )}
        </div>
      </form>
    </section>
  );
}
