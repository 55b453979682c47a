import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import {
  REQUEST_STATUSES,
  toLatinDigits,
  type ChannelOutput,
  type ErrorCode,
  type QueueItem,
  type RequestStatus,
} from '../../../main/core/contract';
import { onEvent } from '../api';
import { useCall } from '../auth/session';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useLanguage } from '../ui/useLanguage';
import { showCode, showDay, showInstant } from './format';

const PAGE = 50;
/** Typing in the search box asks the core once the hands pause. */
const SEARCH_PAUSE_MS = 250;

interface Filter {
  /** The open ones (the queue), all, or one status. */
  status: 'open' | 'all' | RequestStatus;
  agencyCode: string;
  serviceCode: string;
  /** Jalali YYYY/MM/DD, in any digits; empty: any day. */
  day: string;
  search: string;
}

const NO_FILTER: Filter = { status: 'open', agencyCode: '', serviceCode: '', day: '', search: '' };

function queueInput(filter: Filter, offset: number) {
  const day = toLatinDigits(filter.day.trim());
  return {
    ...(filter.status === 'open'
      ? {}
      : { statuses: filter.status === 'all' ? [...REQUEST_STATUSES] : [filter.status] }),
    ...(filter.agencyCode ? { agencyCode: filter.agencyCode } : {}),
    ...(filter.serviceCode ? { serviceCode: filter.serviceCode } : {}),
    ...(/^\d{4}\/\d{2}\/\d{2}$/.test(day) ? { day } : {}),
    ...(filter.search.trim() ? { search: filter.search.trim() } : {}),
    limit: PAGE,
    offset,
  };
}

/**
 * The queue: overdue first, then by due date, what is due today marked; filters and a search
 * box above. It refreshes itself when a kiosk takes a request or a clerk moves one.
 */
export function QueuePanel({
  searchRef,
  listRef,
  selected,
  onOpen,
  onNew,
}: {
  searchRef: RefObject<HTMLInputElement | null>;
  listRef: RefObject<HTMLOListElement | null>;
  selected: string | null;
  onOpen: (trackingCode: string) => void;
  onNew: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const call = useCall();
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [query, setQuery] = useState<Filter>(NO_FILTER);
  const [items, setItems] = useState<QueueItem[] | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [agencies, setAgencies] = useState<ChannelOutput<'catalogue.agencies'>>([]);
  const [services, setServices] = useState<ChannelOutput<'catalogue.services'>>([]);
  const shown = useRef(0);

  useEffect(() => {
    void call('catalogue.agencies', {}).then((result) => result.ok && setAgencies(result.value));
  }, [call]);
  useEffect(() => {
    void call('catalogue.services', filter.agencyCode ? { agencyCode: filter.agencyCode } : {}).then(
      (result) => result.ok && setServices(result.value),
    );
  }, [call, filter.agencyCode]);

  // The search box waits for a pause; the other filters apply at once.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(filter), filter.search === query.search ? 0 : SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [filter, query.search]);

  const load = useCallback(
    (offset: number) => {
      void call('requests.queue', queueInput(query, offset)).then((result) => {
        if (!result.ok) return setError(result.error.code);
        setError(null);
        setItems((before) => (offset === 0 ? result.value.items : [...(before ?? []), ...result.value.items]));
        shown.current = offset + result.value.items.length;
        setHasMore(result.value.hasMore);
      });
    },
    [call, query],
  );
  useEffect(() => load(0), [load]);

  // New requests from the kiosks, and moves made at other counters, without a reload.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = onEvent((event) => {
      if (event.type !== 'queue.changed') return;
      clearTimeout(timer);
      timer = setTimeout(() => load(0), 150);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [load]);

  const set = (change: Partial<Filter>) => setFilter((before) => ({ ...before, ...change }));

  /** Up and down move along the rows; Enter (a button's own) opens. */
  const onListKey = (event: KeyboardEvent<HTMLOListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const rows = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button.queue-row') ?? [])];
    const at = rows.indexOf(document.activeElement as HTMLButtonElement);
    const next = rows[Math.max(0, Math.min(rows.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))];
    next?.focus();
    event.preventDefault();
  };

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      listRef.current?.querySelector<HTMLButtonElement>('button.queue-row')?.focus();
      event.preventDefault();
    }
    if (event.key !== 'Enter') return;
    // Enter searches at once, without the typing pause; on a search already shown, it opens a single result.
    if (filter.search !== query.search) setQuery(filter);
    else if (items?.length === 1 && items[0]) onOpen(items[0].trackingCode);
  };

  return (
    <section className="queue" aria-labelledby="queue-title">
      <div className="queue__head">
        <h2 id="queue-title">{t('counter.queue.title')}</h2>
        <button type="button" className="touch-button touch-button--primary" onClick={onNew}>
          {t('counter.new.open')} <kbd>F2</kbd>
        </button>
      </div>
      <div className="queue__filters">
        <div className="field queue__search">
          <label htmlFor="queue-search">
            {t('counter.queue.search')} <kbd>F3</kbd>
          </label>
          <input
            id="queue-search"
            ref={searchRef}
            type="search"
            value={filter.search}
            placeholder={t('counter.queue.searchHint')}
            onChange={(e) => set({ search: e.target.value })}
            onKeyDown={onSearchKey}
            spellCheck={false}
          />
        </div>
        <div className="field">
          <label htmlFor="queue-status">{t('counter.queue.status')}</label>
          <select
            id="queue-status"
            value={filter.status}
            onChange={(e) => set({ status: e.target.value as Filter['status'] })}
          >
            <option value="open">{t('counter.queue.allOpen')}</option>
            <option value="all">{t('counter.queue.all')}</option>
            {REQUEST_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`counter.statuses.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="queue-agency">{t('counter.queue.agency')}</label>
          <select
            id="queue-agency"
            value={filter.agencyCode}
            onChange={(e) => set({ agencyCode: e.target.value, serviceCode: '' })}
          >
            <option value="">{t('counter.queue.any')}</option>
            {agencies.map((agency) => (
              <option key={agency.code} value={agency.code}>
                {agency.title[language]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="queue-service">{t('counter.queue.service')}</label>
          <select id="queue-service" value={filter.serviceCode} onChange={(e) => set({ serviceCode: e.target.value })}>
            <option value="">{t('counter.queue.any')}</option>
            {services.map((service) => (
              <option key={service.code} value={service.code}>
                {service.title[language]}
              </option>
            ))}
          </select>
        </div>
        <div className="field queue__day">
          <label htmlFor="queue-day">{t('counter.queue.day')}</label>
          <input
            id="queue-day"
            value={filter.day}
            dir="ltr"
            placeholder={language === 'fa' ? '۱۴۰۵/۰۹/۰۲' : '1405/09/02'}
            onChange={(e) => set({ day: e.target.value })}
          />
        </div>
      </div>
      {error && <ErrorNotice code={error} />}
      <div className="queue__columns" aria-hidden="true">
        <span>{t('counter.queue.due')}</span>
        <span>{t('counter.queue.code')}</span>
        <span>{t('counter.queue.name')}</span>
        <span>{t('counter.queue.service')}</span>
        <span>{t('counter.queue.status')}</span>
      </div>
      <ol className="queue__list" ref={listRef} onKeyDown={onListKey} data-testid="queue" aria-busy={items === null}>
        {items?.map((item) => (
          <li key={item.trackingCode}>
            <button
              type="button"
              className="queue-row"
              data-code={item.trackingCode}
              data-overdue={item.overdue || undefined}
              data-today={item.dueToday || undefined}
              aria-current={item.trackingCode === selected ? 'true' : undefined}
              onClick={() => onOpen(item.trackingCode)}
            >
              <span className="queue-row__due">
                {showDay(item.dueDate, language)}
                {item.overdue && <em className="badge badge--overdue">{t('counter.queue.overdue')}</em>}
                {item.dueToday && <em className="badge badge--today">{t('counter.queue.today')}</em>}
              </span>
              <bdi className="queue-row__code" dir="ltr">
                {showCode(item.trackingCode, language)}
              </bdi>
              <span className="queue-row__name">{item.name ?? t('counter.request.purged')}</span>
              <span className="queue-row__service">
                {item.service.title[language]}
                <small>{showInstant(item.createdAt, language)}</small>
              </span>
              <span className={`status status--${item.status}`}>{t(`counter.statuses.${item.status}`)}</span>
            </button>
          </li>
        ))}
      </ol>
      {items?.length === 0 && <p className="queue__empty">{t('counter.queue.empty')}</p>}
      {hasMore && (
        <button type="button" className="touch-button queue__more" onClick={() => load(shown.current)}>
          {t('counter.queue.more')}
        </button>
      )}
      <p className="queue__legend">{t('counter.queue.order')}</p>
    </section>
  );
}
