import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_ACCEPTANCE_TARGET,
  localDigits,
  REPORT_GROUPINGS,
  toLatinDigits,
  type AppError,
  type ChannelInput,
  type ChannelOutput,
  type ReportGrouping,
  type Settings,
} from '../../../main/core/contract';
import { invoke } from '../api';
import { DateTime } from '../ui/DateTime';
import { errorKey } from '../ui/errorText';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { TouchButton } from '../ui/TouchButton';
import { useLanguage } from '../ui/useLanguage';
import { saveFile } from './download';
import { normaliseDay, previousQuarter, quarterOf, quarterRange, yearRange, type DayRange } from './jalali';
import { ReportBody, ReportHeading } from './ReportBody';
import { fetchReport, inputOf, REPORT_KINDS, type Loaded, type ReportFilters, type ReportKind } from './request';
import './Reports.css';

/** What a channel answered, for the request (kind and input, as JSON) it answered. */
type Answer = { request: string } & ({ status: 'ready'; loaded: Loaded } | { status: 'failed'; error: AppError });
type State = { status: 'loading' } | Answer;

/** The filters as typed: dates in the reader's digits, until they are shown. */
interface Draft {
  from: string;
  to: string;
  by: ReportGrouping | '';
  questionnaire: string;
  service: string;
  agency: string;
  target: string;
}

type Questionnaires = ChannelOutput<'survey.questionnaires'>;
type Agencies = ChannelOutput<'catalogue.agencies'>;
type Services = ChannelOutput<'catalogue.services'>;

/** The catalogue and questionnaires the filters offer; an option list that fails to load stays empty. */
function useChoices() {
  const [questionnaires, setQuestionnaires] = useState<Questionnaires>([]);
  const [agencies, setAgencies] = useState<Agencies>([]);
  const [services, setServices] = useState<Services>([]);
  useEffect(() => {
    void invoke('survey.questionnaires', {}).then((r) => r.ok && setQuestionnaires(r.value));
    void invoke('catalogue.agencies', {}).then((r) => r.ok && setAgencies(r.value));
    void invoke('catalogue.services', { includeInactive: true }).then((r) => r.ok && setServices(r.value));
  }, []);
  // One entry per questionnaire: the reports count its newest version.
  const latest = useMemo(() => [...new Map(questionnaires.map((q) => [q.id, q])).values()], [questionnaires]);
  return { questionnaires: latest, agencies, services };
}

function filtersOf(draft: Draft): { filters: ReportFilters } | { invalid: 'from' | 'to' | 'target' } {
  const from = draft.from.trim() === '' ? undefined : normaliseDay(draft.from);
  if (from === undefined && draft.from.trim() !== '') return { invalid: 'from' };
  const to = draft.to.trim() === '' ? undefined : normaliseDay(draft.to);
  if (to === undefined && draft.to.trim() !== '') return { invalid: 'to' };
  const targetText = toLatinDigits(draft.target.trim()).replace('٫', '.');
  const target = targetText === '' ? undefined : Number(targetText);
  if (target !== undefined && !(target >= 0 && target <= 100)) return { invalid: 'target' };
  return {
    filters: {
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(draft.by ? { by: draft.by } : {}),
      questionnaire: draft.questionnaire,
      ...(draft.service ? { service: draft.service } : {}),
      ...(draft.agency ? { agency: draft.agency } : {}),
      ...(target === undefined ? {} : { target }),
    },
  };
}

/**
 * The supervisor's report page: a range in Jalali (with the quarters a report is made for),
 * a grouping, the questionnaire, service and agency; then the report on screen with its
 * tables and charts, and as a CSV, XLSX or PDF file.
 */
export function ReportsScreen({ settings }: { settings: Settings | null }) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const choices = useChoices();
  const [kind, setKind] = useState<ReportKind>('satisfaction');
  const now = useMemo(() => new Date(), []);
  const current = useMemo(() => quarterOf(now), [now]);
  const [year, setYear] = useState(current.year);
  const [draft, setDraft] = useState<Draft>(() => ({
    ...yearRange(current.year),
    by: '',
    questionnaire: settings?.['survey.questionnaire'] ?? 'national-16',
    service: '',
    agency: '',
    target: String(DEFAULT_ACCEPTANCE_TARGET),
  }));
  const [invalid, setInvalid] = useState<'from' | 'to' | 'target' | null>(null);
  const [applied, setApplied] = useState<ReportFilters>(() => {
    const first = filtersOf(draft);
    return 'filters' in first ? first.filters : { questionnaire: draft.questionnaire };
  });
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [file, setFile] = useState<{ busy: string } | { saved: string } | { error: AppError } | null>(null);

  const input = useMemo(() => inputOf(kind, applied), [kind, applied]);
  const request = JSON.stringify({ report: kind, ...input });
  useEffect(() => {
    let live = true;
    void fetchReport(kind, input).then((result) => {
      if (!live) return;
      setAnswer(
        result.ok
          ? { request, status: 'ready', loaded: result.loaded }
          : { request, status: 'failed', error: result.error },
      );
    });
    return () => {
      live = false;
    };
  }, [kind, input, request]);
  // Until the answer to what is asked now arrives, the page says it is computing.
  const state: State = answer?.request === request ? answer : { status: 'loading' };

  const set = (field: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const apply = (next: Draft) => {
    const checked = filtersOf(next);
    if ('invalid' in checked) {
      setInvalid(checked.invalid);
      return;
    }
    setInvalid(null);
    setFile(null);
    setApplied(checked.filters);
  };
  const showRange = (range: DayRange) => {
    const next = { ...draft, ...range };
    setDraft(next);
    apply(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply(draft);
  };

  async function download(format: 'csv' | 'xlsx' | 'pdf') {
    setFile({ busy: format });
    const wanted = { report: kind, ...input, language };
    const result =
      format === 'pdf'
        ? await invoke('reports.pdf', {
            ...wanted,
            office: settings?.[language === 'fa' ? 'office.name.fa' : 'office.name.en'],
          } as ChannelInput<'reports.pdf'>)
        : await invoke('reports.export', { ...wanted, format } as ChannelInput<'reports.export'>);
    if (!result.ok) {
      setFile({ error: result.error });
      return;
    }
    saveFile(result.value);
    setFile({ saved: result.value.fileName });
  }

  const years = Array.from({ length: 5 }, (_, i) => current.year - i);
  const dateField = (field: 'from' | 'to') => (
    <div className="field report-filters__date">
      <label htmlFor={`report-${field}`}>{t(`reports.filters.${field}`)}</label>
      <input
        id={`report-${field}`}
        dir="ltr"
        inputMode="numeric"
        placeholder={t('reports.filters.datePlaceholder')}
        aria-describedby="report-date-hint"
        aria-invalid={invalid === field}
        value={localDigits(draft[field], language)}
        onChange={(event) => set(field)(event.target.value)}
      />
    </div>
  );
  const office = settings?.[language === 'fa' ? 'office.name.fa' : 'office.name.en'];

  return (
    <div className="desk reports">
      <header className="desk__bar">
        <h1 className="desk__title">{t('reports.title')}</h1>
        <DateTime className="desk__clock" />
        <LanguageSwitch />
      </header>
      <main className="desk__main reports__main">
        <div className="report-tabs" role="tablist" aria-label={t('reports.tabs.label')}>
          {REPORT_KINDS.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              className="report-tabs__tab"
              aria-selected={kind === name}
              onClick={() => {
                setFile(null);
                setKind(name);
              }}
            >
              {t(`reports.tabs.${name}`)}
            </button>
          ))}
        </div>

        <form className="panel report-filters" aria-label={t('reports.filters.label')} onSubmit={submit} noValidate>
          <div className="report-filters__row">
            {dateField('from')}
            {dateField('to')}
            <div className="report-filters__shortcuts" role="group" aria-label={t('reports.filters.shortcuts')}>
              <TouchButton onClick={() => showRange(quarterRange(current))}>
                {t('reports.filters.thisQuarter')}
              </TouchButton>
              <TouchButton onClick={() => showRange(quarterRange(previousQuarter(current)))}>
                {t('reports.filters.lastQuarter')}
              </TouchButton>
              <label className="report-filters__year">
                <span>{t('reports.filters.year')}</span>
                <select value={year} onChange={(event) => setYear(Number(event.target.value))}>
                  {years.map((y) => (
                    <option key={y} value={y}>
                      {localDigits(y, language)}
                    </option>
                  ))}
                </select>
              </label>
              {([1, 2, 3, 4] as const).map((quarter) => (
                <TouchButton key={quarter} onClick={() => showRange(quarterRange({ year, quarter }))}>
                  {t(`reports.filters.quarter${quarter}`)}
                </TouchButton>
              ))}
              <TouchButton onClick={() => showRange(yearRange(year))}>{t('reports.filters.wholeYear')}</TouchButton>
            </div>
          </div>
          <p id="report-date-hint" className="report-filters__hint">
            {invalid === 'from' || invalid === 'to' ? (
              <span className="error-notice" role="alert">
                {t('reports.filters.dateInvalid')}
              </span>
            ) : (
              t('reports.filters.dateHint')
            )}
          </p>
          <div className="report-filters__row">
            {kind === 'satisfaction' && (
              <div className="field">
                <label htmlFor="report-questionnaire">{t('reports.filters.questionnaire')}</label>
                <select
                  id="report-questionnaire"
                  value={draft.questionnaire}
                  onChange={(event) => set('questionnaire')(event.target.value)}
                >
                  {choices.questionnaires.length === 0 && (
                    <option value={draft.questionnaire}>{draft.questionnaire}</option>
                  )}
                  {choices.questionnaires.map((q) => (
                    <option key={q.id} value={q.id}>
                      {q.title[language]}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {kind !== 'audit' && (
              <div className="field">
                <label htmlFor="report-by">{t('reports.filters.by')}</label>
                <select
                  id="report-by"
                  value={draft.by}
                  onChange={(event) => set('by')(event.target.value as ReportGrouping | '')}
                >
                  <option value="">{t('reports.filters.byNone')}</option>
                  {REPORT_GROUPINGS.map((by) => (
                    <option key={by} value={by}>
                      {t(`reports.filters.byOptions.${by}`)}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <div className="field">
              <label htmlFor="report-agency">{t('reports.filters.agency')}</label>
              <select
                id="report-agency"
                value={draft.agency}
                onChange={(event) => setDraft((d) => ({ ...d, agency: event.target.value, service: '' }))}
              >
                <option value="">{t('reports.filters.all')}</option>
                {choices.agencies.map((agency) => (
                  <option key={agency.code} value={agency.code}>
                    {agency.title[language]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="report-service">{t('reports.filters.service')}</label>
              <select
                id="report-service"
                value={draft.service}
                onChange={(event) => set('service')(event.target.value)}
              >
                <option value="">{t('reports.filters.all')}</option>
                {choices.services
                  .filter((service) => !draft.agency || service.agencyCode === draft.agency)
                  .map((service) => (
                    <option key={service.code} value={service.code}>
                      {service.title[language]}
                    </option>
                  ))}
              </select>
            </div>
            {kind === 'satisfaction' && (
              <div className="field report-filters__target">
                <label htmlFor="report-target">{t('reports.filters.target')}</label>
                <input
                  id="report-target"
                  dir="ltr"
                  inputMode="decimal"
                  aria-invalid={invalid === 'target'}
                  value={localDigits(draft.target, language)}
                  onChange={(event) => set('target')(event.target.value)}
                />
              </div>
            )}
            <TouchButton type="submit" className="touch-button--primary report-filters__show">
              {t('reports.filters.show')}
            </TouchButton>
          </div>
        </form>

        <div className="report-files" role="group" aria-label={t('reports.files.label')}>
          <span className="report-files__label">{t('reports.files.label')}</span>
          {(['csv', 'xlsx', 'pdf'] as const).map((format) => (
            <TouchButton
              key={format}
              data-format={format}
              disabled={state.status !== 'ready' || (file !== null && 'busy' in file)}
              onClick={() => void download(format)}
            >
              {t(`reports.files.${format}`)}
            </TouchButton>
          ))}
          {file && 'busy' in file && <span role="status">{t('reports.files.preparing')}</span>}
          {file && 'saved' in file && (
            <span role="status" className="saved-notice">
              {t('reports.files.saved', { name: file.saved })}
            </span>
          )}
          {file && 'error' in file && (
            <span className="error-notice" role="alert" data-error-code={file.error.code}>
              {t(errorKey(file.error, i18n))}
            </span>
          )}
        </div>

        <div
          className="report-screen"
          data-state={state.status}
          data-request={request}
          aria-busy={state.status === 'loading'}
        >
          {state.status === 'loading' && <p className="report-screen__loading">{t('reports.loading')}</p>}
          {state.status === 'failed' && (
            <p className="error-notice" role="alert" data-error-code={state.error.code}>
              {t(errorKey(state.error, i18n))}
            </p>
          )}
          {state.status === 'ready' && (
            <>
              <ReportHeading kind={state.loaded.kind} report={state.loaded.report} office={office} />
              <ReportBody kind={state.loaded.kind} report={state.loaded.report} mode={{ print: false }} />
            </>
          )}
        </div>
      </main>
    </div>
  );
}
