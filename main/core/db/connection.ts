import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate';
import { migrations as shippedMigrations, type Migration } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  /** Only for tests of the migration runner. */
  migrations?: readonly Migration[];
  /** Runs once, right after a new database got its schema: what a new terminal starts with. */
  onCreate?: (db: Db) => void;
}

/**
 * Opens the terminal's database and brings its schema up to date.
 * synchronous=FULL with WAL: a kiosk loses power without warning, and a receipt that
 * was printed must be on disk.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (!options.readonly) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    const isNew = schemaVersion(db) === 0;
    migrate(db, options.migrations ?? shippedMigrations);
    if (isNew) options.onCreate?.(db);
    // Statistics for the query planner, refreshed when SQLite sees they are stale: cheap on open.
    db.pragma('optimize = 0x10002');
  }
  return db;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}
