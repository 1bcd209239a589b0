-- The hourly purge of failed sign-ins no window counts any more (LoginService.purgeOldFailures)
-- deletes by time alone.
CREATE INDEX lgn_failure_failed_at_idx ON lgn_failure (failed_at);
