import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  localDigits,
  type ChannelOutput,
  type ErrorCode,
  type FieldIssue,
  type FileFormat,
  type Service,
} from '../../../main/core/contract';
import { useCall } from '../auth/session';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TouchButton } from '../ui/TouchButton';
import { useLanguage } from '../ui/useLanguage';
import { AdminPage } from './AdminPage';
import { useIssueWords } from './FieldError';
import { ServiceEditor } from './ServiceEditor';

type Agencies = ChannelOutput<'catalogue.agencies'>;
type Services = ChannelOutput<'catalogue.services'>;
type Imported = ChannelOutput<'catalogue.import'>;

const MIME: Record<FileFormat, string> = { json: 'application/json', csv: 'text/csv' };

/** Hands the browser a file to save: the content the core gave, never a path on this machine. */
function download(fileName: string, content: string, format: FileFormat): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${MIME[format]};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // After the click has been handled: the download holds its own reference.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A catalogue file in, checked whole; the catalogue out, as JSON or CSV. */
function ImportExport({ onImported }: { onImported: () => void }) {
  const call = useCall();
  const { t } = useTranslation();
  const language = useLanguage();
  const words = useIssueWords();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<Imported | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [busy, setBusy] = useState(false);

  async function importFile() {
    if (!file) return;
    setBusy(true);
    setResult(null);
    setError(null);
    setIssues([]);
    const format: FileFormat = file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'json';
    const answer = await call('catalogue.import', { format, content: await file.text() });
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error.code);
      setIssues(answer.error.details?.issues ?? []);
      return;
    }
    setResult(answer.value);
    onImported();
  }

  async function exportAs(format: FileFormat) {
    setError(null);
    const answer = await call('catalogue.export', { format });
    if (answer.ok) download(answer.value.fileName, answer.value.content, format);
    else setError(answer.error.code);
  }

  const n = (value: number) => localDigits(value, language);
  return (
    <section className="panel catalogue-files" aria-labelledby="catalogue-files-title">
      <h2 id="catalogue-files-title">{t('admin.catalogue.files')}</h2>
      <div className="catalogue-files__row">
        <div className="field">
          <label htmlFor="catalogue-file">{t('admin.catalogue.importFile')}</label>
          {/* The browser's own file button speaks the browser's language; this one the reader's. */}
          <div className="file-pick">
            <input
              id="catalogue-file"
              className="file-pick__input"
              type="file"
              accept=".json,.csv,application/json,text/csv"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setResult(null);
              }}
            />
            <label htmlFor="catalogue-file" className="touch-button touch-button--small">
              {t('admin.catalogue.chooseFile')}
            </label>
            <bdi className="file-pick__name">{file?.name ?? t('admin.catalogue.noFile')}</bdi>
          </div>
        </div>
        <TouchButton className="touch-button--primary" disabled={!file || busy} onClick={() => void importFile()}>
          {t('admin.catalogue.import')}
        </TouchButton>
        <span className="catalogue-files__spacer" />
        <TouchButton onClick={() => void exportAs('json')}>{t('admin.catalogue.export.json')}</TouchButton>
        <TouchButton onClick={() => void exportAs('csv')}>{t('admin.catalogue.export.csv')}</TouchButton>
      </div>
      <p className="settings-group__help">{t('admin.catalogue.importHelp')}</p>
      {result && (
        <p role="status" className="saved-notice">
          {t('admin.catalogue.imported', {
            agenciesAdded: n(result.agencies.added),
            agenciesUpdated: n(result.agencies.updated),
            servicesAdded: n(result.services.added),
            servicesUpdated: n(result.services.updated),
          })}
        </p>
      )}
      {error && <ErrorNotice code={error} />}
      {issues.length > 0 && (
        <table className="admin-table" data-testid="import-issues">
          <thead>
            <tr>
              <th scope="col">{t('admin.catalogue.issueRow')}</th>
              <th scope="col">{t('admin.catalogue.issueField')}</th>
              <th scope="col">{t('admin.catalogue.issueProblem')}</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((issue, i) => (
              <tr key={i}>
                <td>{issue.row === undefined ? '—' : n(issue.row)}</td>
                <td>
                  {/* The field as the file names it: what the person looks for in it. */}
                  <bdi dir="ltr" className="code">
                    {issue.path || t('admin.catalogue.wholeFile')}
                  </bdi>
                </td>
                <td>{words(issue.code)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The catalogue: agencies, their services (suspended ones too), one service's fields; files in and out. */
export function CataloguePage() {
  const call = useCall();
  const { t } = useTranslation();
  const language = useLanguage();
  const [agencies, setAgencies] = useState<Agencies>([]);
  const [agency, setAgency] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [services, setServices] = useState<Services>([]);
  const [service, setService] = useState<Service | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    void call('catalogue.agencies', {}).then((result) => {
      if (result.ok) setAgencies(result.value);
      else setError(result.error.code);
    });
  }, [call, version]);

  useEffect(() => {
    let live = true;
    const filter = { includeInactive: true, ...(agency ? { agencyCode: agency } : {}), ...(query ? { query } : {}) };
    void call('catalogue.services', filter).then((result) => {
      if (!live) return;
      if (result.ok) setServices(result.value);
      else setError(result.error.code);
    });
    return () => {
      live = false;
    };
  }, [agency, call, query, version]);

  async function open(code: string) {
    const result = await call('catalogue.service', { code });
    if (result.ok) setService(result.value.service);
    else setError(result.error.code);
  }

  return (
    <AdminPage title={t('admin.catalogue.title')} className="catalogue-page">
      <ImportExport
        onImported={() => {
          setService(null);
          reload();
        }}
      />
      {error && <ErrorNotice code={error} />}
      <div className="catalogue-page__columns">
        <nav className="panel catalogue-agencies" aria-labelledby="catalogue-agencies-title">
          <h2 id="catalogue-agencies-title">{t('admin.catalogue.agencies')}</h2>
          <ul className="pick-list">
            <li>
              <button type="button" aria-current={agency === null ? 'true' : undefined} onClick={() => setAgency(null)}>
                {t('admin.catalogue.allAgencies')}
              </button>
            </li>
            {agencies.map((item) => (
              <li key={item.code}>
                <button
                  type="button"
                  aria-current={agency === item.code ? 'true' : undefined}
                  onClick={() => setAgency(item.code)}
                >
                  <span>{item.title[language]}</span>
                  <span className="pick-list__count">{localDigits(item.services, language)}</span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <section className="panel catalogue-services" aria-labelledby="catalogue-services-title">
          <h2 id="catalogue-services-title">{t('admin.catalogue.services')}</h2>
          <div className="field">
            <label htmlFor="catalogue-search">{t('admin.catalogue.search')}</label>
            <input id="catalogue-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
          </div>
          <ul className="pick-list" data-testid="catalogue-services">
            {services.map((item) => (
              <li key={item.code}>
                <button
                  type="button"
                  data-code={item.code}
                  aria-current={service?.code === item.code ? 'true' : undefined}
                  data-inactive={item.active ? undefined : 'true'}
                  onClick={() => void open(item.code)}
                >
                  <span>
                    {item.title[language]}
                    {!item.active && <span className="badge">{t('admin.catalogue.inactive')}</span>}
                  </span>
                  <span className="pick-list__count">
                    {t('admin.catalogue.days', { count: item.workingDays, n: localDigits(item.workingDays, language) })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
        {service ? (
          <ServiceEditor
            key={service.code}
            service={service}
            agencies={agencies}
            onSaved={(saved) => {
              setService(saved);
              reload();
            }}
          />
        ) : (
          <p className="panel catalogue-page__hint">{t('admin.catalogue.choose')}</p>
        )}
      </div>
    </AdminPage>
  );
}
