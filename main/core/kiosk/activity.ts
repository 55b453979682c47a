import type { WindowRole } from '../contract';

/**
 * What the faces report about the person in front of them: a citizen (kiosk) or a clerk
 * (counter) in the middle of a request is busy; on the home screen, not. Kept in memory:
 * after a restart every face starts on its home screen. The Electron updater reads it
 * through the update gate (main/shell/update-gate.ts).
 */
export interface ActivityReport {
  windowRole: WindowRole;
  busy: boolean;
  since: string;
}

export class ActivityBoard {
  private readonly reports = new Map<WindowRole, ActivityReport>();

  /** Records a face's state; `since` moves only when the state changes. */
  report(windowRole: WindowRole, busy: boolean, now: Date): ActivityReport {
    const previous = this.reports.get(windowRole);
    if (previous && previous.busy === busy) return previous;
    const next = { windowRole, busy, since: now.toISOString() };
    this.reports.set(windowRole, next);
    return next;
  }

  /** A window that was reloaded (after a crash) starts again on its home screen. */
  reset(windowRole: WindowRole, now: Date): void {
    this.report(windowRole, false, now);
  }

  snapshot(): ActivityReport[] {
    return [...this.reports.values()];
  }
}
