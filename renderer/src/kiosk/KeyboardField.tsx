import { useTranslation } from 'react-i18next';

interface Props {
  id: string;
  label: string;
  value: string;
  /** What the field shows: e.g. digits in the reader's script; the value itself stays as typed. */
  display?: string;
  active: boolean;
  onActivate: () => void;
  /** A field-error code from the contract (e.g. nationalCode.checksum), shown in words. */
  error?: string | undefined;
  direction?: 'ltr' | 'auto';
}

/**
 * A field typed on the on-screen keyboard: tapping it makes it the keyboard's target. It is
 * a button, not an input, so no system keyboard ever opens over the kiosk.
 */
export function KeyboardField({ id, label, value, display, active, onActivate, error, direction = 'auto' }: Props) {
  const { t } = useTranslation();
  return (
    <div className="kiosk-field" data-field={id}>
      <span className="kiosk-field__label" id={`${id}-label`}>
        {label}
      </span>
      <button
        type="button"
        className={`kiosk-field__value kiosk-field__value--input${active ? ' kiosk-field__value--active' : ''}`}
        aria-labelledby={`${id}-label`}
        aria-pressed={active}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        dir={direction}
        onClick={onActivate}
        data-testid={`field-${id}`}
      >
        {(display ?? value) || '\u00a0'}
      </button>
      {error && (
        <p className="error-notice" id={`${id}-error`} role="alert" data-error-code={error}>
          {t(`errors.${error}`)}
        </p>
      )}
    </div>
  );
}
