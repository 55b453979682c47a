import { catalogueToCsv } from './csv';
import { parseCatalogue } from './files';
import { applyCatalogue, findService, listAgencies, listServices, readCatalogue } from './store';
import { DomainError, type Handlers } from '../router';
import type { Db } from '../db/connection';

type CatalogueHandlers = Pick<
  Handlers,
  'catalogue.agencies' | 'catalogue.services' | 'catalogue.service' | 'catalogue.import' | 'catalogue.export'
>;

export function catalogueHandlers(db: Db): CatalogueHandlers {
  return {
    'catalogue.agencies': () => listAgencies(db),
    'catalogue.services': (filter) => listServices(db, filter),
    'catalogue.service': ({ code }) => {
      const found = findService(db, code);
      if (!found) throw new DomainError('catalogue.service_not_found');
      return found;
    },
    'catalogue.import': ({ format, content }, caller) => {
      const parsed = parseCatalogue(format, content);
      if (!parsed.ok) throw new DomainError('catalogue.import_invalid', { issues: parsed.issues });
      return applyCatalogue(db, parsed.catalogue, caller.actor);
    },
    'catalogue.export': ({ format }) => {
      const catalogue = readCatalogue(db);
      const content = format === 'json' ? `${JSON.stringify(catalogue, null, 2)}\n` : catalogueToCsv(catalogue);
      return { fileName: `catalogue.${format}`, content };
    },
  };
}
