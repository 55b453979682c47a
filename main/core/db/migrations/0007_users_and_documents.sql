-- The people who work the terminal. Only a scrypt hash of each password is kept (salt and
-- cost inside the string); wrong passwords in a row are counted here, so that restarting
-- the app does not lift a lock-out.
CREATE TABLE users (
  id              INTEGER PRIMARY KEY,
  username        TEXT NOT NULL UNIQUE CHECK (username GLOB '[a-z0-9._-]*' AND length(username) BETWEEN 3 AND 32),
  display_name    TEXT NOT NULL,
  role            TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor', 'admin')),
  password_hash   TEXT NOT NULL CHECK (password_hash LIKE 'scrypt$%'),
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  locked_until    TEXT,
  last_sign_in_at TEXT,
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT NOT NULL
) STRICT;

-- Every change to a user and every sign-in, append-only: who did what to whom, and when.
CREATE TABLE user_log (
  id       INTEGER PRIMARY KEY,
  user_id  INTEGER NOT NULL REFERENCES users (id),
  at       TEXT NOT NULL,
  actor    TEXT NOT NULL,
  action   TEXT NOT NULL CHECK (action IN ('create', 'update', 'reset_password', 'sign_in', 'sign_out',
                                           'sign_in_failed', 'locked', 'expired')),
  detail   TEXT
) STRICT;
CREATE INDEX user_log_user ON user_log (user_id, id);

CREATE TRIGGER user_log_no_update BEFORE UPDATE ON user_log
BEGIN
  SELECT RAISE(ABORT, 'user_log is append-only');
END;
CREATE TRIGGER user_log_no_delete BEFORE DELETE ON user_log
BEGIN
  SELECT RAISE(ABORT, 'user_log is append-only');
END;

-- The documents a citizen has handed in for a request, by their place in the service's list
-- (the catalogue's); the title is kept as it read when ticked, so a later edit of the
-- catalogue cannot make a tick mean another document. No row: not received.
CREATE TABLE request_documents (
  request_id INTEGER NOT NULL REFERENCES requests (id),
  position   INTEGER NOT NULL CHECK (position >= 0),
  title_fa   TEXT NOT NULL,
  received   INTEGER NOT NULL CHECK (received IN (0, 1)),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (request_id, position)
) STRICT, WITHOUT ROWID;
