-- The hourly purge of failed sign-ins no window counts any more (LoginService.purgeOldFailures)
-- deletes by time alone. IF NOT EXISTS: a large PostgreSQL installation may build it beforehand
-- with CREATE INDEX CONCURRENTLY (see README).
CREATE INDEX IF NOT EXISTS lgn_failure_failed_at_idx ON lgn_failure (failed_at);
