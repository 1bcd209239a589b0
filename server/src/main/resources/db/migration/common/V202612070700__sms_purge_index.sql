-- The hourly purge of SMS send records deletes by sent_at: without an index it read the whole
-- table. (A large PostgreSQL installation can build it beforehand with CREATE INDEX
-- CONCURRENTLY under this name, as for lgn_failure_failed_at_idx.)
CREATE INDEX IF NOT EXISTS sms_send_sent_at_idx ON sms_send (sent_at);
