import { useEffect, useRef } from 'react';

/** Whether the key goes to a field being typed in (then plain letters are not shortcuts). */
export function typingIn(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/**
 * A shortcut while the component is on screen: `match` picks the key press, `run` does the
 * move. Function keys and Alt+digit work from any field; the clerk's hands stay on the keyboard.
 */
export function useShortcut(match: (event: KeyboardEvent) => boolean, run: (event: KeyboardEvent) => void): void {
  const latest = useRef({ match, run });
  useEffect(() => {
    latest.current = { match, run };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !latest.current.match(event)) return;
      event.preventDefault();
      latest.current.run(event);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Alt+1 … Alt+9 by the physical key, so that a Persian keyboard layout gives the same digit. */
export function altDigit(event: KeyboardEvent): number | null {
  if (!event.altKey || event.ctrlKey || event.metaKey) return null;
  const match = /^Digit([1-9])$/.exec(event.code);
  return match ? Number(match[1]) : null;
}
