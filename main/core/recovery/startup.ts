import type { Db } from '../db/connection';
import type { Logger } from '../logs/rotating-log';

/**
 * What the terminal checks each time it starts, after a clean stop or after the main
 * process died (the OS's service or autostart entry restarted it): the database's
 * integrity, and the print jobs that were being printed when it stopped.
 */

export interface StartupReport {
  /** 'ok', or the problems PRAGMA quick_check listed (at most ten). */
  quickCheck: 'ok' | string[];
  /** Jobs found in 'printing': the process died while they were being printed. */
  unfinishedPrintJobs: number;
  /** How many of them the printing code put back in the queue, as copies; null while no recovery is wired. */
  recoveredPrintJobs: number | null;
}

export interface StartupHooks {
  /**
   * HOOK for main/core/printing: puts the jobs left in 'printing' back to 'queued', marked
   * as a copy (the printer may have printed part of the receipt), and answers how many.
   * Not wired yet: main/core/printing has no such function at the time of writing, so the
   * jobs are only counted and logged.
   */
  recoverUnfinishedPrintJobs?: (db: Db) => number;
}

function quickCheck(db: Db): 'ok' | string[] {
  const rows = db.pragma('quick_check(10)', { simple: false }) as { quick_check: string }[];
  const problems = rows.map((row) => row.quick_check).filter((text) => text !== 'ok');
  return problems.length === 0 ? 'ok' : problems;
}

export function runStartupChecks(db: Db, logger: Logger, hooks: StartupHooks = {}): StartupReport {
  let check: 'ok' | string[];
  try {
    check = quickCheck(db);
  } catch (error) {
    check = [error instanceof Error ? error.message : String(error)];
  }
  if (check === 'ok') logger.info('db.quick_check', 'The database passed its quick check.');
  else {
    logger.error(
      'db.quick_check_failed',
      `The database failed its quick check: ${check.join('; ')}. Restore the latest backup (mizban backup).`,
    );
  }

  const unfinished = (
    db.prepare("SELECT count(*) AS n FROM print_jobs WHERE status = 'printing'").get() as { n: number }
  ).n;
  let recovered: number | null = null;
  if (unfinished > 0) {
    if (hooks.recoverUnfinishedPrintJobs) {
      recovered = hooks.recoverUnfinishedPrintJobs(db);
      logger.warn(
        'print_jobs.recovered',
        `${recovered} of ${unfinished} unfinished print jobs queued again as copies.`,
      );
    } else {
      logger.warn('print_jobs.unfinished', `${unfinished} print jobs were left in 'printing' when the app stopped.`);
    }
  }
  return { quickCheck: check, unfinishedPrintJobs: unfinished, recoveredPrintJobs: recovered };
}
