import type { User, UserRole } from '../contract';
import type { Db } from '../db/connection';

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: UserRole;
  password_hash: string;
  active: number;
  failed_attempts: number;
  locked_until: string | null;
  last_sign_in_at: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export type UserAction =
  'create' | 'update' | 'reset_password' | 'sign_in' | 'sign_out' | 'sign_in_failed' | 'locked' | 'expired';

export function toUser(row: UserRow): User {
  return {
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    active: row.active === 1,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    lastSignInAt: row.last_sign_in_at,
  };
}

/** The users table (migration 7) and its append-only log. */
export class UserStore {
  constructor(private readonly db: Db) {}

  count(): number {
    return this.db.prepare('SELECT count(*) FROM users').pluck().get() as number;
  }

  byUsername(username: string): UserRow | undefined {
    return this.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
  }

  byId(id: number): UserRow | undefined {
    return this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  }

  list(): UserRow[] {
    return this.db.prepare('SELECT * FROM users ORDER BY username').all() as UserRow[];
  }

  activeAdmins(): number {
    return this.db.prepare("SELECT count(*) FROM users WHERE role = 'admin' AND active = 1").pluck().get() as number;
  }

  insert(
    user: { username: string; displayName: string; role: UserRole; hash: string },
    at: Date,
    actor: string,
  ): number {
    const iso = at.toISOString();
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO users (username, display_name, role, password_hash, created_at, created_by, updated_at, updated_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(user.username, user.displayName, user.role, user.hash, iso, actor, iso, actor).lastInsertRowid,
    );
    this.log(id, at, actor, 'create', user.role);
    return id;
  }

  update(
    id: number,
    change: { displayName?: string | undefined; role?: UserRole | undefined; active?: boolean | undefined },
    at: Date,
    actor: string,
  ): void {
    this.db
      .prepare(
        `UPDATE users SET display_name = coalesce(@displayName, display_name), role = coalesce(@role, role),
           active = coalesce(@active, active),
           failed_attempts = CASE WHEN @active = 1 THEN 0 ELSE failed_attempts END,
           locked_until = CASE WHEN @active = 1 THEN NULL ELSE locked_until END,
           updated_at = @at, updated_by = @actor
         WHERE id = @id`,
      )
      .run({
        id,
        displayName: change.displayName ?? null,
        role: change.role ?? null,
        active: change.active === undefined ? null : change.active ? 1 : 0,
        at: at.toISOString(),
        actor,
      });
    this.log(id, at, actor, 'update', JSON.stringify(change));
  }

  setPassword(id: number, hash: string, at: Date, actor: string): void {
    this.db
      .prepare(
        `UPDATE users SET password_hash = ?, failed_attempts = 0, locked_until = NULL, updated_at = ?, updated_by = ?
         WHERE id = ?`,
      )
      .run(hash, at.toISOString(), actor, id);
    this.log(id, at, actor, 'reset_password', null);
  }

  recordFailure(id: number, failures: number, lockedUntil: Date | null, at: Date): void {
    this.db
      .prepare('UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?')
      .run(failures, lockedUntil?.toISOString() ?? null, id);
    this.log(id, at, 'system', lockedUntil ? 'locked' : 'sign_in_failed', lockedUntil?.toISOString() ?? null);
  }

  recordSignIn(id: number, at: Date, windowKey: string): void {
    this.db
      .prepare('UPDATE users SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = ? WHERE id = ?')
      .run(at.toISOString(), id);
    this.log(id, at, 'system', 'sign_in', windowKey);
  }

  log(id: number, at: Date, actor: string, action: UserAction, detail: string | null): void {
    this.db
      .prepare('INSERT INTO user_log (user_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?)')
      .run(id, at.toISOString(), actor, action, detail);
  }
}
