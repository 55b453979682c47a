import {
  normalizePersianText,
  searchKey,
  serviceSchema,
  type Agency,
  type CatalogueFile,
  type Service,
  type ServiceSummary,
} from '../contract';
import type { Db } from '../db/connection';

interface ServiceRow {
  code: string;
  agency_code: string;
  title_fa: string;
  title_en: string;
  type: Service['type'];
  delivery: Service['delivery'];
  working_days: number;
  active: number;
  sample: number;
  details: string;
}

/** What the columns do not hold. */
type Details = Omit<
  Service,
  'code' | 'agencyCode' | 'title' | 'type' | 'delivery' | 'workingDays' | 'active' | 'sample'
>;

function toSummary(row: ServiceRow): ServiceSummary {
  return {
    code: row.code,
    agencyCode: row.agency_code,
    title: { fa: row.title_fa, en: row.title_en },
    type: row.type,
    delivery: row.delivery,
    workingDays: row.working_days,
    active: row.active === 1,
  };
}

function toService(row: ServiceRow): Service {
  return { ...(JSON.parse(row.details) as Details), ...toSummary(row), sample: row.sample === 1 };
}

const SERVICE_COLUMNS = `s.code, a.code AS agency_code, s.title_fa, s.title_en, s.type, s.delivery, s.working_days,
  s.active, s.sample, s.details`;

export interface ImportCounts {
  agencies: { added: number; updated: number };
  services: { added: number; updated: number };
}

/**
 * Writes a checked catalogue in one transaction: agencies and services are added or updated
 * by code; what the file does not name stays as it was (requests refer to it).
 */
export function applyCatalogue(db: Db, catalogue: CatalogueFile, actor: string): ImportCounts {
  const now = new Date().toISOString();
  const counts: ImportCounts = { agencies: { added: 0, updated: 0 }, services: { added: 0, updated: 0 } };
  const agencyExists = db.prepare('SELECT id FROM agencies WHERE code = ?').pluck();
  const upsertAgency = db.prepare(
    `INSERT INTO agencies (code, title_fa, title_en, sample) VALUES (@code, @fa, @en, @sample)
     ON CONFLICT (code) DO UPDATE SET title_fa = excluded.title_fa, title_en = excluded.title_en, sample = excluded.sample`,
  );
  const serviceExists = db.prepare('SELECT id FROM services WHERE code = ?').pluck();
  const upsertService = db.prepare(
    `INSERT INTO services (code, agency_id, title_fa, title_en, search_key, type, delivery, working_days, active, sample,
       details, updated_at, updated_by)
     VALUES (@code, @agencyId, @fa, @en, @searchKey, @type, @delivery, @workingDays, @active, @sample, @details, @now, @actor)
     ON CONFLICT (code) DO UPDATE SET agency_id = excluded.agency_id, title_fa = excluded.title_fa,
       title_en = excluded.title_en, search_key = excluded.search_key, type = excluded.type,
       delivery = excluded.delivery, working_days = excluded.working_days, active = excluded.active,
       sample = excluded.sample, details = excluded.details, updated_at = excluded.updated_at,
       updated_by = excluded.updated_by`,
  );

  db.transaction(() => {
    const titles = new Map<string, Agency['title']>();
    for (const agency of catalogue.agencies) {
      const fa = normalizePersianText(agency.title.fa);
      counts.agencies[agencyExists.get(agency.code) === undefined ? 'added' : 'updated']++;
      upsertAgency.run({ code: agency.code, fa, en: agency.title.en, sample: agency.sample ? 1 : 0 });
      titles.set(agency.code, { fa, en: agency.title.en });
    }
    for (const service of catalogue.services) {
      const agencyId = agencyExists.get(service.agencyCode) as number;
      const fa = normalizePersianText(service.title.fa);
      const agency = titles.get(service.agencyCode);
      const { code, agencyCode, title, type, delivery, workingDays, active, sample, ...details } = service;
      counts.services[serviceExists.get(code) === undefined ? 'added' : 'updated']++;
      upsertService.run({
        code,
        agencyId,
        fa,
        en: service.title.en,
        searchKey: searchKey(`${fa} ${service.title.en} ${agency?.fa ?? ''} ${agency?.en ?? ''} ${code}`),
        type,
        delivery,
        workingDays,
        active: active ? 1 : 0,
        sample: sample ? 1 : 0,
        details: JSON.stringify(details),
        now,
        actor,
      });
    }
  }).immediate();
  return counts;
}

export function readCatalogue(db: Db): CatalogueFile {
  const agencies = (
    db.prepare('SELECT code, title_fa, title_en, sample FROM agencies ORDER BY id').all() as {
      code: string;
      title_fa: string;
      title_en: string;
      sample: number;
    }[]
  ).map((row) => ({ code: row.code, title: { fa: row.title_fa, en: row.title_en }, sample: row.sample === 1 }));
  const services = (
    db
      .prepare(`SELECT ${SERVICE_COLUMNS} FROM services s JOIN agencies a ON a.id = s.agency_id ORDER BY s.id`)
      .all() as ServiceRow[]
  ).map(toService);
  return { format: 1, agencies, services };
}

export function listAgencies(db: Db): { code: string; title: Agency['title']; services: number }[] {
  const rows = db
    .prepare(
      `SELECT a.code, a.title_fa, a.title_en, count(s.id) AS services
       FROM agencies a LEFT JOIN services s ON s.agency_id = a.id AND s.active = 1
       GROUP BY a.id ORDER BY a.id`,
    )
    .all() as { code: string; title_fa: string; title_en: string; services: number }[];
  return rows.map((row) => ({ code: row.code, title: { fa: row.title_fa, en: row.title_en }, services: row.services }));
}

export function listServices(
  db: Db,
  filter: { agencyCode?: string; query?: string; includeInactive?: boolean },
): ServiceSummary[] {
  const where: string[] = [];
  const params: Record<string, string> = {};
  if (!filter.includeInactive) where.push('s.active = 1');
  if (filter.agencyCode) {
    where.push('a.code = @agency');
    params.agency = filter.agencyCode;
  }
  const key = filter.query ? searchKey(filter.query) : '';
  if (key) {
    where.push('instr(s.search_key, @key) > 0');
    params.key = key;
  }
  const sql = `SELECT ${SERVICE_COLUMNS} FROM services s JOIN agencies a ON a.id = s.agency_id
    ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.id, s.id`;
  return (db.prepare(sql).all(params) as ServiceRow[]).map(toSummary);
}

export function findService(db: Db, code: string): { service: Service; agency: Agency } | undefined {
  const row = db
    .prepare(
      `SELECT ${SERVICE_COLUMNS}, a.title_fa AS agency_title_fa, a.title_en AS agency_title_en, a.sample AS agency_sample
       FROM services s JOIN agencies a ON a.id = s.agency_id WHERE s.code = ?`,
    )
    .get(code) as
    (ServiceRow & { agency_title_fa: string; agency_title_en: string; agency_sample: number }) | undefined;
  if (!row) return undefined;
  return {
    service: serviceSchema.parse(toService(row)),
    agency: {
      code: row.agency_code,
      title: { fa: row.agency_title_fa, en: row.agency_title_en },
      sample: row.agency_sample === 1,
    },
  };
}
