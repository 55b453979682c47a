import fs from 'node:fs';
import path from 'node:path';
import { formatJalali, tehranClock } from '../calendar/jalali';
import type { Backup } from '../contract';
import { backupDatabase } from '../db/backup';
import type { Db } from '../db/connection';
import type { Logger } from '../logs/rotating-log';
import { DomainError, type Handlers } from '../router';

const BACKUP_FILE = /^mizban-\d{4}-\d{2}-\d{2}-\d{6}(-\d+)?\.sqlite$/;

/**
 * The file name of a backup made at `at`: the Tehran day in Jalali and the time, so that the
 * names sort in the order they were made and read as the office reads a date.
 */
export function backupFileName(at: Date, suffix = 0): string {
  const { day, minutes } = tehranClock(at);
  const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}`;
  // Tehran's offset from UTC is whole minutes: its seconds are UTC's.
  const seconds = String(at.getUTCSeconds()).padStart(2, '0');
  return `mizban-${formatJalali(day).replaceAll('/', '-')}-${hhmm}${seconds}${suffix > 0 ? `-${suffix}` : ''}.sqlite`;
}

function describe(file: string): Backup {
  const stat = fs.statSync(file);
  return { fileName: path.basename(file), path: file, bytes: stat.size, createdAt: stat.mtime.toISOString() };
}

/** An online backup into `dir`, named by when it was made; a second one in the same second gets a suffix. */
export async function backupNow(db: Db, dir: string, at: Date): Promise<Backup> {
  let suffix = 0;
  while (fs.existsSync(path.join(dir, backupFileName(at, suffix)))) suffix++;
  const { path: written } = await backupDatabase(db, path.join(dir, backupFileName(at, suffix)));
  return describe(written);
}

/** The backups in `dir`, newest first; none when the folder does not exist yet. */
export function listBackups(dir: string, limit: number): Backup[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => BACKUP_FILE.test(name))
    .map((name) => describe(path.join(dir, name)))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName))
    .slice(0, limit);
}

export function backupHandlers(options: {
  db: Db;
  dir: string;
  logger: Logger;
  now: () => Date;
}): Pick<Handlers, 'system.backup' | 'system.backups'> {
  return {
    'system.backup': async () => {
      try {
        const backup = await backupNow(options.db, options.dir, options.now());
        options.logger.info('backup.written', `Backed up the database to ${backup.path} (${backup.bytes} bytes).`);
        return backup;
      } catch (error) {
        options.logger.error('backup.failed', `Could not back up the database to ${options.dir}.`, error);
        throw new DomainError('system.backup_failed');
      }
    },
    'system.backups': ({ limit }) => listBackups(options.dir, limit),
  };
}
