import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** The built command, as an administrator runs it (npm test builds before the unit tests). */
export const CLI = path.resolve('dist/cli/mizban.cjs');

/** Runs `mizban …` with no MIZBAN_DB from outside, so that only --db chooses the database. */
export function mizban(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, MIZBAN_DB: '' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
