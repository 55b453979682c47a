import fs from 'node:fs';
import { openDatabase, schemaVersion } from '../../core/db/connection';
import { backupDatabase } from '../../core/db/backup';
import { UsageError } from '../usage-error';

/** `mizban db init`: create the terminal's database, or bring an existing one's schema up to date. */
export function dbInit(dbPath: string): string {
  const existed = fs.existsSync(dbPath);
  const db = openDatabase(dbPath);
  try {
    return `${existed ? 'up to date' : 'created'}: ${dbPath} (schema ${schemaVersion(db)})`;
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
