import { z } from 'zod';

/**
 * Who may call a channel. A caller holds one or more of these; the router checks them.
 * 'guest' is a counter or admin window where nobody is signed in: it may sign in and read
 * what any screen needs before that (settings, health).
 */
export const ROLES = ['kiosk', 'clerk', 'supervisor', 'admin', 'guest'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/**
 * What a window was opened as. The main process fixes it when it creates the window;
 * the renderer can never choose it. It decides which face opens and which roles the
 * window's calls carry.
 */
export const WINDOW_ROLES = ['kiosk', 'counter', 'admin'] as const;
export const windowRoleSchema = z.enum(WINDOW_ROLES);
export type WindowRole = z.infer<typeof windowRoleSchema>;

/**
 * The roles a window's calls carry before anyone signs in on it: a kiosk is always a kiosk;
 * a counter or admin window is a guest until a user signs in, and then carries the user's
 * roles (contract/auth.ts rolesOfUser).
 */
export function rolesForWindow(windowRole: WindowRole): readonly Role[] {
  return windowRole === 'kiosk' ? ['kiosk'] : ['guest'];
}
