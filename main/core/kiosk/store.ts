import type { ExitPinStatus } from '../contract/kiosk';
import type { Db } from '../db/connection';

interface PinRow {
  hash: string;
  set_at: string;
  set_by: string;
  failed_attempts: number;
  locked_until: string | null;
}

/** The one row of kiosk_exit_pin (migration 6): the hash and the wrong-PIN count. */
export class ExitPinStore {
  constructor(private readonly db: Db) {}

  row(): PinRow | undefined {
    return this.db
      .prepare('SELECT hash, set_at, set_by, failed_attempts, locked_until FROM kiosk_exit_pin WHERE id = 1')
      .get() as PinRow | undefined;
  }

  status(): ExitPinStatus {
    const row = this.row();
    return { set: row !== undefined, setAt: row?.set_at ?? null, setBy: row?.set_by ?? null };
  }

  /** A new PIN replaces the old one and clears the wrong-PIN count. */
  set(hash: string, at: Date, actor: string): void {
    this.db
      .prepare(
        `INSERT INTO kiosk_exit_pin (id, hash, set_at, set_by, failed_attempts, locked_until) VALUES (1, ?, ?, ?, 0, NULL)
         ON CONFLICT (id) DO UPDATE SET hash = excluded.hash, set_at = excluded.set_at, set_by = excluded.set_by,
           failed_attempts = 0, locked_until = NULL`,
      )
      .run(hash, at.toISOString(), actor);
  }

  recordFailure(failures: number, lockedUntil: Date | null): void {
    this.db
      .prepare('UPDATE kiosk_exit_pin SET failed_attempts = ?, locked_until = ? WHERE id = 1')
      .run(failures, lockedUntil?.toISOString() ?? null);
  }

  recordSuccess(): void {
    this.db.prepare('UPDATE kiosk_exit_pin SET failed_attempts = 0, locked_until = NULL WHERE id = 1').run();
  }
}
