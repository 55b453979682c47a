import { catalogueToCsv } from '../../main/core/catalogue/csv';
import { readCatalogue } from '../../main/core/catalogue/store';
import type { Db } from '../../main/core/db/connection';

/**
 * A catalogue CSV as an administrator might bring it with three mistakes: the first
 * service's Persian title left empty, the second's working days written in words and its
 * delivery misspelt. Rows 1 and 2; nothing of it may be imported.
 */
export function brokenCatalogueCsv(db: Db): string {
  const catalogue = readCatalogue(db);
  const [first, second] = catalogue.services;
  if (!first || !second) throw new Error('the catalogue needs two services');
  const agencies = catalogue.agencies.filter((a) => a.code === first.agencyCode || a.code === second.agencyCode);
  return catalogueToCsv({
    format: 1,
    agencies,
    services: [
      { ...first, title: { ...first.title, fa: '' } },
      { ...second, workingDays: 'ten' as unknown as number, delivery: 'postal' as 'electronic' },
    ],
  });
}
