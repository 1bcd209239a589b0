-- A clerk's form sent twice (a double click, a retry after a lost answer) records one act: the
-- form carries a request id, kept here with the ledger entry it made, for a day.
CREATE TABLE idn_counter_request (
    request_id varchar(64) PRIMARY KEY,
    seq bigint,
    created_at timestamp with time zone NOT NULL
);
CREATE INDEX idn_counter_request_created_idx ON idn_counter_request (created_at);
