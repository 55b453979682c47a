import { z } from 'zod';
import type { ChannelDefinition } from './channel';
import { emptyInput } from './empty';
import type { Role, WindowRole } from './roles';

/**
 * The people who work a terminal: clerks, supervisors and administrators, each signed in on
 * one window with a username and a password. A counter or admin window's calls carry the
 * roles of the user signed in on it; a kiosk window never signs in.
 */
export const USER_ROLES = ['clerk', 'supervisor', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** The roles a user holds: a supervisor can do a clerk's work, an administrator a supervisor's too. */
export function rolesOfUser(role: UserRole): readonly Role[] {
  switch (role) {
    case 'clerk':
      return ['clerk'];
    case 'supervisor':
      return ['supervisor', 'clerk'];
    case 'admin':
      return ['admin', 'supervisor', 'clerk'];
  }
}

/** What a window is for: a counter works as a clerk; the admin face as an administrator or a supervisor. */
function rolesOfWindow(windowRole: WindowRole): readonly Role[] {
  switch (windowRole) {
    case 'kiosk':
      return [];
    case 'counter':
      return ['clerk'];
    case 'admin':
      return ['admin', 'supervisor'];
  }
}

/** The roles a signed-in user's calls carry on a window: those of the window's that the user holds. */
export function rolesOnWindow(windowRole: WindowRole, role: UserRole): readonly Role[] {
  const held = rolesOfUser(role);
  return rolesOfWindow(windowRole).filter((r) => held.includes(r));
}

/** Who may sign in on a window: anyone at a counter; the admin face is a supervisor's and an administrator's. */
export function userMaySignInOn(windowRole: WindowRole, role: UserRole): boolean {
  return rolesOnWindow(windowRole, role).length > 0;
}

export const AUTH_POLICY = {
  /** Wrong passwords in a row that lock an account. */
  maxFailures: 5,
  lockMs: 5 * 60_000,
} as const;

export const AUTH_ERROR_CODES = [
  /** Nobody is signed in on this window (or the session ended): the face shows the sign-in. */
  'auth.required',
  /** Unknown username or wrong password: the two are never told apart. */
  'auth.failed',
  'auth.locked',
  'auth.disabled',
  /** A clerk at the admin face. */
  'auth.window_not_allowed',
  /** The first administrator can be made only while there are no users. */
  'auth.already_set_up',
  'users.not_found',
  'users.username_taken',
  /** The last active administrator cannot be disabled or given another role. */
  'users.last_admin',
] as const;

export const AUTH_FIELD_ERRORS = ['username.invalid', 'password.too_short', 'password.too_long'] as const;

/** Latin letters, digits, dot, dash, underscore; stored in lower case, so "Zahra" and "zahra" are one user. */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, 'username.invalid');

/** At least 8 characters; a passphrase in Persian is as good as one in Latin letters. */
export const passwordSchema = z.string().min(8, 'password.too_short').max(128, 'password.too_long');

const displayNameSchema = z.string().trim().min(2, 'name.invalid').max(80, 'name.invalid');

export const sessionUserSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  role: z.enum(USER_ROLES),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const userSchema = sessionUserSchema.extend({
  active: z.boolean(),
  /** Until when wrong passwords have locked the account (ISO), or null. */
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  lastSignInAt: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;

const sessionSchema = z.object({
  /** Who is signed in on this window, or null. */
  user: sessionUserSchema.nullable(),
  /** No users yet: the face asks for the first administrator. */
  firstRun: z.boolean(),
  /** Minutes without a key press or a click after which the session ends. */
  idleMinutes: z.number().int(),
});
export type SessionInfo = z.infer<typeof sessionSchema>;

const GUEST_AND_STAFF = ['guest', 'clerk', 'supervisor', 'admin'] as const;
const STAFF = ['clerk', 'supervisor', 'admin'] as const;

export const authChannels = {
  'auth.session': { input: emptyInput, output: sessionSchema, roles: GUEST_AND_STAFF },
  'auth.signIn': {
    input: z.object({ username: z.string().trim().toLowerCase().max(64), password: z.string().max(256) }).strict(),
    output: sessionSchema,
    roles: ['guest'],
  },
  'auth.signOut': { input: emptyInput, output: sessionSchema, roles: STAFF },
  /** The face saw a key press or a click: the idle clock starts again. */
  'auth.activity': { input: emptyInput, output: z.object({ expiresAt: z.string() }), roles: STAFF },
  /** Only while the database has no users: the first administrator, signed in on this window at once. */
  'auth.firstAdmin': {
    input: z.object({ username: usernameSchema, displayName: displayNameSchema, password: passwordSchema }).strict(),
    output: sessionSchema,
    roles: ['guest'],
  },
  'users.list': { input: emptyInput, output: z.array(userSchema), roles: ['admin'] },
  'users.create': {
    input: z
      .object({
        username: usernameSchema,
        displayName: displayNameSchema,
        role: z.enum(USER_ROLES),
        password: passwordSchema,
      })
      .strict(),
    output: userSchema,
    roles: ['admin'],
  },
  /** A change of name, role, or of whether the account may sign in; a re-enabled account is unlocked. */
  'users.update': {
    input: z
      .object({
        username: z.string().max(64),
        displayName: displayNameSchema.optional(),
        role: z.enum(USER_ROLES).optional(),
        active: z.boolean().optional(),
      })
      .strict(),
    output: userSchema,
    roles: ['admin'],
  },
  /** A new password set by an administrator; it also lifts a lock-out. */
  'users.resetPassword': {
    input: z.object({ username: z.string().max(64), password: passwordSchema }).strict(),
    output: userSchema,
    roles: ['admin'],
  },
} as const satisfies Record<string, ChannelDefinition>;
