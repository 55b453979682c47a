import fs from 'node:fs';
import { openCoreDatabase } from '../../core/app';
import { purgeExpired } from '../../core/retention/purge';
import { readSettings } from '../../core/settings/store';

/**
 * `mizban purge`: erases the citizen's identity from requests closed longer ago than the
 * `retention.days` setting, as the app does every day; says how many.
 */
export function purge(dbPath: string, now = new Date()): string {
  if (!fs.existsSync(dbPath)) throw new Error(`no database at ${dbPath}`);
  const db = openCoreDatabase(dbPath, false);
  try {
    const days = readSettings(db)['retention.days'];
    if (days === 0) return 'purged 0 requests: retention.days is 0, personal data is kept';
    const erased = purgeExpired(db, days, now);
    return `purged ${erased} request${erased === 1 ? '' : 's'}: personal data erased from requests closed more than ${days} day${days === 1 ? '' : 's'} ago`;
  } finally {
    db.close();
  }
}
