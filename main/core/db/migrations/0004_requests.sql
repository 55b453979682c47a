-- Requests: the current projection of each request. Its history is request_events.
CREATE TABLE requests (
  id                 INTEGER PRIMARY KEY,
  tracking_code      TEXT NOT NULL UNIQUE,
  terminal           INTEGER NOT NULL,
  sequence           INTEGER NOT NULL,
  service_id         INTEGER NOT NULL REFERENCES services (id),
  channel            TEXT NOT NULL CHECK (channel IN ('kiosk', 'counter', 'import')),
  status             TEXT NOT NULL CHECK (status IN ('registered', 'in_progress', 'waiting_citizen', 'ready',
                                                     'delivered', 'rejected', 'cancelled')),
  is_open            INTEGER GENERATED ALWAYS AS (status IN ('registered', 'in_progress', 'waiting_citizen', 'ready')) STORED,
  created_at         TEXT NOT NULL,           -- ISO 8601, UTC
  created_day        TEXT NOT NULL,           -- Jalali YYYY/MM/DD, Tehran: sorts as it reads
  due_date           TEXT NOT NULL,           -- Jalali YYYY/MM/DD
  due_date_estimated INTEGER NOT NULL CHECK (due_date_estimated IN (0, 1)),
  waiting_since      TEXT,                    -- Jalali day the request started waiting for the citizen
  -- Personal data: only what the request needs; erased by the retention purge.
  national_code      TEXT,
  legal_id           TEXT,
  company            TEXT,
  name               TEXT,
  mobile             TEXT,
  name_key           TEXT,
  closed_at          TEXT,
  purged_at          TEXT,
  updated_at         TEXT NOT NULL,
  UNIQUE (terminal, sequence)
) STRICT;

-- The queue: open requests by due date (overdue ones come first by themselves).
CREATE INDEX requests_queue ON requests (is_open, due_date, id);
CREATE INDEX requests_status_due ON requests (status, due_date, id);
CREATE INDEX requests_national_code ON requests (national_code) WHERE national_code IS NOT NULL;
CREATE INDEX requests_legal_id ON requests (legal_id) WHERE legal_id IS NOT NULL;
CREATE INDEX requests_mobile ON requests (mobile) WHERE mobile IS NOT NULL;
CREATE INDEX requests_service ON requests (service_id, due_date);
CREATE INDEX requests_created_day ON requests (created_day);

-- The append-only log of every change to a request: the audit trail and the future sync stream.
CREATE TABLE request_events (
  id          INTEGER PRIMARY KEY,
  request_id  INTEGER NOT NULL REFERENCES requests (id),
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  from_status TEXT,
  to_status   TEXT NOT NULL,
  note        TEXT,
  due_date    TEXT              -- set when the change moved the due date
) STRICT;
CREATE INDEX request_events_request ON request_events (request_id, id);

CREATE TRIGGER request_events_no_update BEFORE UPDATE ON request_events
BEGIN
  SELECT RAISE(ABORT, 'request_events is append-only');
END;
CREATE TRIGGER request_events_no_delete BEFORE DELETE ON request_events
BEGIN
  SELECT RAISE(ABORT, 'request_events is append-only');
END;

-- The last sequence number this terminal gave; with the terminal's number it makes the tracking code.
CREATE TABLE tracking_sequence (
  terminal INTEGER PRIMARY KEY,
  last     INTEGER NOT NULL
) STRICT;

-- Print jobs: a receipt's is written with its request in one transaction, so that a receipt
-- is never lost; a job is retried with back-off and, when it gives up, stays 'failed' in
-- sight of the staff until someone prints it again.
CREATE TABLE print_jobs (
  id              INTEGER PRIMARY KEY,
  request_id      INTEGER REFERENCES requests (id),
  kind            TEXT NOT NULL CHECK (kind IN ('receipt', 'test')),
  copy            INTEGER NOT NULL DEFAULT 0 CHECK (copy IN (0, 1)),
  status          TEXT NOT NULL CHECK (status IN ('queued', 'printing', 'done', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  last_error      TEXT,
  printer_status  TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  CHECK ((kind = 'receipt') = (request_id IS NOT NULL))
) STRICT;
CREATE INDEX print_jobs_pending ON print_jobs (status, id) WHERE status IN ('queued', 'printing');
