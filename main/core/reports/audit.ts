import { REPORT_METHOD, type AuditInput, type AuditReport } from '../contract/reports';
import type { Db } from '../db/connection';
import { readSettings } from '../settings/store';
import { checkedScope, type ServiceEntry } from './catalogue';
import { dayBounds } from './range';
import { groupKeys, groupLabel } from './satisfaction';
import { percentOf } from './stats';

/** Part 1's columns, by where the catalogue says a service is delivered. */
function counts(services: readonly ServiceEntry[]) {
  const of = (delivery: ServiceEntry['delivery']) => services.filter((s) => s.delivery === delivery).length;
  return {
    services: services.length,
    inPerson: of('in_person'),
    electronic: of('electronic'),
    combined: of('combined'),
    outside: of('agency_only'),
  };
}

/**
 * The audit form (directive 1717668, annex 2) as far as the terminal can fill it: part 1's
 * counts and shares and table 2 from the catalogue; parts 4 and 5 from the catalogue and
 * from what the terminal itself does for every request it takes (a receipt with the due
 * date, a tracking code, every stage shown by that code, the survey), with the range's
 * requests, printed receipts and survey responses as the evidence. What the terminal cannot
 * know (a web page, uploads, SMS, documents taken at the first visit) is null: for a person.
 */
export function auditReport(db: Db, input: AuditInput): AuditReport {
  const { range, services: catalogue, kept } = checkedScope(db, input);
  const services = [...catalogue.values()].filter((service) => kept === null || kept.has(service.id));
  const [from, to] = dayBounds(range);
  const settings = readSettings(db);

  const requests = new Map(
    (
      db
        .prepare('SELECT service_id, count(*) AS n FROM requests WHERE created_day BETWEEN ? AND ? GROUP BY service_id')
        .all(from, to) as { service_id: number; n: number }[]
    ).map((row) => [row.service_id, row.n]),
  );
  // From the print jobs (one original per request; reprints are copies), joined to their requests by rowid.
  const receipts = new Map(
    (
      db
        .prepare(
          `SELECT r.service_id, count(DISTINCT p.request_id) AS n FROM print_jobs p JOIN requests r ON r.id = p.request_id
           WHERE p.kind = 'receipt' AND p.copy = 0 AND p.status = 'done' AND r.created_day BETWEEN ? AND ?
           GROUP BY r.service_id`,
        )
        .all(from, to) as { service_id: number; n: number }[]
    ).map((row) => [row.service_id, row.n]),
  );
  const responses = new Map(
    (
      db
        .prepare(
          `SELECT service_id, count(*) AS n FROM survey_responses
           WHERE service_id IS NOT NULL AND day BETWEEN ? AND ? GROUP BY service_id`,
        )
        .all(from, to) as { service_id: number; n: number }[]
    ).map((row) => [row.service_id, row.n]),
  );

  const all = counts(services);
  const byAgency = new Map<string, ServiceEntry[]>();
  for (const service of services)
    byAgency.set(service.agencyCode, [...(byAgency.get(service.agencyCode) ?? []), service]);
  const ref = (service: ServiceEntry) => ({
    code: service.code,
    title: service.title,
    agency: service.agencyTitle,
    delivery: service.delivery,
    active: service.active,
  });

  return {
    from: range.from,
    to: range.to,
    a: all.services,
    b: all.inPerson,
    c: all.electronic,
    d: all.combined,
    e: all.outside,
    inPersonShare: percentOf(all.inPerson, all.services),
    electronicShare: percentOf(all.electronic + all.combined, all.services),
    inactive: services.filter((service) => !service.active).length,
    table2: [
      ...groupKeys('agency', byAgency, catalogue, null, null).map((key) => ({
        key,
        label: groupLabel(key, 'agency', catalogue),
        ...counts(byAgency.get(key) ?? []),
      })),
      { key: 'all', label: { fa: settings['office.name.fa'], en: settings['office.name.en'] }, ...all },
    ],
    part4: services
      .filter((service) => service.delivery === 'in_person' || service.delivery === 'combined')
      .map((service) => ({
        ...ref(service),
        receiptWithDueDate: service.active,
        requests: requests.get(service.id) ?? 0,
        receipts: receipts.get(service.id) ?? 0,
        documentsAtFirstVisit: null,
        surveyOffered: service.active,
        surveyResponses: responses.get(service.id) ?? 0,
      })),
    part5: services
      .filter((service) => service.delivery === 'electronic' || service.delivery === 'combined')
      .map((service) => ({
        ...ref(service),
        pageAddress: null,
        documentUpload: null,
        electronicForms: service.active,
        electronicDelivery: null,
        trackingCode: service.active,
        stageTracking: service.active,
        smsOfStages: null,
        electronicSurvey: service.active,
      })),
    method: REPORT_METHOD,
  };
}
