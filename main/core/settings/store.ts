import {
  SETTING_KEYS,
  settingDefaults,
  settingSchemas,
  type SettingChange,
  type SettingKey,
  type Settings,
} from '../contract';
import type { Db } from '../db/connection';

function isSettingKey(key: string): key is SettingKey {
  return (SETTING_KEYS as string[]).includes(key);
}

/**
 * Every setting, stored or default. A stored value that no longer passes its schema
 * (written by an older version) reads as the default rather than breaking the terminal.
 */
export function readSettings(db: Db): Settings {
  const settings: Record<string, unknown> = { ...settingDefaults };
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  for (const row of rows) {
    if (!isSettingKey(row.key)) continue;
    const parsed = settingSchemas[row.key].safeParse(JSON.parse(row.value));
    if (parsed.success) settings[row.key] = parsed.data;
  }
  return settings as Settings;
}

/** Writes one setting (already validated by the contract) and logs the change. */
export function writeSetting(db: Db, change: SettingChange, actor: string): Settings {
  const now = new Date().toISOString();
  const value = JSON.stringify(change.value);
  db.transaction(() => {
    const old = db.prepare('SELECT value FROM settings WHERE key = ?').get(change.key) as { value: string } | undefined;
    db.prepare(
      `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    ).run(change.key, value, now, actor);
    db.prepare(
      'INSERT INTO settings_log (key, old_value, new_value, changed_at, changed_by) VALUES (?, ?, ?, ?, ?)',
    ).run(change.key, old?.value ?? null, value, now, actor);
  }).immediate();
  return readSettings(db);
}
