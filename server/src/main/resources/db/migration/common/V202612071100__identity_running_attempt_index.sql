-- The job that marks face checks interrupted (their server stopped before the authority
-- answered) looks for attempts still running, oldest first.
CREATE INDEX idn_verification_attempt_outcome_idx ON idn_verification_attempt (outcome, attempted_at);
