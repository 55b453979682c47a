-- The administrator's PIN to leave kiosk mode: one row, only its scrypt hash (salt and cost
-- inside the string), and the count of wrong PINs in a row with the time until which no PIN
-- is checked. Kept in the database, so restarting the app does not reset the count.
CREATE TABLE kiosk_exit_pin (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  hash            TEXT NOT NULL,
  set_at          TEXT NOT NULL,
  set_by          TEXT NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  locked_until    TEXT
) STRICT;
