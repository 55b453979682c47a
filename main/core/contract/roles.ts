import { z } from 'zod';

/** Who may call a channel. A caller holds one or more of these; the router checks them. */
export const ROLES = ['kiosk', 'clerk', 'supervisor', 'admin'] as const;
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
 * The roles a window's calls carry. A counter works as a clerk; the admin face as an
 * administrator, who also sees what a supervisor sees.
 */
export function rolesForWindow(windowRole: WindowRole): readonly Role[] {
  switch (windowRole) {
    case 'kiosk':
      return ['kiosk'];
    case 'counter':
      return ['clerk'];
    case 'admin':
      return ['admin', 'supervisor'];
  }
}
