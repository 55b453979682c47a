import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { openCore } from '../../main/core/app';
import { settingDefaults, type AppEvent, type Settings } from '../../main/core/contract';
import { callerForWindow } from '../../main/shell/caller';
import { signedIn } from '../support/auth';
import { tempDir } from '../support/temp';

const dbPath = path.join(tempDir(), 'settings.sqlite');
/** Anyone may read the settings, even before signing in. */
const guest = callerForWindow('admin');

test('a new terminal reads the defaults', async () => {
  const core = openCore({ dbPath, appVersion: 't', log: () => undefined });
  assert.deepEqual(await core.router.call(guest, 'settings.get', {}), { ok: true, value: settingDefaults });
  core.close();
});

test('a change is stored, logged with who made it, pushed to subscribers and kept across a restart', async () => {
  const core = openCore({ dbPath, appVersion: 't', log: () => undefined });
  const kioskEvents: AppEvent[] = [];
  const unsubscribe = core.router.subscribe(callerForWindow('kiosk'), (event) => kioskEvents.push(event));
  const admin = await signedIn(core);

  const result = await core.router.call(admin, 'settings.set', { key: 'terminal.number', value: 7 });
  assert.equal(result.ok, true);
  assert.equal(kioskEvents.length, 1);
  assert.equal(kioskEvents[0]?.type, 'settings.changed');
  assert.equal(kioskEvents[0]?.settings['terminal.number'], 7);
  unsubscribe();
  await core.router.call(admin, 'settings.set', { key: 'terminal.number', value: 8 });
  assert.equal(kioskEvents.length, 1, 'no event after unsubscribing');

  const log = core.db.prepare('SELECT key, old_value, new_value, changed_by FROM settings_log ORDER BY id').all();
  assert.deepEqual(log, [
    { key: 'terminal.number', old_value: null, new_value: '7', changed_by: 'user:admin' },
    { key: 'terminal.number', old_value: '7', new_value: '8', changed_by: 'user:admin' },
  ]);
  core.close();

  const reopened = openCore({ dbPath, appVersion: 't', log: () => undefined });
  const settings = await reopened.router.call(guest, 'settings.get', {});
  assert.equal(settings.ok && (settings.value as Settings)['terminal.number'], 8);
  reopened.close();
});

test('a stored value that no longer passes its schema reads as the default', async () => {
  const core = openCore({ dbPath, appVersion: 't', log: () => undefined });
  core.db.prepare("UPDATE settings SET value = '5000' WHERE key = 'terminal.number'").run();
  const settings = await core.router.call(guest, 'settings.get', {});
  assert.equal(settings.ok && (settings.value as Settings)['terminal.number'], settingDefaults['terminal.number']);
  core.close();
});
