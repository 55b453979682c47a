import { useEffect, useRef, useState } from 'react';

/** How long the warning counts down before the screen is wiped. */
export const IDLE_WARNING_SECONDS = 15;

/**
 * After `idleSeconds` without a touch or a key, a warning counts down (the seconds left are
 * returned); a touch then keeps the citizen's place, and at zero `onExpire` runs. Nothing
 * happens while `enabled` is false (the home screen holds nothing to wipe).
 */
export function useIdle(idleSeconds: number, enabled: boolean, onExpire: () => void): number | null {
  const lastActivity = useRef(0);
  const expire = useRef(onExpire);
  const [left, setLeft] = useState<number | null>(null);

  useEffect(() => {
    expire.current = onExpire;
  });

  useEffect(() => {
    const touch = () => {
      lastActivity.current = Date.now();
      setLeft(null);
    };
    const events = ['pointerdown', 'keydown', 'wheel'] as const;
    for (const name of events) window.addEventListener(name, touch, { capture: true, passive: true });
    return () => {
      for (const name of events) window.removeEventListener(name, touch, { capture: true });
    };
  }, []);

  useEffect(() => {
    if (!enabled) return;
    lastActivity.current = Date.now();
    const timer = setInterval(() => {
      const idleFor = (Date.now() - lastActivity.current) / 1000;
      const remaining = Math.ceil(idleSeconds + IDLE_WARNING_SECONDS - idleFor);
      if (idleFor < idleSeconds) setLeft(null);
      else if (remaining > 0) setLeft(remaining);
      else {
        lastActivity.current = Date.now();
        setLeft(null);
        expire.current();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [enabled, idleSeconds]);

  return enabled ? left : null;
}
