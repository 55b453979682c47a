-- Questionnaire definitions, each version kept as it was: an answer means what its version said.
CREATE TABLE questionnaires (
  id         TEXT NOT NULL,
  version    INTEGER NOT NULL,
  definition TEXT NOT NULL CHECK (json_valid(definition)),
  PRIMARY KEY (id, version)
) STRICT;

-- A response: which questionnaire, about which service, delivered by whom, where and when;
-- never who answered. It does not point at the request either: the request only notes that
-- it was surveyed (requests.surveyed_at), so that a request is answered once and an answer
-- cannot be traced back to a person.
CREATE TABLE survey_responses (
  id               INTEGER PRIMARY KEY,
  questionnaire_id TEXT NOT NULL,
  version          INTEGER NOT NULL,
  source           TEXT NOT NULL CHECK (source IN ('request', 'anonymous', 'import')),
  service_id       INTEGER REFERENCES services (id),
  clerk            TEXT,
  terminal         INTEGER,                -- NULL for answers imported from elsewhere
  answered_at      TEXT NOT NULL,
  day              TEXT NOT NULL,          -- Jalali YYYY/MM/DD, Tehran
  gender           TEXT CHECK (gender IN ('male', 'female')),
  age              INTEGER,
  education        TEXT CHECK (education IN ('below_diploma', 'diploma', 'associate', 'bachelor', 'master_plus')),
  job              TEXT CHECK (job IN ('government', 'self_employed', 'other')),
  visits           INTEGER,
  suggestion       TEXT,
  FOREIGN KEY (questionnaire_id, version) REFERENCES questionnaires (id, version)
) STRICT;
CREATE INDEX survey_responses_by_day ON survey_responses (questionnaire_id, day);

-- One row per item answered or passed: value for a scale, choice for a single choice,
-- both NULL for "no opinion".
CREATE TABLE survey_answers (
  response_id INTEGER NOT NULL REFERENCES survey_responses (id),
  item_id     TEXT NOT NULL,
  value       INTEGER,
  choice      TEXT,
  PRIMARY KEY (response_id, item_id)
) STRICT, WITHOUT ROWID;

ALTER TABLE requests ADD COLUMN surveyed_at TEXT;
