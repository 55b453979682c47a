import { useEffect, useRef } from 'react';
import { onEvent } from '../api';

/** Calls back with each code the receipt scanner reads, while the screen that asks for one is up. */
export function useScannedCode(onCode: (code: string) => void): void {
  const latest = useRef(onCode);
  useEffect(() => {
    latest.current = onCode;
  });
  useEffect(
    () =>
      onEvent((event) => {
        if (event.type === 'scanner.code') latest.current(event.code);
      }),
    [],
  );
}
