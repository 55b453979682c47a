import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { TouchButton } from '../ui/TouchButton';

export interface Accessibility {
  largeText: boolean;
  highContrast: boolean;
}

/**
 * Larger text and high contrast, for a citizen who reads the kiosk badly: set on the page
 * as a whole, and wiped with everything else when the kiosk goes idle.
 */
export function AccessibilityToggles({
  value,
  onChange,
}: {
  value: Accessibility;
  onChange: (value: Accessibility) => void;
}) {
  const { t } = useTranslation();
  useEffect(() => {
    document.documentElement.dataset.text = value.largeText ? 'large' : 'normal';
    document.documentElement.dataset.contrast = value.highContrast ? 'high' : 'normal';
  }, [value]);
  return (
    <div className="accessibility-toggles" role="group" aria-label={t('kiosk.accessibility')}>
      <TouchButton aria-pressed={value.largeText} onClick={() => onChange({ ...value, largeText: !value.largeText })}>
        {t('kiosk.largeText')}
      </TouchButton>
      <TouchButton
        aria-pressed={value.highContrast}
        onClick={() => onChange({ ...value, highContrast: !value.highContrast })}
      >
        {t('kiosk.highContrast')}
      </TouchButton>
    </div>
  );
}
