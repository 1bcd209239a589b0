-- A registration started on the web pages can be continued only in the browser that started
-- it: the SHA-256 of a random key kept in that browser's cookie (null: started through the API).
ALTER TABLE idn_registration ADD COLUMN browser_key_hash varchar(64);
