-- bench/ca.sh: adds :n revoked certificates (numbers :from .. :from + :n - 1) straight into
-- the register, because a million revocations through the RA API would take hours. Each row
-- copies the columns a CRL does not read (enterprise, holder, issuer, the DER, so rows are as
-- wide as real ones) from one certificate the bench issued, and gets its own 16-octet serial
-- (first nibble 1-7, as Pki.newSerial makes them) and key hash. The certificates were issued
-- within the last ten months and are still within validity, so they belong on the CRL; each
-- was revoked within a day of issue, long before the current delta base, so the delta CRL
-- stays small as it would after the scheduled re-basing.
INSERT INTO ca_certificate (serial, enterprise_id, usage, key_storage, key_type, public_key_sha256, holder_name,
		not_before, not_after, status, status_at, revocation_reason, superseded_by, issued_at, issued_by, der, version)
SELECT substr('1234567', (1 + g % 7)::int, 1) || substr(md5('govtrust-bench-serial-' || g), 1, 31),
		t.enterprise_id, t.usage, t.key_storage, t.key_type,
		md5('govtrust-bench-key-a-' || g) || md5('govtrust-bench-key-b-' || g),
		t.holder_name,
		t.not_before - (2 + g % 300) * interval '1 day',
		t.not_after - (2 + g % 300) * interval '1 day',
		'REVOKED',
		t.issued_at - (2 + g % 300) * interval '1 day' + (g % 86400) * interval '1 second',
		(ARRAY[1, 3, 5])[1 + g % 3],
		NULL,
		t.issued_at - (2 + g % 300) * interval '1 day',
		t.issued_by, t.der, 1
FROM generate_series(:from::bigint, :from::bigint + :n::bigint - 1) AS g,
	(SELECT * FROM ca_certificate WHERE serial = :'template') AS t;
