/**
 * When a downloaded update may be installed, as a pure function. Installing restarts the
 * app, so it must never happen under a citizen who is in the middle of a request, nor
 * under a clerk typing one.
 *
 * Who knows: the faces. The core cannot tell a citizen reading the service list from one
 * half-way through a form, so each face reports through `terminal.activity` whether it is
 * busy (a request started) or home (the home screen, after a receipt, a cancel or the idle
 * timeout); the core keeps the reports (core/kiosk/activity.ts). The Electron shell adds
 * the time of the last touch or key press it saw in any window. An update is installed
 * only when no face is busy, nothing was touched for two minutes and the last face came
 * home at least two minutes ago. A busy report older than the longest idle timeout with no
 * touch since is a face that forgot to report: it does not hold updates back for ever.
 */

export interface UpdateGatePolicy {
  quietMs: number;
  /** A busy report this old, with no input for quietMs, is stale. */
  staleBusyMs: number;
}

export const UPDATE_GATE: UpdateGatePolicy = {
  quietMs: 2 * 60_000,
  // kiosk.idleSeconds is at most 900 s: by then a form has been wiped.
  staleBusyMs: 30 * 60_000,
};

/** When the updater looks: a minute after the start, then every four hours; the gate is asked every 30 s. */
export const UPDATE_SCHEDULE = {
  firstCheckMs: 60_000,
  everyMs: 4 * 60 * 60_000,
  gatePollMs: 30_000,
} as const;

export interface GateInput {
  now: number;
  /** The faces' reports (Core.activity.snapshot()). */
  activity: readonly { busy: boolean; since: string }[];
  /** The last key press, touch or click the shell saw, in ms; null if none since the start. */
  lastInputAt: number | null;
}

export type GateDecision =
  { install: true } | { install: false; reason: 'request_in_progress' | 'in_use' | 'just_finished' };

export function updateGate(input: GateInput, policy: UpdateGatePolicy = UPDATE_GATE): GateDecision {
  const { now } = input;
  const quietFor = input.lastInputAt === null ? Infinity : now - input.lastInputAt;
  for (const report of input.activity) {
    const age = now - Date.parse(report.since);
    if (report.busy && !(age >= policy.staleBusyMs && quietFor >= policy.quietMs)) {
      return { install: false, reason: 'request_in_progress' };
    }
  }
  if (quietFor < policy.quietMs) return { install: false, reason: 'in_use' };
  for (const report of input.activity) {
    if (!report.busy && now - Date.parse(report.since) < policy.quietMs)
      return { install: false, reason: 'just_finished' };
  }
  return { install: true };
}

/**
 * Whether this installation can update itself. Windows (NSIS, installed for the kiosk
 * account) and the Linux AppImage can; a .deb installation is updated by the package
 * manager (its updater would need root, which the kiosk user has not); from the sources, never.
 */
export function updaterSupport(context: {
  platform: NodeJS.Platform;
  packaged: boolean;
  /** resources/package-type, which electron-builder writes for deb, rpm and pacman builds. */
  packageType: string | null;
  appImage: string | undefined;
}): { enabled: true } | { enabled: false; reason: string } {
  if (!context.packaged) return { enabled: false, reason: 'Updates are off when running from the sources.' };
  if (context.platform === 'win32') return { enabled: true };
  if (context.platform === 'linux') {
    if (context.packageType) {
      return {
        enabled: false,
        reason: `Installed from a ${context.packageType} package: update it with the package manager (apt), not from the app.`,
      };
    }
    if (context.appImage) return { enabled: true };
    return { enabled: false, reason: 'Not running from an AppImage: this installation cannot update itself.' };
  }
  return { enabled: false, reason: `No updates on ${context.platform}.` };
}
