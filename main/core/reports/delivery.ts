import { tehranInstant } from '../calendar/instant';
import { formatJalali, parseJalali, tehranClock, type Day } from '../calendar/jalali';
import { CalendarStore } from '../calendar/store';
import type { WorkCalendar } from '../calendar/work';
import { INTAKE_CHANNELS, type IntakeChannel } from '../contract';
import { REPORT_METHOD, type DeliveryInput, type DeliveryReport } from '../contract/reports';
import type { Db } from '../db/connection';
import { readSettings } from '../settings/store';
import { checkedScope, type ServiceEntry } from './catalogue';
import { ALL, CHANNEL_LABELS, type Words } from './labels';
import { dayBounds, isPeriod, periodKey } from './range';
import { groupKeys, groupLabel } from './satisfaction';
import { frequencyTable, percentOf, roundRatio } from './stats';

/** Requests made and delivered, tallied for one row of the report. */
class Figures {
  requests = 0;
  delivered = 0;
  onTime = 0;
  /** Deliveries whose working days the calendar could count (it knows the years it ships holidays for). */
  counted = 0;
  workingDays = 0;
  overdueOpen = 0;

  row(key: string, label: Words, requests: number | null) {
    return {
      key,
      label,
      requests,
      delivered: this.delivered,
      onTime: this.onTime,
      onTimePercent: percentOf(this.onTime, this.delivered),
      meanWorkingDaysToDeliver:
        this.counted === 0 ? null : roundRatio(BigInt(this.workingDays), BigInt(this.counted), 2),
    };
  }
}

function tallied<K>(map: Map<K, Figures>, key: K): Figures {
  let figures = map.get(key);
  if (!figures) map.set(key, (figures = new Figures()));
  return figures;
}

/**
 * The Tehran day of an ISO instant. Tehran's offset is a whole number of half hours, so
 * the instants of one ten-minute span ('YYYY-MM-DDTHH:M') all fall on one day: one
 * time-zone look-up per span instead of one per row.
 */
function tehranDays(): (iso: string) => Day {
  const cache = new Map<string, Day>();
  return (iso) => {
    const span = iso.slice(0, 15);
    let day = cache.get(span);
    if (day === undefined) cache.set(span, (day = tehranClock(new Date(iso)).day));
    return day;
  };
}

/** Working days from the request's day to the delivery's day; undefined outside the calendar's years. */
function workingDays(work: WorkCalendar, from: Day | undefined, to: Day): number | undefined {
  if (from === undefined || from < work.first || to > work.last) return undefined;
  return Math.max(0, work.workingDaysBetween(from, to));
}

/**
 * On-time delivery: of the requests delivered in the range (the day of their 'delivered'
 * event, Tehran clock), how many by their due date; the mean working days from request to
 * delivery on the terminal's calendar; what is overdue now; requests made in the range by
 * service, agency and channel.
 */
export function deliveryReport(db: Db, input: DeliveryInput, now: Date): DeliveryReport {
  const { range, services, kept } = checkedScope(db, input);
  const keeps = (serviceId: number) => kept === null || kept.has(serviceId);
  const [from, to] = dayBounds(range);
  const work = new CalendarStore(db).work(readSettings(db)['calendar.thursday']);
  const today = tehranClock(now).day;
  const by = input.by;

  const total = new Figures();
  const perService = new Map<number, Figures>();
  const groups = new Map<string, Figures>();
  const channels = new Map<IntakeChannel, number>();
  let first: string | null = null;
  let last: string | null = null;
  const seen = (day: string) => {
    if (first === null || day < first) first = day;
    if (last === null || day > last) last = day;
  };
  const serviceKey = (serviceId: number, of: 'service' | 'agency') => {
    const service = services.get(serviceId);
    return (of === 'service' ? service?.code : service?.agencyCode) ?? '';
  };

  const made = db
    .prepare(
      `SELECT service_id, channel, substr(created_day, 1, 7) AS month, count(*) AS requests
       FROM requests WHERE created_day BETWEEN ? AND ? GROUP BY service_id, channel, month`,
    )
    .all(from, to) as { service_id: number; channel: IntakeChannel; month: string; requests: number }[];
  for (const row of made) {
    if (!keeps(row.service_id)) continue;
    seen(`${row.month}/01`);
    total.requests += row.requests;
    tallied(perService, row.service_id).requests += row.requests;
    channels.set(row.channel, (channels.get(row.channel) ?? 0) + row.requests);
    if (by === undefined) tallied(groups, 'all').requests += row.requests;
    else if (isPeriod(by)) tallied(groups, periodKey(`${row.month}/01`, by)).requests += row.requests;
    else if (by !== 'clerk') tallied(groups, serviceKey(row.service_id, by)).requests += row.requests;
  }

  const fromDay = range.from === null ? undefined : parseJalali(range.from);
  const toDay = range.to === null ? undefined : parseJalali(range.to);
  const delivered = db
    .prepare(
      `SELECT r.service_id, r.created_day, r.due_date, e.at, e.actor
       FROM request_events e JOIN requests r ON r.id = e.request_id
       WHERE e.to_status = 'delivered' AND e.at >= ? AND e.at < ?`,
    )
    .iterate(
      fromDay === undefined ? '' : tehranInstant(fromDay, 0).toISOString(),
      toDay === undefined ? '~' : tehranInstant(toDay + 1, 0).toISOString(),
    ) as IterableIterator<{ service_id: number; created_day: string; due_date: string; at: string; actor: string }>;
  const dayOf = tehranDays();
  const createdDays = new Map<string, Day | undefined>();
  for (const row of delivered) {
    if (!keeps(row.service_id)) continue;
    const day = dayOf(row.at);
    const deliveredOn = formatJalali(day);
    seen(deliveredOn);
    let created = createdDays.get(row.created_day);
    if (!createdDays.has(row.created_day)) createdDays.set(row.created_day, (created = parseJalali(row.created_day)));
    const onTime = deliveredOn <= row.due_date;
    const days = workingDays(work, created, day);
    const targets = [total, tallied(perService, row.service_id)];
    if (by === undefined) targets.push(tallied(groups, 'all'));
    else if (isPeriod(by)) targets.push(tallied(groups, periodKey(deliveredOn, by)));
    else targets.push(tallied(groups, by === 'clerk' ? row.actor : serviceKey(row.service_id, by)));
    for (const figures of targets) {
      figures.delivered += 1;
      if (onTime) figures.onTime += 1;
      if (days !== undefined) {
        figures.counted += 1;
        figures.workingDays += days;
      }
    }
  }

  const open = db
    .prepare(
      `SELECT service_id, count(*) AS open, sum(due_date < ?) AS overdue
       FROM requests WHERE is_open = 1 GROUP BY service_id`,
    )
    .all(formatJalali(today)) as { service_id: number; open: number; overdue: number }[];
  let openNow = 0;
  for (const row of open) {
    if (!keeps(row.service_id)) continue;
    openNow += row.open;
    total.overdueOpen += row.overdue;
    if (row.overdue > 0) tallied(perService, row.service_id).overdueOpen += row.overdue;
  }

  const perAgency = new Map<string, Figures>();
  for (const [serviceId, figures] of perService) {
    const agency = tallied(perAgency, serviceKey(serviceId, 'agency'));
    for (const field of ['requests', 'delivered', 'onTime', 'counted', 'workingDays', 'overdueOpen'] as const) {
      agency[field] += figures[field];
    }
  }
  const serviceRows = [...services.values()].filter((service) => perService.has(service.id));
  const agencyRows = groupKeys('agency', perAgency, services, null, null);

  return {
    from: range.from,
    to: range.to,
    today: formatJalali(today),
    by: by ?? null,
    requests: total.requests,
    delivered: total.delivered,
    onTime: total.onTime,
    onTimePercent: percentOf(total.onTime, total.delivered),
    meanWorkingDaysToDeliver: total.row('all', ALL, null).meanWorkingDaysToDeliver,
    late: total.delivered - total.onTime,
    overdueOpen: total.overdueOpen,
    open: openNow,
    groups: groupKeys(by, groups, services, range.from ?? first, range.to ?? last).map((key) => {
      const figures = groups.get(key) ?? new Figures();
      return figures.row(key, groupLabel(key, by, services), by === 'clerk' ? null : figures.requests);
    }),
    perService: serviceRows.map((service: ServiceEntry) => {
      const figures = perService.get(service.id) as Figures;
      return {
        ...figures.row(service.code, service.title, figures.requests),
        agency: service.agencyCode,
        overdueOpen: figures.overdueOpen,
      };
    }),
    perAgency: agencyRows.map((key) => {
      const figures = perAgency.get(key) as Figures;
      return {
        ...figures.row(key, groupLabel(key, 'agency', services), figures.requests),
        overdueOpen: figures.overdueOpen,
      };
    }),
    perChannel: frequencyTable(
      INTAKE_CHANNELS.map((channel) => ({
        value: channel,
        label: CHANNEL_LABELS[channel],
        count: channels.get(channel) ?? 0,
      })),
    ) as DeliveryReport['perChannel'],
    method: REPORT_METHOD,
  };
}
