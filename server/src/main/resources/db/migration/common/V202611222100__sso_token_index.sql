-- Authorizations are found by a token (introspection, userinfo, refresh, revocation, the
-- authorization code, the consent's state) through the SHA-256 of its value: one primary-key
-- lookup, where the token columns (text, unindexed) would need a scan of every authorization.
CREATE TABLE sso_token_index (
    token_hash char(64) NOT NULL,
    authorization_id varchar(100) NOT NULL,
    PRIMARY KEY (token_hash)
);
CREATE INDEX sso_token_index_authorization_idx ON sso_token_index (authorization_id);
