import { useEffect } from 'react';
import { invoke } from '../api';

/**
 * Tells the core whether the person at this face is in the middle of a request (true) or
 * on the home screen (false), whenever that changes. The Electron shell installs a
 * downloaded update only when no face is busy (main/shell/update-gate.ts). A face calls it
 * once, with e.g. `screen.name !== 'home'`.
 */
export function useBusyReport(busy: boolean): void {
  useEffect(() => {
    void invoke('terminal.activity', { busy });
  }, [busy]);
}
