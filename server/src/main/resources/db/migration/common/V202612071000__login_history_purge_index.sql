-- The hourly purge of the login history (govtrust.login.history-retention) deletes by
-- occurred_at: without an index it would read every sign-in recorded. (A large PostgreSQL
-- installation can build it beforehand with CREATE INDEX CONCURRENTLY under this name, as for
-- lgn_failure_failed_at_idx.)
CREATE INDEX IF NOT EXISTS lgn_event_occurred_at_idx ON lgn_event (occurred_at);
