import { useEffect } from 'react';

/**
 * Marks the first interactive paint of a face: the tests wait for it and the cold-start
 * benchmark measures up to it.
 */
export function useReady(ready: boolean): void {
  useEffect(() => {
    if (!ready || document.documentElement.dataset.ready) return;
    requestAnimationFrame(() => {
      document.documentElement.dataset.ready = 'true';
      performance.mark('mizban:interactive');
    });
  }, [ready]);
}
