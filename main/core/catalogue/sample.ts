import sample from '../../../assets/catalogue/sample.json';
import { catalogueFileSchema } from '../contract';
import type { Db } from '../db/connection';
import { applyCatalogue } from './store';

/** The shipped sample catalogue (assets/catalogue/sample.json), so that a new terminal is usable at once. */
export function loadSampleCatalogue(db: Db): void {
  applyCatalogue(db, catalogueFileSchema.parse(sample), 'system:sample-catalogue');
}
