-- the SHA-256 of each published CRL: what a node's copy of the CRL is checked against, and the
-- CRL's entity tag (a CRL number alone can name two contents, e.g. after a database restore);
-- rows signed before this column existed have none until their next re-signing
ALTER TABLE ca_crl ADD COLUMN digest varchar(64);
