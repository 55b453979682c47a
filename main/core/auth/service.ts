import {
  rolesOnWindow,
  userMaySignInOn,
  type SessionInfo,
  type Settings,
  type User,
  type UserRole,
  type WindowRole,
} from '../contract';
import type { Db } from '../db/connection';
import { hashPin, PIN_COST, verifyPin } from '../kiosk/pin';
import type { Logger } from '../logs/rotating-log';
import { DomainError, guestCaller, type Caller, type WindowRef } from '../router';
import { afterFailure, isLockedAt } from './lockout';
import { toUser, UserStore, type UserRow } from './users';

export interface AuthOptions {
  db: Db;
  settings: () => Settings;
  logger: Logger;
  now?: () => Date;
  /** scrypt's cost; the same as the exit PIN's unless a test makes it cheaper. */
  cost?: { log2N: number; r: number; p: number };
  /** A session ended (sign-out, idle, window closed): what its user was doing there is over. */
  onSessionEnded?: (windowRole: WindowRole) => void;
}

/** Who is signed in on a window, kept in memory: a restart signs everyone out. */
interface Session {
  userId: number;
  windowRole: WindowRole;
  lastActiveAt: number;
}

/**
 * Sign-in and sessions. A session belongs to one window (its key comes from the shell:
 * Electron's webContents, the Chromium shell's browser context) and ends on sign-out, when
 * the window closes, when its user is disabled or after the idle time the settings give.
 * Passwords are kept as scrypt hashes with a random salt (kiosk/pin.ts's format).
 */
export class AuthService {
  readonly users: UserStore;
  private readonly sessions = new Map<string, Session>();
  private readonly now: () => Date;
  private readonly cost: { log2N: number; r: number; p: number };
  /** One sign-in at a time: two tries at once cannot both slip under the count of wrong passwords. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Checked against for an unknown username, so that it takes as long as a wrong password. */
  private dummyHash: Promise<string> | undefined;

  constructor(private readonly options: AuthOptions) {
    this.users = new UserStore(options.db);
    this.now = options.now ?? (() => new Date());
    this.cost = options.cost ?? PIN_COST;
  }

  /** The caller a window's call is made as: its user's roles and name, or a guest's. */
  resolve(window: WindowRef): Caller {
    const guest = guestCaller(window);
    if (window.windowRole === 'kiosk') return guest;
    const session = this.sessions.get(window.windowKey);
    if (!session) return guest;
    const row = this.users.byId(session.userId);
    const now = this.now();
    if (!row || row.active !== 1 || !userMaySignInOn(window.windowRole, row.role)) {
      this.end(window.windowKey, 'expired', 'account changed');
      return guest;
    }
    if (now.getTime() - session.lastActiveAt > this.idleMs()) {
      this.end(window.windowKey, 'expired', 'idle');
      return guest;
    }
    return {
      ...window,
      roles: rolesOnWindow(window.windowRole, row.role),
      actor: `user:${row.username}`,
      user: { username: row.username, displayName: row.display_name, role: row.role },
    };
  }

  info(window: WindowRef): SessionInfo {
    return {
      user: this.resolve(window).user,
      firstRun: this.users.count() === 0,
      idleMinutes: this.options.settings()['session.idleMinutes'],
    };
  }

  signIn(window: WindowRef, username: string, password: string): Promise<SessionInfo> {
    return this.serial(async () => {
      const now = this.now();
      const row = this.users.byUsername(username);
      if (!row) {
        await verifyPin(password, await this.dummy());
        this.options.logger.warn('auth.failed', `A sign-in as an unknown user (${username.slice(0, 32)}) was refused.`);
        throw new DomainError('auth.failed');
      }
      if (isLockedAt(row.locked_until, now)) throw new DomainError('auth.locked');
      if (!(await verifyPin(password, row.password_hash))) {
        const { failures, lockedUntil } = afterFailure(row.failed_attempts, now);
        this.users.recordFailure(row.id, failures, lockedUntil, now);
        this.options.logger.warn(
          'auth.failed',
          lockedUntil
            ? `Wrong password for ${row.username}: locked until ${lockedUntil.toISOString()}.`
            : `Wrong password for ${row.username} (${failures} in a row).`,
        );
        throw new DomainError(lockedUntil ? 'auth.locked' : 'auth.failed');
      }
      if (row.active !== 1) throw new DomainError('auth.disabled');
      if (!userMaySignInOn(window.windowRole, row.role)) throw new DomainError('auth.window_not_allowed');
      this.open(window, row, now);
      return this.info(window);
    });
  }

  /** The first administrator of a new database; refused once any user exists. */
  firstAdmin(
    window: WindowRef,
    input: { username: string; displayName: string; password: string },
  ): Promise<SessionInfo> {
    return this.serial(async () => {
      if (this.users.count() > 0) throw new DomainError('auth.already_set_up');
      const hash = await hashPin(input.password, this.cost);
      const now = this.now();
      const id = this.options.db
        .transaction(() => {
          if (this.users.count() > 0) throw new DomainError('auth.already_set_up');
          return this.users.insert({ ...input, role: 'admin', hash }, now, 'first-run');
        })
        .immediate();
      this.options.logger.info('auth.first_admin', `The first administrator, ${input.username}, was created.`);
      this.open(window, this.users.byId(id) as UserRow, now);
      return this.info(window);
    });
  }

  signOut(window: WindowRef): SessionInfo {
    this.end(window.windowKey, 'sign_out', 'signed out');
    return this.info(window);
  }

  /** A key press or a click on the window: the idle clock starts again. */
  touch(window: WindowRef): { expiresAt: string } {
    const session = this.sessions.get(window.windowKey);
    const now = this.now().getTime();
    if (session) session.lastActiveAt = now;
    return { expiresAt: new Date(now + this.idleMs()).toISOString() };
  }

  /** The window is gone: nobody stays signed in on it. */
  release(windowKey: string): void {
    this.end(windowKey, 'sign_out', 'window closed');
  }

  list(): User[] {
    return this.users.list().map(toUser);
  }

  create(
    input: { username: string; displayName: string; role: UserRole; password: string },
    actor: string,
  ): Promise<User> {
    return this.serial(async () => {
      if (this.users.byUsername(input.username)) throw new DomainError('users.username_taken');
      const hash = await hashPin(input.password, this.cost);
      if (this.users.byUsername(input.username)) throw new DomainError('users.username_taken');
      const id = this.users.insert({ ...input, hash }, this.now(), actor);
      this.options.logger.info('users.created', `${actor} created the ${input.role} ${input.username}.`);
      return toUser(this.users.byId(id) as UserRow);
    });
  }

  update(
    input: {
      username: string;
      displayName?: string | undefined;
      role?: UserRole | undefined;
      active?: boolean | undefined;
    },
    actor: string,
  ): User {
    const row = this.found(input.username);
    const losesAdmin =
      row.role === 'admin' &&
      row.active === 1 &&
      ((input.role !== undefined && input.role !== 'admin') || input.active === false);
    if (losesAdmin && this.users.activeAdmins() <= 1) throw new DomainError('users.last_admin');
    this.users.update(row.id, input, this.now(), actor);
    this.options.logger.info('users.updated', `${actor} changed the user ${row.username}.`);
    return toUser(this.users.byId(row.id) as UserRow);
  }

  resetPassword(username: string, password: string, actor: string): Promise<User> {
    return this.serial(async () => {
      const row = this.found(username);
      this.users.setPassword(row.id, await hashPin(password, this.cost), this.now(), actor);
      this.options.logger.info('users.password_reset', `${actor} set a new password for ${row.username}.`);
      return toUser(this.users.byId(row.id) as UserRow);
    });
  }

  private found(username: string): UserRow {
    const row = this.users.byUsername(username.trim().toLowerCase());
    if (!row) throw new DomainError('users.not_found');
    return row;
  }

  private open(window: WindowRef, row: UserRow, now: Date): void {
    this.sessions.set(window.windowKey, { userId: row.id, windowRole: window.windowRole, lastActiveAt: now.getTime() });
    this.users.recordSignIn(row.id, now, window.windowKey);
    this.options.logger.info('auth.signed_in', `${row.username} signed in on a ${window.windowRole} window.`);
  }

  private end(windowKey: string, action: 'sign_out' | 'expired', why: string): void {
    const session = this.sessions.get(windowKey);
    if (!session) return;
    this.sessions.delete(windowKey);
    // A user removed under the session has no row to log against.
    if (this.users.byId(session.userId)) this.users.log(session.userId, this.now(), 'system', action, why);
    this.options.onSessionEnded?.(session.windowRole);
  }

  private idleMs(): number {
    return this.options.settings()['session.idleMinutes'] * 60_000;
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= hashPin('not a password of anyone', this.cost);
    return this.dummyHash;
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
