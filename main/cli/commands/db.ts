import fs from 'node:fs';
import { openCoreDatabase } from '../../core/app';
import { openDatabase, schemaVersion } from '../../core/db/connection';
import { backupDatabase } from '../../core/db/backup';
import { UsageError } from '../usage-error';

/**
 * `mizban db init`: create the terminal's database, with the sample catalogue unless
 * `--empty`, or bring an existing one's schema up to date (its data untouched).
 */
export function dbInit(dbPath: string, empty: boolean): string {
  const existed = fs.existsSync(dbPath);
  const db = openCoreDatabase(dbPath, !empty);
  try {
    const services = db.prepare('SELECT count(*) FROM services').pluck().get() as number;
    const state = existed ? 'up to date' : `created${empty ? ' empty' : ' with the sample catalogue'}`;
    return `${state}: ${dbPath} (schema ${schemaVersion(db)}, ${services} services)`;
  } finally {
    db.close();
  }
}

/** `mizban backup`: an online copy of the database, safe while the app is running. */
export async function backup(dbPath: string, out: string | undefined): Promise<string> {
  if (!out) throw new UsageError('backup needs --out FILE');
  if (!fs.existsSync(dbPath)) throw new Error(`no database at ${dbPath}`);
  const db = openDatabase(dbPath, { readonly: true });
  try {
    const result = await backupDatabase(db, out);
    return `backed up ${dbPath} to ${result.path} (${result.bytes} bytes)`;
  } finally {
    db.close();
  }
}
