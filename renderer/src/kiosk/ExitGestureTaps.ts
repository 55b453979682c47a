/**
 * The administrator's gesture on the kiosk: five taps in the top right corner within three
 * seconds. Pure, so that it is tested under Node; ExitGesture.tsx feeds it the taps.
 */
export const EXIT_GESTURE = { taps: 5, withinMs: 3000 } as const;

/** Adds a tap; answers the taps still in the window and whether the gesture is complete (then it starts over). */
export function registerTap(
  taps: readonly number[],
  now: number,
  rule: { taps: number; withinMs: number } = EXIT_GESTURE,
): { taps: number[]; complete: boolean } {
  const recent = [...taps.filter((at) => now - at < rule.withinMs && at <= now), now];
  if (recent.length >= rule.taps) return { taps: [], complete: true };
  return { taps: recent, complete: false };
}
