-- The catalogue: agencies and the services they deliver at this desk. What lists and search
-- need is in columns; the rest of what the audit form asks to be published is one JSON
-- document per service (main/core/contract/catalogue.ts gives its shape).
CREATE TABLE agencies (
  id       INTEGER PRIMARY KEY,
  code     TEXT NOT NULL UNIQUE,
  title_fa TEXT NOT NULL,
  title_en TEXT NOT NULL,
  sample   INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1))
) STRICT;

CREATE TABLE services (
  id           INTEGER PRIMARY KEY,
  code         TEXT NOT NULL UNIQUE,
  agency_id    INTEGER NOT NULL REFERENCES agencies (id),
  title_fa     TEXT NOT NULL,
  title_en     TEXT NOT NULL,
  search_key   TEXT NOT NULL,
  type         TEXT NOT NULL CHECK (type IN ('G2C', 'G2B')),
  delivery     TEXT NOT NULL CHECK (delivery IN ('in_person', 'electronic', 'combined', 'agency_only')),
  working_days INTEGER NOT NULL CHECK (working_days >= 0),
  active       INTEGER NOT NULL CHECK (active IN (0, 1)),
  sample       INTEGER NOT NULL CHECK (sample IN (0, 1)),
  details      TEXT NOT NULL CHECK (json_valid(details)),
  updated_at   TEXT NOT NULL,
  updated_by   TEXT NOT NULL
) STRICT;

CREATE INDEX services_agency ON services (agency_id);
