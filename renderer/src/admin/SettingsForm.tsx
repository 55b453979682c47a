import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  localDigits,
  settingChoices,
  settingDefaults,
  settingSchemas,
  toLatinDigits,
  type ErrorCode,
  type SettingChange,
  type SettingKey,
  type Settings,
} from '../../../main/core/contract';
import { useCall } from '../auth/session';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TouchButton } from '../ui/TouchButton';
import { useLanguage } from '../ui/useLanguage';
import type { SettingGroup } from './settingPages';

/** Numbers that may be left empty, meaning 0 ("keep"). */
const EMPTY_IS_ZERO = new Set<SettingKey>(['retention.days']);
/** Written in Latin letters whatever the page's direction: addresses, ports, paths. */
const LEFT_TO_RIGHT = new Set<SettingKey>([
  'office.name.en',
  'calendar.closingTime',
  'updates.url',
  'printer.host',
  'printer.serialPath',
  'printer.osName',
  'scanner.serialPath',
]);

/** By the type of its default, so that a setting added later is edited as what it is. */
const isNumber = (key: SettingKey) => typeof settingDefaults[key] === 'number';
const isBoolean = (key: SettingKey) => typeof settingDefaults[key] === 'boolean';
/** Fields of digits: shown in the reader's digits, read in any. */
const isDigits = (key: SettingKey) => isNumber(key) || key === 'calendar.closingTime';

/** Turns what was typed into the setting's value: digits in any script are numbers. */
function parseField(key: SettingKey, text: string): unknown {
  const trimmed = toLatinDigits(text.trim());
  if (isNumber(key)) return trimmed === '' && EMPTY_IS_ZERO.has(key) ? 0 : Number(trimmed || NaN);
  if (isBoolean(key)) return text === 'true';
  return isDigits(key) ? trimmed : text;
}

export type SettingDraft = Record<SettingKey, string>;

/**
 * Settings edited as a form of fieldsets: each field checked by the contract's own schema
 * before it is sent, only what changed is sent, and each refusal is shown at its field.
 * `shown` hides fields that the other answers make pointless (a serial port for a network printer).
 */
export function SettingsForm({
  settings,
  groups,
  shown = () => true,
  saveLabel,
  bare = false,
}: {
  settings: Settings;
  groups: readonly SettingGroup[];
  shown?: (key: SettingKey, draft: SettingDraft) => boolean;
  saveLabel?: string;
  /** Inside a panel of its own page, not a panel itself. */
  bare?: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const keys = groups.flatMap((group) => group.keys);
  const call = useCall();
  const [draft, setDraft] = useState<SettingDraft>(
    () => Object.fromEntries(keys.map((key) => [key, String(settings[key])])) as SettingDraft,
  );
  const [errors, setErrors] = useState<Partial<Record<SettingKey, ErrorCode>>>({});
  const [saved, setSaved] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const found: Partial<Record<SettingKey, ErrorCode>> = {};
    for (const key of keys) {
      if (!shown(key, draft)) continue;
      const value = parseField(key, draft[key]);
      if (value === settings[key]) continue;
      if (!settingSchemas[key].safeParse(value).success) {
        found[key] = 'input.invalid';
        continue;
      }
      const result = await call('settings.set', { key, value } as SettingChange);
      if (!result.ok) found[key] = result.error.code;
    }
    setErrors(found);
    setSaved(Object.keys(found).length === 0);
  }

  function field(key: SettingKey) {
    const id = `setting-${key.replace(/\./g, '-')}`;
    const choices = settingChoices(key) ?? (isBoolean(key) ? ['true', 'false'] : undefined);
    const onChange = (value: string) => {
      setSaved(false);
      setDraft((d) => ({ ...d, [key]: value }));
    };
    return (
      <div className="field" key={key}>
        <label htmlFor={id}>{t(`admin.settings.${key}`)}</label>
        {choices ? (
          <select id={id} value={draft[key]} onChange={(e) => onChange(e.target.value)}>
            {choices.map((choice) => (
              <option key={choice} value={choice}>
                {isNumber(key)
                  ? localDigits(choice, language)
                  : t([`admin.choices.${key}.${choice}`, `admin.choices.boolean.${choice}`])}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={id}
            value={isDigits(key) ? localDigits(draft[key], language) : draft[key]}
            inputMode={isNumber(key) ? 'numeric' : 'text'}
            dir={isNumber(key) || LEFT_TO_RIGHT.has(key) ? 'ltr' : 'auto'}
            aria-invalid={Boolean(errors[key])}
            onChange={(e) => onChange(e.target.value)}
          />
        )}
        {errors[key] && <ErrorNotice code={errors[key]} />}
      </div>
    );
  }

  return (
    <form className={bare ? 'settings-form' : 'panel settings-form'} onSubmit={(event) => void save(event)} noValidate>
      {groups.map((group, i) => {
        const fields = group.keys.filter((key) => shown(key, draft));
        if (fields.length === 0) return null;
        return group.title ? (
          <fieldset className="settings-group" key={group.title}>
            <legend>{t(group.title)}</legend>
            {group.help && <p className="settings-group__help">{t(group.help)}</p>}
            {fields.map(field)}
          </fieldset>
        ) : (
          <div className="settings-group settings-group--plain" key={i}>
            {fields.map(field)}
          </div>
        );
      })}
      <div className="settings-form__actions">
        <TouchButton type="submit" className="touch-button--primary">
          {saveLabel ?? t('admin.save')}
        </TouchButton>
        {saved && (
          <p role="status" className="saved-notice">
            {t('admin.saved')}
          </p>
        )}
      </div>
    </form>
  );
}
