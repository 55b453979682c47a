-- A third kind of print job: the survey slip, a small slip with a delivered request's tracking
-- code that the counter prints when the citizen is handed to the survey on paper. SQLite cannot
-- change a CHECK in place: the table is made again with its rows, ids and index.
CREATE TABLE print_jobs_new (
  id              INTEGER PRIMARY KEY,
  request_id      INTEGER REFERENCES requests (id),
  kind            TEXT NOT NULL CHECK (kind IN ('receipt', 'survey_slip', 'test')),
  copy            INTEGER NOT NULL DEFAULT 0 CHECK (copy IN (0, 1)),
  status          TEXT NOT NULL CHECK (status IN ('queued', 'printing', 'done', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  last_error      TEXT,
  printer_status  TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  CHECK ((kind = 'test') = (request_id IS NULL))
) STRICT;
INSERT INTO print_jobs_new (id, request_id, kind, copy, status, attempts, next_attempt_at, last_error, printer_status,
                            created_at, updated_at)
  SELECT id, request_id, kind, copy, status, attempts, next_attempt_at, last_error, printer_status, created_at, updated_at
  FROM print_jobs;
DROP TABLE print_jobs;
ALTER TABLE print_jobs_new RENAME TO print_jobs;
CREATE INDEX print_jobs_pending ON print_jobs (status, id) WHERE status IN ('queued', 'printing');
