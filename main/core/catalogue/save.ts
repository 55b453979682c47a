import type { Service } from '../contract';
import type { Db } from '../db/connection';
import { DomainError, type Handlers } from '../router';
import { applyCatalogue, findService } from './store';

/**
 * One service, added or updated by its code, through the same write as a catalogue file
 * (titles normalised, the search key rebuilt with its agency's titles); its agency stays as it is.
 */
export function saveService(db: Db, service: Service, actor: string): NonNullable<ReturnType<typeof findService>> {
  const agency = db
    .prepare('SELECT code, title_fa, title_en, sample FROM agencies WHERE code = ?')
    .get(service.agencyCode) as { code: string; title_fa: string; title_en: string; sample: number } | undefined;
  if (!agency) throw new DomainError('catalogue.agency_not_found');
  applyCatalogue(
    db,
    {
      format: 1,
      agencies: [
        { code: agency.code, title: { fa: agency.title_fa, en: agency.title_en }, sample: agency.sample === 1 },
      ],
      services: [service],
    },
    actor,
  );
  return findService(db, service.code) as NonNullable<ReturnType<typeof findService>>;
}

export function saveServiceHandlers(db: Db): Pick<Handlers, 'catalogue.saveService'> {
  return { 'catalogue.saveService': (service, caller) => saveService(db, service, caller.actor) };
}
