import { rolesForWindow, type WindowRole } from '../core/contract';
import type { Caller } from '../core/router';

/** The caller a window's calls are made as: everything follows from the role it was opened with. */
export function callerForWindow(windowRole: WindowRole): Caller {
  return { windowRole, roles: rolesForWindow(windowRole), actor: `window:${windowRole}` };
}

/** The page a window of this role opens: the face is chosen from the URL, the rights from the caller. */
export function facePath(windowRole: WindowRole): string {
  return `/index.html?face=${windowRole}`;
}
