-- The append-only, hash-chained audit trail. The single head row serialises appends.
CREATE TABLE aud_entry (
    seq bigint PRIMARY KEY,
    occurred_at timestamp with time zone NOT NULL,
    event_type varchar(100) NOT NULL,
    subject varchar(100) NOT NULL,
    details varchar(2000) NOT NULL,
    prev_hash varchar(64) NOT NULL,
    entry_hash varchar(64) NOT NULL
);

CREATE TABLE aud_chain_head (
    id integer PRIMARY KEY,
    last_seq bigint NOT NULL,
    last_hash varchar(64) NOT NULL
);
INSERT INTO aud_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
