import type { Settings } from '../contract';
import type { Db } from '../db/connection';
import type { Logger } from '../logs/rotating-log';

const DAY_MS = 86_400_000;

/** Requests erased per transaction (some 40 ms): the terminal keeps answering between them. */
const BATCH = 250;

/**
 * What a request holds of the citizen, erased by the purge: who they are and how to reach
 * them, and the name's search key. The request itself, its events (the audit trail) and
 * everything the statistics count stay.
 */
export const PERSONAL_COLUMNS = ['national_code', 'legal_id', 'company', 'name', 'mobile', 'name_key'] as const;

/** The instant before which a closed request loses its personal data; null when retention is off. */
export function purgeCutoff(days: number, now: Date): string | null {
  return days > 0 ? new Date(now.getTime() - days * DAY_MS).toISOString() : null;
}

/**
 * Erases the personal data of at most @limit requests closed (delivered, rejected or
 * cancelled) before @cutoff; an open request is never touched, whatever its age. The
 * candidates come from their own index (migration 0008), named: by its statistics SQLite
 * would otherwise walk the table, past every request purged before, batch after batch.
 */
export const PURGE_BATCH_SQL = `UPDATE requests SET ${PERSONAL_COLUMNS.map((column) => `${column} = NULL`).join(', ')},
    purged_at = @now
  WHERE id IN (SELECT id FROM requests INDEXED BY requests_retention
               WHERE purged_at IS NULL AND closed_at IS NOT NULL AND closed_at < @cutoff AND is_open = 0
               LIMIT @limit)`;

export function purgeBatch(db: Db, cutoff: string, now: Date, limit = BATCH): number {
  return db.prepare(PURGE_BATCH_SQL).run({ now: now.toISOString(), cutoff, limit }).changes;
}

/** The whole purge at once (the command line): how many requests were erased. */
export function purgeExpired(db: Db, days: number, now: Date): number {
  const cutoff = purgeCutoff(days, now);
  if (!cutoff) return 0;
  let total = 0;
  for (;;) {
    const erased = purgeBatch(db, cutoff, now);
    if (erased === 0) return total;
    total += erased;
  }
}

export interface RetentionOptions {
  db: Db;
  settings: () => Settings;
  now: () => Date;
  logger: Logger;
  /** How often it runs; a day. */
  everyMs?: number;
}

/**
 * The purge, run by the terminal itself: once soon after it starts, then every day. Between
 * batches it yields, so that a first purge of a year of requests does not stall the faces.
 */
export class RetentionService {
  private timers: NodeJS.Timeout[] = [];
  private running: Promise<number> | undefined;
  private stopped = false;

  constructor(private readonly options: RetentionOptions) {}

  start(): void {
    this.stopped = false;
    if (this.timers.length > 0) return;
    // unref: the purge never keeps a process (a test, the CLI) alive by itself.
    this.timers = [
      setTimeout(() => void this.run(), 0).unref(),
      setInterval(() => void this.run(), this.options.everyMs ?? DAY_MS).unref(),
    ];
  }

  /** Stops the timers; a purge under way stops before its next batch (the database is about to close). */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
  }

  /** Runs the purge now, or joins the one under way: how many requests it erased. */
  run(): Promise<number> {
    this.running ??= this.purge().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Waits for a purge under way (tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async purge(): Promise<number> {
    if (this.stopped) return 0;
    const now = this.options.now();
    const days = this.options.settings()['retention.days'];
    const cutoff = purgeCutoff(days, now);
    let total = 0;
    try {
      while (cutoff && !this.stopped) {
        const erased = purgeBatch(this.options.db, cutoff, now);
        if (erased === 0) break;
        total += erased;
        await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      this.options.logger.error(
        'retention.failed',
        'The purge of personal data failed; it runs again tomorrow.',
        error,
      );
    }
    if (total > 0) {
      this.options.logger.info(
        'retention.purged',
        `Erased the personal data of ${total} request(s) closed more than ${days} day(s) ago.`,
      );
    }
    return total;
  }
}
