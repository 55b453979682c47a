import type { Settings, WindowRole } from '../core/contract';
import type { ScreenBounds } from './policy';

/** A screen as the decision needs it: Electron's Display, marked primary or not. */
export interface ScreenInfo {
  id: number;
  bounds: ScreenBounds;
  primary?: boolean;
}

/**
 * Where a counter terminal's customer display opens, if anywhere: the first screen that is not
 * the primary one (the clerk's counter window is on the primary), when the counter hands citizens
 * over on a display rather than on a slip. A kiosk or admin window has no customer display; nor
 * does a counter with one screen, or one whose primary screen is not known.
 */
export function customerDisplayBounds(terminal: {
  role: WindowRole;
  handoff: Settings['survey.handoff'];
  displays: readonly ScreenInfo[];
}): ScreenBounds | null {
  if (terminal.role !== 'counter' || terminal.handoff !== 'display') return null;
  if (!terminal.displays.some((display) => display.primary)) return null;
  return terminal.displays.find((display) => !display.primary)?.bounds ?? null;
}
