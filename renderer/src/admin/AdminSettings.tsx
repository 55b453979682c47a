import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  localDigits,
  SETTING_KEYS,
  settingSchemas,
  toLatinDigits,
  type ErrorCode,
  type SettingChange,
  type SettingKey,
  type Settings,
} from '../../../main/core/contract';
import { invoke } from '../api';
import { DateTime } from '../ui/DateTime';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { TouchButton } from '../ui/TouchButton';
import { useLanguage } from '../ui/useLanguage';

const CHOICES: Partial<Record<SettingKey, readonly string[]>> = {
  'terminal.role': ['kiosk', 'counter'],
  'ui.defaultLanguage': ['fa', 'en'],
  'calendar.thursday': ['working', 'half', 'closed'],
  'requests.waitingExtendsDueDate': ['true', 'false'],
  'survey.questionnaire': ['national-16', 'pishkhan-citizen'],
  'survey.anonymous': ['true', 'false'],
  'printer.connection': ['none', 'tcp', 'serial', 'os'],
  'printer.paperWidth': ['80', '58'],
  'printer.baudRate': ['9600', '19200', '38400', '57600', '115200'],
  'scanner.baudRate': ['9600', '19200', '38400', '57600', '115200'],
};
const BOOLEAN = new Set<SettingKey>(['requests.waitingExtendsDueDate', 'survey.anonymous']);
const NUMERIC = new Set<SettingKey>([
  'terminal.number',
  'kiosk.idleSeconds',
  'session.idleMinutes',
  'printer.port',
  'printer.paperWidth',
  'printer.baudRate',
  'scanner.baudRate',
]);
/** Fields of digits: shown in the reader's digits, read in any. */
const DIGITS = new Set<SettingKey>([...NUMERIC, 'calendar.closingTime']);

/** Turns what was typed into the setting's value: digits in any script are numbers. */
function parseField(key: SettingKey, text: string): unknown {
  if (NUMERIC.has(key)) return Number(toLatinDigits(text.trim()) || NaN);
  if (BOOLEAN.has(key)) return text === 'true';
  return DIGITS.has(key) ? toLatinDigits(text.trim()) : text;
}

/** The administrator's settings page: each field checked by the contract's own schema before it is sent. */
export function AdminSettings({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [draft, setDraft] = useState<Record<SettingKey, string>>(
    () => Object.fromEntries(SETTING_KEYS.map((key) => [key, String(settings[key])])) as Record<SettingKey, string>,
  );
  const [errors, setErrors] = useState<Partial<Record<SettingKey, ErrorCode>>>({});
  const [saved, setSaved] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const found: Partial<Record<SettingKey, ErrorCode>> = {};
    for (const key of SETTING_KEYS) {
      const value = parseField(key, draft[key]);
      if (value === settings[key]) continue;
      if (!settingSchemas[key].safeParse(value).success) {
        found[key] = 'input.invalid';
        continue;
      }
      const result = await invoke('settings.set', { key, value } as SettingChange);
      if (!result.ok) found[key] = result.error.code;
    }
    setErrors(found);
    setSaved(Object.keys(found).length === 0);
  }

  return (
    <div className="desk">
      <header className="desk__bar">
        <h1 className="desk__title">{t('admin.title')}</h1>
        <DateTime className="desk__clock" />
        <LanguageSwitch />
      </header>
      <main className="desk__main">
        <form className="panel settings-form" onSubmit={(event) => void save(event)} noValidate>
          {SETTING_KEYS.map((key) => {
            const id = `setting-${key.replace(/\./g, '-')}`;
            const choices = CHOICES[key];
            const onChange = (value: string) => setDraft((d) => ({ ...d, [key]: value }));
            return (
              <div className="field" key={key}>
                <label htmlFor={id}>{t(`admin.settings.${key}`)}</label>
                {choices ? (
                  <select id={id} value={draft[key]} onChange={(e) => onChange(e.target.value)}>
                    {choices.map((choice) => (
                      <option key={choice} value={choice}>
                        {NUMERIC.has(key) ? localDigits(choice, language) : t(`admin.choices.${key}.${choice}`)}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    id={id}
                    value={DIGITS.has(key) ? localDigits(draft[key], language) : draft[key]}
                    inputMode={NUMERIC.has(key) ? 'numeric' : 'text'}
                    dir={
                      NUMERIC.has(key) || key === 'office.name.en' || key === 'calendar.closingTime' ? 'ltr' : 'auto'
                    }
                    aria-invalid={Boolean(errors[key])}
                    onChange={(e) => onChange(e.target.value)}
                  />
                )}
                {errors[key] && <ErrorNotice code={errors[key]} />}
              </div>
            );
          })}
          <div className="settings-form__actions">
            <TouchButton type="submit" className="touch-button--primary">
              {t('admin.save')}
            </TouchButton>
            {saved && (
              <p role="status" className="saved-notice">
                {t('admin.saved')}
              </p>
            )}
          </div>
        </form>
      </main>
    </div>
  );
}
