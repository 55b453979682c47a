-- The calendar's changes on top of the official holidays the app ships
-- (assets/holidays/holidays.json). Dates are Jalali 'YYYY/MM/DD' with Latin digits.

-- Days an administrator added: holidays, and closures (weather, energy, local days)
-- with their reason as the title.
CREATE TABLE calendar_days (
  id         INTEGER PRIMARY KEY,
  date       TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]/[0-1][0-9]/[0-3][0-9]'),
  kind       TEXT NOT NULL CHECK (kind IN ('holiday', 'closure')),
  title_fa   TEXT NOT NULL CHECK (length(title_fa) > 0),
  title_en   TEXT NOT NULL CHECK (length(title_en) > 0),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;

CREATE INDEX calendar_days_date ON calendar_days (date);

-- What an administrator changed of a shipped holiday, by its stable id ('lunar:1447/12/10'):
-- the date it was moved to, and whether its estimated date was confirmed. Moving confirms.
CREATE TABLE calendar_overrides (
  holiday_id TEXT PRIMARY KEY,
  moved_to   TEXT CHECK (moved_to GLOB '[0-9][0-9][0-9][0-9]/[0-1][0-9]/[0-3][0-9]'),
  confirmed  INTEGER NOT NULL CHECK (confirmed IN (0, 1)),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;

-- Every change to the calendar, append-only: the audit trail. Its last id also tells a
-- cached calendar that it is out of date.
CREATE TABLE calendar_log (
  id         INTEGER PRIMARY KEY,
  action     TEXT NOT NULL CHECK (action IN ('add', 'move', 'confirm', 'remove')),
  day_id     TEXT NOT NULL,
  from_date  TEXT,
  to_date    TEXT,
  note       TEXT,
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL
) STRICT;
