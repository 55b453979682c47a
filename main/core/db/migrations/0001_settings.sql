-- The terminal's settings: one row per key, the value as JSON. A key never written
-- reads as its default (main/core/contract/settings.ts).
CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL CHECK (json_valid(value)),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;

-- Every change to a setting, for the audit trail.
CREATE TABLE settings_log (
  id         INTEGER PRIMARY KEY,
  key        TEXT NOT NULL,
  old_value  TEXT,
  new_value  TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL
) STRICT;
