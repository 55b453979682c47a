import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DELIVERY_CHANNELS,
  localDigits,
  SERVICE_TYPES,
  serviceSchema,
  toLatinDigits,
  type Agency,
  type Bilingual,
  type ErrorCode,
  type Service,
} from '../../../main/core/contract';
import { useCall } from '../auth/session';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TouchButton } from '../ui/TouchButton';
import { useLanguage } from '../ui/useLanguage';
import { FieldError } from './FieldError';

/** A service as the form holds it: numbers as typed (any digits), texts as typed. */
interface Draft {
  service: Service;
  workingDays: string;
  amountRial: string;
}

type Issues = Map<string, string>;

const ELECTRONIC = new Set<Service['delivery']>(['electronic', 'combined']);
const EMPTY: Bilingual = { fa: '', en: '' };

function draftOf(service: Service): Draft {
  return { service, workingDays: String(service.workingDays), amountRial: String(service.fee.amountRial) };
}

function number(text: string): number {
  const latin = toLatinDigits(text.trim()).replace(/[,٬]/g, '');
  return latin === '' ? NaN : Number(latin);
}

/** English left empty is no English. */
function clean(text: Bilingual): Bilingual {
  const en = text.en?.trim();
  return en ? { fa: text.fa, en } : { fa: text.fa };
}

/** What the form sends: the contract's shape, the reason kept only where the form asks it. */
function serviceOf(draft: Draft): Service {
  const { service } = draft;
  const reason = service.notElectronicReason;
  const asksReason = !ELECTRONIC.has(service.delivery);
  return {
    ...service,
    title: { fa: service.title.fa, en: service.title.en },
    notElectronicReason:
      asksReason && reason && (reason.fa.trim() !== '' || (reason.en ?? '').trim() !== '') ? clean(reason) : undefined,
    steps: service.steps.map(clean),
    documents: service.documents.map(clean),
    rules: service.rules.map(clean),
    workingDays: number(draft.workingDays),
    fee: { amountRial: number(draft.amountRial), how: clean(service.fee.how), where: clean(service.fee.where) },
    complaint: clean(service.complaint),
    responsibleUnit: clean(service.responsibleUnit),
    faq: service.faq.map((item) => ({ q: clean(item.q), a: clean(item.a) })),
  };
}

function issuesOf(issues: readonly { path: string; code: string }[]): Issues {
  const found: Issues = new Map();
  for (const issue of issues) if (!found.has(issue.path)) found.set(issue.path, issue.code);
  return found;
}

function BilingualInput({
  id,
  label,
  value,
  onChange,
  issues,
  path,
  multiline = false,
}: {
  id: string;
  label: string;
  value: Bilingual;
  onChange: (value: Bilingual) => void;
  issues: Issues;
  path: string;
  multiline?: boolean;
}) {
  const { t } = useTranslation();
  const Input = multiline ? 'textarea' : 'input';
  return (
    <div className="bilingual">
      {(['fa', 'en'] as const).map((language) => {
        const code = issues.get(`${path}.${language}`);
        return (
          <div className="field" key={language}>
            <label htmlFor={`${id}-${language}`}>{t(`admin.catalogue.inLanguage.${language}`, { label })}</label>
            <Input
              id={`${id}-${language}`}
              dir={language === 'fa' ? 'rtl' : 'ltr'}
              lang={language}
              value={value[language] ?? ''}
              aria-invalid={Boolean(code)}
              onChange={(e) => onChange({ ...value, [language]: e.target.value })}
              {...(multiline ? { rows: 2 } : {})}
            />
            <FieldError code={code} />
          </div>
        );
      })}
    </div>
  );
}

function BilingualList({
  id,
  label,
  items,
  onChange,
  issues,
  path,
}: {
  id: string;
  label: string;
  items: Bilingual[];
  onChange: (items: Bilingual[]) => void;
  issues: Issues;
  path: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <fieldset className="settings-group service-list">
      <legend>{label}</legend>
      <FieldError code={issues.get(path)} />
      {items.map((item, i) => (
        <div className="service-list__item" key={i}>
          <BilingualInput
            id={`${id}-${i}`}
            label={t('admin.catalogue.item', { label, n: localDigits(i + 1, language) })}
            value={item}
            onChange={(value) => onChange(items.map((old, k) => (k === i ? value : old)))}
            issues={issues}
            path={`${path}.${i}`}
            multiline
          />
          <TouchButton className="touch-button--small" onClick={() => onChange(items.filter((_, k) => k !== i))}>
            {t('admin.catalogue.remove')}
          </TouchButton>
        </div>
      ))}
      <TouchButton className="touch-button--small" onClick={() => onChange([...items, { ...EMPTY }])}>
        {t('admin.catalogue.add', { label })}
      </TouchButton>
    </fieldset>
  );
}

/**
 * A service's fields, checked with the contract's serviceSchema as the core checks them;
 * saved by `catalogue.saveService`, after which every face reads the new text.
 */
export function ServiceEditor({
  service,
  agencies,
  onSaved,
}: {
  service: Service;
  agencies: readonly Pick<Agency, 'code' | 'title'>[];
  onSaved: (service: Service) => void;
}) {
  const call = useCall();
  const { t } = useTranslation();
  const language = useLanguage();
  const [draft, setDraft] = useState<Draft>(() => draftOf(service));
  const [issues, setIssues] = useState<Issues>(new Map());
  const [error, setError] = useState<ErrorCode | null>(null);
  const [saved, setSaved] = useState(false);
  const s = draft.service;

  const change = (patch: Partial<Service>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, service: { ...d.service, ...patch } }));
  };
  const numberField = (key: 'workingDays' | 'amountRial', path: string) => (
    <div className="field">
      <label htmlFor={`service-${key}`}>{t(`admin.catalogue.fields.${key}`)}</label>
      <input
        id={`service-${key}`}
        dir="ltr"
        inputMode="numeric"
        value={localDigits(draft[key], language)}
        aria-invalid={issues.has(path)}
        onChange={(e) => {
          setSaved(false);
          setDraft((d) => ({ ...d, [key]: e.target.value }));
        }}
      />
      <FieldError code={issues.get(path)} />
    </div>
  );
  const bilingual = (key: 'complaint' | 'responsibleUnit', multiline = false) => (
    <BilingualInput
      id={`service-${key}`}
      label={t(`admin.catalogue.fields.${key}`)}
      value={s[key]}
      onChange={(value) => change({ [key]: value })}
      issues={issues}
      path={key}
      multiline={multiline}
    />
  );
  const list = (key: 'steps' | 'documents' | 'rules') => (
    <BilingualList
      id={`service-${key}`}
      label={t(`admin.catalogue.fields.${key}`)}
      items={s[key]}
      onChange={(items) => change({ [key]: items })}
      issues={issues}
      path={key}
    />
  );

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    setError(null);
    const candidate = serviceOf(draft);
    const checked = serviceSchema.safeParse(candidate);
    if (!checked.success) {
      setIssues(
        issuesOf(
          checked.error.issues.map((issue) => ({
            path: issue.path.join('.'),
            code: issue.message.includes('.') ? issue.message : issue.code,
          })),
        ),
      );
      setError('input.invalid');
      return;
    }
    const result = await call('catalogue.saveService', checked.data);
    if (!result.ok) {
      setIssues(issuesOf(result.error.details?.issues ?? []));
      setError(result.error.code);
      return;
    }
    setIssues(new Map());
    setDraft(draftOf(result.value.service));
    setSaved(true);
    onSaved(result.value.service);
  }

  return (
    <form
      className="panel settings-form service-editor"
      aria-labelledby="service-editor-title"
      onSubmit={(event) => void save(event)}
      noValidate
    >
      <div className="service-editor__head">
        <h2 id="service-editor-title">
          {t('admin.catalogue.editing')}{' '}
          <bdi dir="ltr" className="code">
            {localDigits(s.code, language)}
          </bdi>
        </h2>
        <div className="field field--check">
          <input
            id="service-active"
            type="checkbox"
            checked={s.active}
            onChange={(e) => change({ active: e.target.checked })}
          />
          <label htmlFor="service-active">{t('admin.catalogue.fields.active')}</label>
        </div>
      </div>
      <BilingualInput
        id="service-title"
        label={t('admin.catalogue.fields.title')}
        value={s.title}
        onChange={(title) => change({ title: { fa: title.fa, en: title.en ?? '' } })}
        issues={issues}
        path="title"
      />
      <div className="service-editor__row">
        <div className="field">
          <label htmlFor="service-agency">{t('admin.catalogue.fields.agency')}</label>
          <select id="service-agency" value={s.agencyCode} onChange={(e) => change({ agencyCode: e.target.value })}>
            {agencies.map((agency) => (
              <option key={agency.code} value={agency.code}>
                {agency.title[language]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="service-type">{t('admin.catalogue.fields.type')}</label>
          <select
            id="service-type"
            value={s.type}
            onChange={(e) => change({ type: e.target.value as Service['type'] })}
          >
            {SERVICE_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`admin.catalogue.types.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="service-delivery">{t('admin.catalogue.fields.delivery')}</label>
          <select
            id="service-delivery"
            value={s.delivery}
            onChange={(e) => change({ delivery: e.target.value as Service['delivery'] })}
          >
            {DELIVERY_CHANNELS.map((delivery) => (
              <option key={delivery} value={delivery}>
                {t(`admin.catalogue.deliveries.${delivery}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {!ELECTRONIC.has(s.delivery) && (
        <>
          <BilingualInput
            id="service-reason"
            label={t('admin.catalogue.fields.notElectronicReason')}
            value={s.notElectronicReason ?? EMPTY}
            onChange={(notElectronicReason) => change({ notElectronicReason })}
            issues={issues}
            path="notElectronicReason"
          />
          <FieldError code={issues.get('notElectronicReason')} />
        </>
      )}
      <div className="service-editor__row">
        {numberField('workingDays', 'workingDays')}
        {numberField('amountRial', 'fee.amountRial')}
      </div>
      <BilingualInput
        id="service-fee-how"
        label={t('admin.catalogue.fields.feeHow')}
        value={s.fee.how}
        onChange={(how) => change({ fee: { ...s.fee, how } })}
        issues={issues}
        path="fee.how"
        multiline
      />
      <BilingualInput
        id="service-fee-where"
        label={t('admin.catalogue.fields.feeWhere')}
        value={s.fee.where}
        onChange={(where) => change({ fee: { ...s.fee, where } })}
        issues={issues}
        path="fee.where"
      />
      {list('steps')}
      {list('documents')}
      {list('rules')}
      {bilingual('responsibleUnit')}
      {bilingual('complaint', true)}
      <fieldset className="settings-group service-list">
        <legend>{t('admin.catalogue.fields.faq')}</legend>
        {s.faq.map((item, i) => {
          const n = localDigits(i + 1, language);
          const set = (patch: Partial<Service['faq'][number]>) =>
            change({ faq: s.faq.map((old, k) => (k === i ? { ...old, ...patch } : old)) });
          return (
            <div className="service-list__item" key={i}>
              <div>
                <BilingualInput
                  id={`service-faq-${i}-q`}
                  label={t('admin.catalogue.question', { n })}
                  value={item.q}
                  onChange={(q) => set({ q })}
                  issues={issues}
                  path={`faq.${i}.q`}
                  multiline
                />
                <BilingualInput
                  id={`service-faq-${i}-a`}
                  label={t('admin.catalogue.answer', { n })}
                  value={item.a}
                  onChange={(a) => set({ a })}
                  issues={issues}
                  path={`faq.${i}.a`}
                  multiline
                />
              </div>
              <TouchButton
                className="touch-button--small"
                onClick={() => change({ faq: s.faq.filter((_, k) => k !== i) })}
              >
                {t('admin.catalogue.remove')}
              </TouchButton>
            </div>
          );
        })}
        <TouchButton
          className="touch-button--small"
          onClick={() => change({ faq: [...s.faq, { q: { ...EMPTY }, a: { ...EMPTY } }] })}
        >
          {t('admin.catalogue.add', { label: t('admin.catalogue.fields.faq') })}
        </TouchButton>
      </fieldset>
      {error && <ErrorNotice code={error} />}
      <div className="settings-form__actions service-editor__actions">
        <TouchButton type="submit" className="touch-button--primary">
          {t('admin.catalogue.save')}
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
