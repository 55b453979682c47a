/**
 * What the Electron shell does when a window's page dies or hangs, as pure functions:
 * main/windows.ts applies them, main/index.ts logs what they say.
 *
 * A crashed renderer is reloaded to its face's home screen at once. If it crashes again and
 * again (three times in ten minutes), each reload waits longer (5 s, 30 s, 2 min, then
 * 5 min), so that a page that cannot stay up does not spin the CPU and fill the log, and
 * each such crash is logged as renderer.repeated_crashes, which the admin face shows.
 * A renderer that stops answering gets a grace period, then is killed, which makes it a
 * crash like any other.
 */

export interface RestartPolicy {
  /** Crashes older than this are forgotten. */
  windowMs: number;
  /** From this many crashes within the window on, they are "repeated". */
  repeatedAfter: number;
  /** The wait before the reload after the 1st, 2nd, 3rd… crash within the window; the last one repeats. */
  backoffMs: readonly number[];
  /** How long a page may stay unresponsive before it is killed and reloaded. */
  unresponsiveGraceMs: number;
}

export const RESTART_POLICY: RestartPolicy = {
  windowMs: 10 * 60_000,
  repeatedAfter: 3,
  backoffMs: [0, 0, 5_000, 30_000, 120_000, 300_000],
  unresponsiveGraceMs: 15_000,
};

/** Electron's RenderProcessGoneDetails.reason values; a clean exit is a window that closed. */
export type GoneReason =
  | 'clean-exit'
  | 'abnormal-exit'
  | 'killed'
  | 'crashed'
  | 'oom'
  | 'launch-failed'
  | 'integrity-failure'
  | 'memory-eviction'
  | (string & {});

export interface CrashDecision {
  /** The crash times still within the window, this one included: keep it for the next call. */
  history: number[];
  reload: boolean;
  delayMs: number;
  /** How many crashes within the window, this one included. */
  count: number;
  repeated: boolean;
}

export function onRendererGone(
  history: readonly number[],
  now: number,
  reason: GoneReason,
  policy: RestartPolicy = RESTART_POLICY,
): CrashDecision {
  const recent = history.filter((at) => now - at < policy.windowMs);
  if (reason === 'clean-exit')
    return { history: recent, reload: false, delayMs: 0, count: recent.length, repeated: false };
  const next = [...recent, now];
  const count = next.length;
  const delayMs = policy.backoffMs[Math.min(count, policy.backoffMs.length) - 1] ?? 0;
  return { history: next, reload: true, delayMs, count, repeated: count >= policy.repeatedAfter };
}

/** The sentence a crash is logged with. */
export function describeCrash(
  role: string,
  reason: GoneReason,
  decision: CrashDecision,
  policy = RESTART_POLICY,
): string {
  const minutes = Math.round(policy.windowMs / 60_000);
  const wait = decision.delayMs > 0 ? `in ${Math.round(decision.delayMs / 1000)} s` : 'at once';
  const times = decision.repeated ? ` (${decision.count} times in ${minutes} minutes)` : '';
  return `The ${role} screen's renderer is gone (${reason})${times}; it is reloaded to its home screen ${wait}.`;
}
