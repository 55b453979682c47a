import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyboardLayoutName } from '../../ui/keyboard-layouts';
import { OnScreenKeyboard } from '../../ui/OnScreenKeyboard';
import { useLanguage } from '../../ui/useLanguage';

const MAX_LENGTH = 500;

/** The free text at the end: suggestions on how the service is done and could be improved. */
export function SuggestionStep({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [layout, setLayout] = useState<KeyboardLayoutName>(language);
  const onKey = (key: string) => onChange(key === '\b' ? value.slice(0, -1) : (value + key).slice(0, MAX_LENGTH));
  return (
    <section className="survey__axis" aria-labelledby="suggestion-title">
      <h1 id="suggestion-title">{t('survey.suggestionTitle')}</h1>
      <p className="kiosk-screen__lead">{t('survey.suggestionLead')}</p>
      <output className="kiosk-field__value kiosk-field__value--text" dir="auto" data-testid="suggestion">
        {value || '\u00a0'}
      </output>
      <OnScreenKeyboard layout={layout} onLayout={setLayout} onKey={onKey} />
    </section>
  );
}
