import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applicantSchemaFor, localDigits, type AppError, type Bilingual } from '../../../../main/core/contract';
import { invoke } from '../../api';
import type { KeyboardLayoutName } from '../../ui/keyboard-layouts';
import { OnScreenKeyboard } from '../../ui/OnScreenKeyboard';
import { RefusalNotice } from '../../ui/RefusalNotice';
import { TouchButton } from '../../ui/TouchButton';
import { useLanguage } from '../../ui/useLanguage';
import { KeyboardField } from '../KeyboardField';
import { KioskBar } from '../KioskBar';
import type { Navigate } from '../KioskFace';

type Field = 'nationalCode' | 'legalId' | 'company' | 'name' | 'mobile';

/** What each service type asks, in order: only what the request needs. */
const FIELDS: Record<'G2C' | 'G2B', Field[]> = {
  G2C: ['nationalCode', 'name', 'mobile'],
  G2B: ['legalId', 'company', 'name', 'mobile'],
};
const DIGIT_FIELDS = new Set<Field>(['nationalCode', 'legalId', 'mobile']);
const MAX_LENGTH: Record<Field, number> = { nationalCode: 10, legalId: 11, mobile: 14, name: 80, company: 120 };

/** The length at which a field of digits is judged as typed; before it, it is only unfinished. */
const COMPLETE: Partial<Record<Field, number>> = { nationalCode: 10, legalId: 11, mobile: 11 };

interface Props {
  navigate: Navigate;
  code: string;
  type: 'G2C' | 'G2B';
  title: Bilingual & { en: string };
}

/**
 * The request: the fields the service's type needs, checked as they are typed by the same
 * schemas the core applies, the errors beside each field; then a review, and submit.
 */
export function RequestForm({ navigate, code, type, title }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const fields = FIELDS[type];
  const [values, setValues] = useState<Record<Field, string>>({
    nationalCode: '',
    legalId: '',
    company: '',
    name: '',
    mobile: '',
  });
  const [active, setActive] = useState<Field>(fields[0] as Field);
  const [layout, setLayout] = useState<KeyboardLayoutName>(DIGIT_FIELDS.has(fields[0] as Field) ? 'digits' : language);
  const [reviewing, setReviewing] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const applicant = Object.fromEntries(fields.map((f) => [f, values[f]]));
  const parsed = applicantSchemaFor(type).safeParse(applicant);
  const issues = new Map<string, string>();
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]) as Field;
      if (!issues.has(field)) issues.set(field, issue.message.includes('.') ? issue.message : `${field}.invalid`);
    }
  }
  /** An error shows once the field could be whole (or was left), or once the citizen tried to go on. */
  const shown = (field: Field): string | undefined => {
    const code = issues.get(field);
    if (!code || submitted) return code;
    const typed = values[field].replace(/\s/g, '').length;
    const complete = COMPLETE[field];
    const judged = complete !== undefined ? typed >= complete : typed > 0 && active !== field;
    return judged ? code : undefined;
  };

  const activate = (field: Field) => {
    setActive(field);
    setLayout(DIGIT_FIELDS.has(field) ? 'digits' : language);
  };
  const onKey = (key: string) =>
    setValues((v) => ({
      ...v,
      [active]: key === '\b' ? v[active].slice(0, -1) : (v[active] + key).slice(0, MAX_LENGTH[active]),
    }));

  async function submit() {
    setBusy(true);
    setError(null);
    const result = await invoke('requests.create', { serviceCode: code, applicant });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      setReviewing(false);
      return;
    }
    navigate({
      name: 'receipt',
      created: result.value,
      mobileLastFour: (parsed.success ? parsed.data.mobile : values.mobile).slice(-4),
    });
  }

  const label = (field: Field) =>
    t(`requests.form.${field}${type === 'G2B' && field === 'name' ? 'Representative' : ''}`);
  const display = (field: Field) => (DIGIT_FIELDS.has(field) ? localDigits(values[field], language) : values[field]);

  if (reviewing && parsed.success) {
    return (
      <main className="kiosk-screen request-review">
        <KioskBar onHome={() => navigate({ name: 'home' })} />
        <h1>{t('requests.form.reviewTitle')}</h1>
        <p className="kiosk-screen__lead">{title[language]}</p>
        <dl className="facts facts--large" data-testid="review">
          {fields.map((field) => (
            <div key={field}>
              <dt>{label(field)}</dt>
              <dd dir={DIGIT_FIELDS.has(field) ? 'ltr' : 'auto'}>{display(field)}</dd>
            </div>
          ))}
        </dl>
        <p className="privacy-note">{t('requests.form.privacy')}</p>
        <div className="kiosk-actions">
          <TouchButton onClick={() => setReviewing(false)}>{t('requests.form.edit')}</TouchButton>
          <TouchButton className="touch-button--primary" disabled={busy} onClick={() => void submit()}>
            {t('requests.form.submit')}
          </TouchButton>
        </div>
      </main>
    );
  }

  return (
    <main className="kiosk-screen request-form">
      <KioskBar onHome={() => navigate({ name: 'home' })} />
      <h1>{title[language]}</h1>
      <p className="kiosk-screen__lead">{t('requests.form.lead')}</p>
      <div className="request-form__fields">
        {fields.map((field) => (
          <KeyboardField
            key={field}
            id={field}
            label={label(field)}
            value={values[field]}
            display={display(field)}
            active={active === field}
            onActivate={() => activate(field)}
            error={shown(field)}
            direction={DIGIT_FIELDS.has(field) ? 'ltr' : 'auto'}
          />
        ))}
      </div>
      {error && <RefusalNotice error={error} />}
      <OnScreenKeyboard layout={layout} letters={!DIGIT_FIELDS.has(active)} onLayout={setLayout} onKey={onKey} />
      <p className="privacy-note">{t('requests.form.privacy')}</p>
      <div className="kiosk-actions">
        <TouchButton onClick={() => navigate({ name: 'service', code })}>{t('requests.form.back')}</TouchButton>
        <TouchButton
          className="touch-button--primary"
          onClick={() => {
            setSubmitted(true);
            if (parsed.success) setReviewing(true);
          }}
        >
          {t('requests.form.review')}
        </TouchButton>
      </div>
    </main>
  );
}
