import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { applicantSchemaFor, localDigits, type AppError, type ServiceSummary } from '../../../main/core/contract';
import { FieldError } from '../auth/FieldError';
import { useCall } from '../auth/session';
import { useLanguage } from '../ui/useLanguage';

const FIELDS = {
  G2C: ['nationalCode', 'name', 'mobile'],
  G2B: ['legalId', 'company', 'name', 'mobile'],
} as const;
type Field = (typeof FIELDS)['G2B'][number] | (typeof FIELDS)['G2C'][number];
/** Fields of digits: typed left to right, in any digits. */
const DIGIT_FIELDS = new Set<Field>(['nationalCode', 'legalId', 'mobile']);

/** The services found for a query typed in the walk-in's search. */
interface SearchAnswer {
  query: string | null;
  services: ServiceSummary[];
}

const NO_ANSWER: SearchAnswer = { query: null, services: [] };

/**
 * A request for a citizen at the counter, keyboard first: type to find the service, arrows and
 * Enter to take it, then the person's fields (checked by the same schemas as the kiosk's, each
 * error beside its field), Enter to register. The receipt prints at this counter's printer.
 */
export function WalkInForm({ onCancel, onTaken }: { onCancel: () => void; onTaken: (trackingCode: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const call = useCall();
  const [query, setQuery] = useState('');
  // The list on screen and the query it answers.
  const [results, setResults] = useState<SearchAnswer>(NO_ANSWER);
  const found = results.services;
  const [at, setAt] = useState(0);
  const [service, setService] = useState<ServiceSummary | null>(null);
  const [values, setValues] = useState<Partial<Record<Field, string>>>({});
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const [agencies, setAgencies] = useState<Map<string, string>>(new Map());

  useEffect(() => {
    void call('catalogue.agencies', {}).then(
      (result) => result.ok && setAgencies(new Map(result.value.map((a) => [a.code, a.title[language]]))),
    );
  }, [call, language]);

  // A fast typist's Enter takes a result of what was typed, never one of the list from a few
  // letters before. The newest answer is kept apart from the list on screen, because an answer
  // is drawn a moment after it comes: an Enter in that moment takes its first service; an Enter
  // before any answer to what was typed waits for it (enterPendingFor).
  const newest = useRef<SearchAnswer>(NO_ANSWER);
  const enterPendingFor = useRef<string | null>(null);

  useEffect(() => {
    if (service) return;
    let live = true;
    const asked = query.trim();
    void call('catalogue.services', asked ? { query: asked } : {}).then((result) => {
      if (!live || !result.ok) return;
      const services = result.value.filter((s) => s.active).slice(0, 12);
      newest.current = { query: asked, services };
      setResults(newest.current);
      setAt(0);
      if (enterPendingFor.current !== asked) return;
      enterPendingFor.current = null;
      if (services[0]) setService(services[0]);
    });
    return () => {
      live = false;
    };
  }, [call, query, service]);
  useEffect(() => {
    if (service) first.current?.focus();
  }, [service]);

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setAt((i) => Math.max(0, Math.min(found.length - 1, i + (event.key === 'ArrowDown' ? 1 : -1))));
    }
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const typed = query.trim();
    if (newest.current.query !== typed) {
      enterPendingFor.current = typed;
      return;
    }
    // The row picked with the arrows if the list on screen is the answer, else its first service.
    const choice = results === newest.current ? found[at] : newest.current.services[0];
    if (choice) setService(choice);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!service || busy) return;
    const applicant = Object.fromEntries(FIELDS[service.type].map((f) => [f, values[f] ?? '']));
    // The kiosk's own checks, before the core makes them again.
    const checked = applicantSchemaFor(service.type).safeParse(applicant);
    if (!checked.success) {
      setFieldErrors(issuesByField(checked.error.issues.map((i) => ({ path: i.path.join('.'), code: i.message }))));
      return;
    }
    setFieldErrors({});
    setBusy(true);
    const result = await call('requests.create', { serviceCode: service.code, applicant });
    setBusy(false);
    if (result.ok) return onTaken(result.value.trackingCode);
    setFieldErrors(issuesByField(result.error.details?.issues ?? []));
    setError(result.error);
  };

  return (
    <section className="walk-in" aria-labelledby="walk-in-title" data-testid="walk-in">
      <header className="request__head">
        <h2 id="walk-in-title">{t('counter.new.title')}</h2>
        <button type="button" className="touch-button request__close" onClick={onCancel}>
          {t('counter.new.cancel')} <kbd>Esc</kbd>
        </button>
      </header>
      {!service ? (
        <div className="walk-in__services">
          <div className="field">
            <label htmlFor="walk-in-service">{t('counter.new.service')}</label>
            <input
              id="walk-in-service"
              autoFocus
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={onSearchKey}
              placeholder={t('counter.new.serviceHint')}
              role="combobox"
              aria-expanded="true"
              aria-controls="walk-in-found"
              aria-activedescendant={found[at] ? `svc-${found[at].code}` : undefined}
            />
          </div>
          <ul id="walk-in-found" role="listbox" className="walk-in__found">
            {found.map((s, i) => (
              <li
                key={s.code}
                id={`svc-${s.code}`}
                role="option"
                aria-selected={i === at}
                data-code={s.code}
                onClick={() => setService(s)}
              >
                <span>
                  {s.title[language]} <small>· {agencies.get(s.agencyCode)}</small>
                </span>
                <small>
                  {t(`counter.new.type.${s.type}`)} ·{' '}
                  {t('counter.new.days', { count: s.workingDays, n: localDigits(s.workingDays, language) })}
                </small>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <form className="walk-in__form" onSubmit={(e) => void submit(e)} noValidate>
          <p className="walk-in__chosen">
            {service.title[language]}{' '}
            <button type="button" className="link" onClick={() => setService(null)}>
              {t('counter.new.change')}
            </button>
          </p>
          {FIELDS[service.type].map((field, i) => (
            <div className="field" key={field}>
              <label htmlFor={`walk-in-${field}`}>{t(`counter.fields.${field}`)}</label>
              <input
                id={`walk-in-${field}`}
                name={field}
                ref={i === 0 ? first : undefined}
                value={values[field] ?? ''}
                dir={DIGIT_FIELDS.has(field) ? 'ltr' : undefined}
                inputMode={DIGIT_FIELDS.has(field) ? 'numeric' : undefined}
                aria-invalid={fieldErrors[field] ? true : undefined}
                aria-describedby={fieldErrors[field] ? `walk-in-${field}-error` : undefined}
                onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
                spellCheck={false}
              />
              {fieldErrors[field] && (
                <p className="error-notice" id={`walk-in-${field}-error`} data-error-code={fieldErrors[field]}>
                  {t(`errors.${fieldErrors[field]}`)}
                </p>
              )}
            </div>
          ))}
          {error && !Object.keys(fieldErrors).length && <FieldError error={error} />}
          <button type="submit" className="touch-button touch-button--primary" disabled={busy}>
            {t('counter.new.submit')} <kbd>Enter</kbd>
          </button>
          <p className="walk-in__printer">{t('counter.new.printerNote')}</p>
        </form>
      )}
    </section>
  );
}

function issuesByField(issues: readonly { path: string; code: string }[]): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  for (const issue of issues) {
    const field = issue.path.split('.').at(-1) as Field;
    out[field] ??= issue.code.includes('.') ? issue.code : `${field}.invalid`;
  }
  return out;
}
