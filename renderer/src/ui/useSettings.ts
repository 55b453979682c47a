import { useEffect, useState } from 'react';
import type { ErrorCode, Settings } from '../../../main/core/contract';
import { invoke, onEvent } from '../api';

/** The terminal's settings, kept current by the core's pushed `settings.changed`. */
export function useSettings(): { settings: Settings | null; error: ErrorCode | null } {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  useEffect(() => {
    let live = true;
    void invoke('settings.get', {}).then((result) => {
      if (!live) return;
      if (result.ok) setSettings(result.value);
      else setError(result.error.code);
    });
    const unsubscribe = onEvent((event) => {
      if (event.type === 'settings.changed') setSettings(event.settings);
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);
  return { settings, error };
}
