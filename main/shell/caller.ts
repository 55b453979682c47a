import type { WindowRole } from '../core/contract';
import { guestCaller, type Caller } from '../core/router';

/**
 * A window as the router takes it: the role it was opened with and its key, under which the
 * core keeps who is signed in on it. Nothing more is granted here: a counter or admin window
 * carries a user's roles only once that user has signed in on it (core/auth).
 */
export function callerForWindow(windowRole: WindowRole, windowKey: string = windowRole): Caller {
  return guestCaller({ windowRole, windowKey });
}

/**
 * A face no window role names: the customer display, a kiosk-role window on a counter's second
 * screen that waits for the clerk to hand a citizen over to the survey.
 */
export type ExtraFace = 'display';

/** The page a window of this role opens: the face is chosen from the URL, the rights from the caller. */
export function facePath(windowRole: WindowRole, face: WindowRole | ExtraFace = windowRole): string {
  return `/index.html?face=${face}`;
}
