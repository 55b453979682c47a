import type { DeliveryChannel } from '../contract';
import type { Db } from '../db/connection';
import { DomainError } from '../router';
import type { Words } from './labels';
import { checkRange, type Issue, type Range } from './range';

export interface ServiceEntry {
  id: number;
  code: string;
  title: Words;
  agencyCode: string;
  agencyTitle: Words;
  delivery: DeliveryChannel;
  active: boolean;
}

/** The catalogue as the reports name it: services by row id, in code order. */
export function catalogueServices(db: Db): Map<number, ServiceEntry> {
  const rows = db
    .prepare(
      `SELECT s.id, s.code, s.title_fa, s.title_en, a.code AS agency_code, a.title_fa AS agency_fa,
         a.title_en AS agency_en, s.delivery, s.active
       FROM services s JOIN agencies a ON a.id = s.agency_id ORDER BY s.code`,
    )
    .all() as {
    id: number;
    code: string;
    title_fa: string;
    title_en: string;
    agency_code: string;
    agency_fa: string;
    agency_en: string;
    delivery: DeliveryChannel;
    active: number;
  }[];
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        code: row.code,
        title: { fa: row.title_fa, en: row.title_en },
        agencyCode: row.agency_code,
        agencyTitle: { fa: row.agency_fa, en: row.agency_en },
        delivery: row.delivery,
        active: row.active === 1,
      },
    ]),
  );
}

/** The services a report's filters keep: all (null), one service, or one agency's; an unknown code is added to `issues`. */
function filteredServices(
  db: Db,
  services: Map<number, ServiceEntry>,
  filter: { service?: string | undefined; agency?: string | undefined },
  issues: Issue[],
): Set<number> | null {
  if (filter.service === undefined && filter.agency === undefined) return null;
  const all = [...services.values()];
  if (filter.service !== undefined && !all.some((s) => s.code === filter.service)) {
    issues.push({ path: 'service', code: 'catalogue.service_not_found' });
  }
  if (filter.agency !== undefined && !db.prepare('SELECT 1 FROM agencies WHERE code = ?').get(filter.agency)) {
    issues.push({ path: 'agency', code: 'reports.agency_unknown' });
  }
  return new Set(
    all
      .filter((s) => filter.service === undefined || s.code === filter.service)
      .filter((s) => filter.agency === undefined || s.agencyCode === filter.agency)
      .map((s) => s.id),
  );
}

/** What every report checks of its input, every problem named at once: the range, the filters. */
export function checkedScope(
  db: Db,
  input: {
    from?: string | undefined;
    to?: string | undefined;
    service?: string | undefined;
    agency?: string | undefined;
  },
): { range: Range; services: Map<number, ServiceEntry>; kept: Set<number> | null } {
  const issues: Issue[] = [];
  const range = checkRange(input.from, input.to, issues);
  const services = catalogueServices(db);
  const kept = filteredServices(db, services, input, issues);
  if (issues.length > 0) throw new DomainError('input.invalid', { issues });
  return { range, services, kept };
}
