import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './connection';

/**
 * An online backup (SQLite's backup API): the terminal keeps working while it runs and
 * the copy is consistent. Written beside the target, then renamed, so a half-written
 * file never carries the backup's name.
 */
export async function backupDatabase(db: Db, target: string): Promise<{ path: string; bytes: number }> {
  const out = path.resolve(target);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const partial = `${out}.partial`;
  fs.rmSync(partial, { force: true });
  await db.backup(partial);
  fs.renameSync(partial, out);
  return { path: out, bytes: fs.statSync(out).size };
}
