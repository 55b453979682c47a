import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDigits, type ErrorCode } from '../../../main/core/contract';
import { invoke } from '../api';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TouchButton } from '../ui/TouchButton';
import { useLanguage } from '../ui/useLanguage';
import './ExitGesture.css';
import { registerTap } from './ExitGestureTaps';

/** A PIN pad left open is closed after this long without a tap: the next citizen must not find it. */
const PIN_PAD_TIMEOUT_MS = 30_000;
const MAX_DIGITS = 12;

/**
 * The administrator's way out of kiosk mode: five taps in the top right corner within three
 * seconds open a PIN pad; the core checks the PIN (`kiosk.exit`) and, if it is right, tells
 * the Electron shell to leave kiosk mode. Also keeps the long-press menu off the kiosk.
 */
export function ExitGesture() {
  const taps = useRef<number[]>([]);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const refuse = (event: Event) => event.preventDefault();
    document.addEventListener('contextmenu', refuse);
    return () => document.removeEventListener('contextmenu', refuse);
  }, []);

  return (
    <>
      <div className="exit-gesture" dir="ltr">
        <button
          type="button"
          className="exit-gesture__corner"
          data-testid="exit-gesture"
          aria-hidden="true"
          tabIndex={-1}
          onPointerDown={() => {
            const next = registerTap(taps.current, Date.now());
            taps.current = next.taps;
            if (next.complete) setOpen(true);
          }}
        />
      </div>
      {open && <PinPad onClose={() => setOpen(false)} />}
    </>
  );
}

function PinPad({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<ErrorCode | null>(null);
  const [left, setLeft] = useState(false);
  const [busy, setBusy] = useState(false);
  const [touchedAt, setTouchedAt] = useState(() => Date.now());

  useEffect(() => {
    const timer = setTimeout(onClose, PIN_PAD_TIMEOUT_MS - (Date.now() - touchedAt));
    return () => clearTimeout(timer);
  }, [touchedAt, onClose]);

  const press = (change: (pin: string) => string) => {
    setTouchedAt(Date.now());
    setError(null);
    setPin((current) => change(current));
  };

  async function confirm() {
    setTouchedAt(Date.now());
    if (pin.length === 0 || busy) return;
    setBusy(true);
    const result = await invoke('kiosk.exit', { pin });
    setBusy(false);
    setPin('');
    if (result.ok) setLeft(true);
    else setError(result.error.code === 'input.invalid' ? 'kiosk.pin_wrong' : result.error.code);
  }

  return (
    <div className="pin-dialog" role="dialog" aria-modal="true" aria-labelledby="pin-dialog-title">
      <div className="pin-dialog__box">
        <h2 id="pin-dialog-title">{t('kioskExit.title')}</h2>
        {left ? (
          <p role="status">{t('kioskExit.left')}</p>
        ) : (
          <>
            <p>{t('kioskExit.instructions')}</p>
            <p className="pin-dialog__dots" aria-label={t('kioskExit.pin')} data-testid="pin-dots">
              {'•'.repeat(pin.length)}
            </p>
            {error && <ErrorNotice code={error} />}
            <div className="pin-pad" dir="ltr">
              {['1', '2', '3', '4', '5', '6', '7', '8', '9', '', '0'].map((digit, i) =>
                digit === '' ? (
                  <span key={`gap-${i}`} />
                ) : (
                  <TouchButton
                    key={digit}
                    onClick={() => press((current) => (current.length < MAX_DIGITS ? current + digit : current))}
                  >
                    {localDigits(digit, language)}
                  </TouchButton>
                ),
              )}
              <TouchButton onClick={() => press((current) => current.slice(0, -1))}>
                {t('kioskExit.delete')}
              </TouchButton>
            </div>
          </>
        )}
        <div className="pin-dialog__actions">
          <TouchButton onClick={onClose}>{t('kioskExit.cancel')}</TouchButton>
          {!left && (
            <TouchButton className="touch-button--primary" disabled={busy} onClick={() => void confirm()}>
              {t('kioskExit.confirm')}
            </TouchButton>
          )}
        </div>
      </div>
    </div>
  );
}
