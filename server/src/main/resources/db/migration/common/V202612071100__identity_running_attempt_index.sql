-- The job that marks face checks interrupted (their server stopped before the authority
-- answered) looks for attempts still running, oldest first. (A large PostgreSQL installation
-- can build it beforehand with CREATE INDEX CONCURRENTLY under this name.)
CREATE INDEX IF NOT EXISTS idn_verification_attempt_outcome_idx ON idn_verification_attempt (outcome, attempted_at);
