import type { Core } from '../../main/core/app';
import type { SettingChange } from '../../main/core/contract';
import { writeSetting } from '../../main/core/settings/store';

/**
 * Sets up a terminal for a test as its administrator would, without going through a face:
 * the settings are written and pushed, as `settings.set` does.
 */
export function setSettings(core: Core, ...changes: SettingChange[]): void {
  for (const change of changes) {
    const settings = writeSetting(core.db, change, 'test:setup');
    core.bus.emit({ type: 'settings.changed', settings });
  }
}
