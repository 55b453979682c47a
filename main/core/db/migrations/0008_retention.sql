-- The retention purge's candidates: closed requests whose personal data is still there, by
-- when they closed. Purged rows leave the index, so the daily run finds its few in one probe.
CREATE INDEX requests_retention ON requests (closed_at) WHERE purged_at IS NULL AND closed_at IS NOT NULL;
