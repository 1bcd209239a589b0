package org.govtrust.ca.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.govtrust.shared.security.Sha256;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for certificates, their history, the published CRLs and login challenges.
 */
@Repository
public class CertificateStore {

	private static final String COLUMNS = "serial, enterprise_id, usage, key_storage, key_type, public_key_sha256, "
			+ "holder_name, not_before, not_after, status, status_at, revocation_reason, superseded_by, issued_at, "
			+ "issued_by, der, version";

	private final JdbcClient jdbc;

	public CertificateStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(CertificateRow row) {
		this.jdbc.sql("INSERT INTO ca_certificate (" + COLUMNS + ") VALUES (:serial, :enterprise, :usage, :storage, "
				+ ":keyType, :keyHash, :holder, :notBefore, :notAfter, :status, NULL, NULL, NULL, :issuedAt, "
				+ ":issuedBy, :der, 0)")
			.param("serial", row.serial())
			.param("enterprise", row.enterpriseId())
			.param("usage", row.usage())
			.param("storage", row.keyStorage())
			.param("keyType", row.keyType())
			.param("keyHash", row.publicKeySha256())
			.param("holder", row.holderName())
			.param("notBefore", EnterpriseStore.utc(row.notBefore()))
			.param("notAfter", EnterpriseStore.utc(row.notAfter()))
			.param("status", row.status())
			.param("issuedAt", EnterpriseStore.utc(row.issuedAt()))
			.param("issuedBy", row.issuedBy())
			.param("der", row.der())
			.update();
	}

	/**
	 * Changes a certificate's status, only from the status the caller saw.
	 * @param serial the serial
	 * @param from the expected current status
	 * @param to the new status
	 * @param at when
	 * @param reason the CRLReason code, or null
	 * @param supersededBy the replacing certificate, or null
	 * @return whether it changed
	 */
	public boolean changeStatus(String serial, String from, String to, Instant at, @Nullable Integer reason,
			@Nullable String supersededBy) {
		return this.jdbc.sql("UPDATE ca_certificate SET status = :to, status_at = :at, revocation_reason = :reason, "
				+ "superseded_by = :by, version = version + 1 WHERE serial = :serial AND status = :from")
			.param("to", to)
			.param("at", EnterpriseStore.utc(at))
			.param("reason", reason)
			.param("by", supersededBy)
			.param("serial", serial)
			.param("from", from)
			.update() == 1;
	}

	public Optional<CertificateRow> find(String serial) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM ca_certificate WHERE serial = :serial")
			.param("serial", serial)
			.query(CertificateStore::map)
			.optional();
	}

	public boolean keyCertified(String publicKeySha256) {
		return this.jdbc.sql("SELECT COUNT(*) FROM ca_certificate WHERE public_key_sha256 = :hash")
			.param("hash", publicKeySha256)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Keeps the KMC's escrow copy of an encryption key.
	 * @param serial the encryption certificate
	 * @param signingSerial the signing certificate it is paired with
	 * @param privateKeyEncrypted the PKCS#8 key, encrypted with the platform's data key
	 * @param at when
	 */
	public void escrow(String serial, String signingSerial, String privateKeyEncrypted, Instant at) {
		this.jdbc.sql("INSERT INTO ca_escrowed_key (serial, signing_serial, private_key, escrowed_at) "
				+ "VALUES (:serial, :signing, :key, :at)")
			.param("serial", serial)
			.param("signing", signingSerial)
			.param("key", privateKeyEncrypted)
			.param("at", EnterpriseStore.utc(at))
			.update();
	}

	/**
	 * The escrowed encryption key paired with a signing certificate.
	 * @param signingSerial the signing certificate
	 * @return the encryption certificate's serial and its encrypted key
	 */
	public Optional<EscrowedKey> escrowedFor(String signingSerial) {
		return this.jdbc.sql("SELECT serial, private_key FROM ca_escrowed_key WHERE signing_serial = :serial")
			.param("serial", signingSerial)
			.query((rs, n) -> new EscrowedKey(rs.getString("serial"), rs.getString("private_key")))
			.optional();
	}

	/**
	 * The encryption certificate paired with a signing certificate (its serial only: the
	 * escrowed key is not read).
	 * @param signingSerial the signing certificate
	 * @return the encryption certificate's serial
	 */
	public Optional<String> encryptionSerialOf(String signingSerial) {
		return this.jdbc.sql("SELECT serial FROM ca_escrowed_key WHERE signing_serial = :serial")
			.param("serial", signingSerial)
			.query(String.class)
			.optional();
	}

	/**
	 * The signing certificate an encryption certificate is paired with.
	 * @param encryptionSerial the encryption certificate
	 * @return the signing certificate's serial
	 */
	public Optional<String> signingSerialOf(String encryptionSerial) {
		return this.jdbc.sql("SELECT signing_serial FROM ca_escrowed_key WHERE serial = :serial")
			.param("serial", encryptionSerial)
			.query(String.class)
			.optional();
	}

	public List<CertificateRow> findByEnterprise(UUID enterpriseId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM ca_certificate WHERE enterprise_id = :id ORDER BY issued_at DESC")
			.param("id", enterpriseId)
			.query(CertificateStore::map)
			.list();
	}

	/**
	 * Streams what a CRL lists: every certificate not valid, with status time and reason.
	 * @param changedSince only those changed after this time (a delta CRL), or null for all
	 * @param entry receives each entry
	 */
	public void revocations(@Nullable Instant changedSince, Consumer<Revocation> entry) {
		String sql = "SELECT serial, status, status_at, revocation_reason FROM ca_certificate WHERE "
				+ (changedSince == null ? "status <> 'VALID'" : "status_at >= :since");
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql);
		if (changedSince != null) {
			statement = statement.param("since", EnterpriseStore.utc(changedSince));
		}
		statement.query((ResultSet rs) -> {
			entry.accept(new Revocation(rs.getString(1), rs.getString(2),
					rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getInt(4)));
		});
	}

	public void recordEvent(String serial, UUID enterpriseId, String act, String detail, String actor, Instant at) {
		this.jdbc.sql("INSERT INTO ca_certificate_event (serial, enterprise_id, act, detail, actor, at) "
				+ "VALUES (:serial, :enterprise, :act, :detail, :actor, :at)")
			.param("serial", serial)
			.param("enterprise", enterpriseId)
			.param("act", act)
			.param("detail", detail)
			.param("actor", actor)
			.param("at", EnterpriseStore.utc(at))
			.update();
	}

	public List<EventRow> events(UUID enterpriseId) {
		return this.jdbc.sql("SELECT serial, act, detail, actor, at FROM ca_certificate_event WHERE enterprise_id = :id "
				+ "ORDER BY at DESC, id DESC")
			.param("id", enterpriseId)
			.query((rs, n) -> new EventRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, OffsetDateTime.class).toInstant()))
			.list();
	}

	// --- CRLs

	/**
	 * Locks the issuer's CRL sequence until the transaction ends (one publisher at a time on
	 * any node), creating it at zero.
	 * @param issuer the CA
	 * @param now the time, used as the first delta base
	 * @return the sequence
	 */
	public CrlSequence lockSequence(String issuer, Instant now) {
		this.jdbc.sql("INSERT INTO ca_crl_sequence (issuer, last_number, base_number, base_at) "
				+ "VALUES (:issuer, 0, 0, :now) ON CONFLICT DO NOTHING")
			.param("issuer", issuer)
			.param("now", EnterpriseStore.utc(now))
			.update();
		return this.jdbc.sql("SELECT last_number, base_number, base_at FROM ca_crl_sequence WHERE issuer = :issuer FOR UPDATE")
			.param("issuer", issuer)
			.query((rs, n) -> new CrlSequence(rs.getLong(1), rs.getLong(2),
					rs.getObject(3, OffsetDateTime.class).toInstant()))
			.single();
	}

	public void updateSequence(String issuer, long lastNumber, long baseNumber, Instant baseAt) {
		this.jdbc.sql("UPDATE ca_crl_sequence SET last_number = :last, base_number = :base, base_at = :at "
				+ "WHERE issuer = :issuer")
			.param("last", lastNumber)
			.param("base", baseNumber)
			.param("at", EnterpriseStore.utc(baseAt))
			.param("issuer", issuer)
			.update();
	}

	public void saveCrl(String issuer, String kind, long number, Instant thisUpdate, Instant nextUpdate, byte[] der) {
		String digest = Sha256.hex(der);
		int updated = this.jdbc.sql("UPDATE ca_crl SET number = :number, this_update = :this, next_update = :next, "
				+ "der = :der, digest = :digest WHERE issuer = :issuer AND kind = :kind")
			.param("number", number)
			.param("this", EnterpriseStore.utc(thisUpdate))
			.param("next", EnterpriseStore.utc(nextUpdate))
			.param("der", der)
			.param("digest", digest)
			.param("issuer", issuer)
			.param("kind", kind)
			.update();
		if (updated == 0) {
			this.jdbc.sql("INSERT INTO ca_crl (issuer, kind, number, this_update, next_update, der, digest) "
					+ "VALUES (:issuer, :kind, :number, :this, :next, :der, :digest)")
				.param("issuer", issuer)
				.param("kind", kind)
				.param("number", number)
				.param("this", EnterpriseStore.utc(thisUpdate))
				.param("next", EnterpriseStore.utc(nextUpdate))
				.param("der", der)
				.param("digest", digest)
				.update();
		}
	}

	/**
	 * The current CRL of a kind, without its content.
	 * @param issuer the CA
	 * @param kind {@code FULL} or {@code DELTA}
	 * @return number, validity and digest (the content is empty), or empty when none
	 */
	public Optional<PublishedCrl> crlVersion(String issuer, String kind) {
		return crl(issuer, kind, false);
	}

	public Optional<PublishedCrl> crl(String issuer, String kind) {
		return crl(issuer, kind, true);
	}

	private Optional<PublishedCrl> crl(String issuer, String kind, boolean content) {
		return this.jdbc
			.sql("SELECT number, this_update, next_update, digest" + (content ? ", der" : "")
					+ " FROM ca_crl WHERE issuer = :issuer AND kind = :kind")
			.param("issuer", issuer)
			.param("kind", kind)
			.query((rs, n) -> new PublishedCrl(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
					rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4),
					content ? rs.getBytes(5) : new byte[0]))
			.optional();
	}

	// --- login challenges

	public void saveChallenge(UUID id, String text, Instant expiresAt) {
		this.jdbc.sql("INSERT INTO ca_login_challenge (id, text, expires_at, used) VALUES (:id, :text, :expires, false)")
			.param("id", id)
			.param("text", text)
			.param("expires", EnterpriseStore.utc(expiresAt))
			.update();
	}

	/**
	 * Takes a challenge for use: marks it used, once.
	 * @param id the challenge
	 * @return its text and expiry, or empty when unknown; {@code used} tells whether it had
	 * been used before
	 */
	public Optional<ChallengeRow> takeChallenge(UUID id) {
		Optional<ChallengeRow> row = this.jdbc
			.sql("SELECT text, expires_at, used FROM ca_login_challenge WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query((rs, n) -> new ChallengeRow(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
					rs.getBoolean(3)))
			.optional();
		row.ifPresent((r) -> this.jdbc.sql("UPDATE ca_login_challenge SET used = true WHERE id = :id")
			.param("id", id)
			.update());
		return row;
	}

	public int deleteChallengesBefore(Instant before) {
		return this.jdbc.sql("DELETE FROM ca_login_challenge WHERE expires_at < :before")
			.param("before", EnterpriseStore.utc(before))
			.update();
	}

	private static CertificateRow map(ResultSet rs, int row) throws SQLException {
		OffsetDateTime statusAt = rs.getObject("status_at", OffsetDateTime.class);
		Object reasonCode = rs.getObject("revocation_reason");
		Integer reason = (reasonCode == null) ? null : ((Number) reasonCode).intValue();
		return new CertificateRow(rs.getString("serial"), rs.getObject("enterprise_id", UUID.class),
				rs.getString("usage"), rs.getString("key_storage"), rs.getString("key_type"),
				rs.getString("public_key_sha256"), rs.getString("holder_name"),
				rs.getObject("not_before", OffsetDateTime.class).toInstant(),
				rs.getObject("not_after", OffsetDateTime.class).toInstant(), rs.getString("status"),
				statusAt == null ? null : statusAt.toInstant(), reason,
				rs.getString("superseded_by"), rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
				rs.getString("issued_by"), rs.getBytes("der"), rs.getLong("version"));
	}

	/**
	 * A certificate row.
	 *
	 * @param serial lowercase hex
	 * @param enterpriseId the enterprise
	 * @param usage {@code SIGNING} or {@code ENCRYPTION}
	 * @param keyStorage {@code HARDWARE} or {@code SOFTWARE}
	 * @param keyType e.g. {@code EC-P256}
	 * @param publicKeySha256 hex
	 * @param holderName encrypted
	 * @param notBefore validity start
	 * @param notAfter validity end
	 * @param status {@code VALID}, {@code SUSPENDED}, {@code REVOKED}
	 * @param statusAt when the status last changed (null if never)
	 * @param revocationReason CRLReason code
	 * @param supersededBy the replacing certificate
	 * @param issuedAt when issued
	 * @param issuedBy who
	 * @param der the certificate
	 * @param version optimistic lock
	 */
	public record CertificateRow(String serial, UUID enterpriseId, String usage, String keyStorage, String keyType,
			String publicKeySha256, String holderName, Instant notBefore, Instant notAfter, String status,
			@Nullable Instant statusAt, @Nullable Integer revocationReason, @Nullable String supersededBy,
			Instant issuedAt, String issuedBy, byte[] der, long version) {

	}

	/**
	 * An escrowed encryption key.
	 *
	 * @param serial the encryption certificate
	 * @param privateKeyEncrypted its PKCS#8 private key, encrypted with the platform's data key
	 */
	public record EscrowedKey(String serial, String privateKeyEncrypted) {

	}

	/**
	 * A CRL entry source.
	 *
	 * @param serial hex
	 * @param status the status
	 * @param at when it changed
	 * @param reason the reason code
	 */
	public record Revocation(String serial, String status, Instant at, int reason) {

	}

	/**
	 * One act in a certificate's history.
	 *
	 * @param serial the certificate
	 * @param act the act
	 * @param detail what
	 * @param actor who
	 * @param at when
	 */
	public record EventRow(String serial, String act, String detail, String actor, Instant at) {

	}

	/**
	 * The CRL numbering of an issuer.
	 *
	 * @param lastNumber the last number used (complete and delta CRLs share it)
	 * @param baseNumber the complete CRL that deltas are relative to
	 * @param baseAt that CRL's thisUpdate
	 */
	public record CrlSequence(long lastNumber, long baseNumber, Instant baseAt) {

	}

	/**
	 * A published CRL.
	 *
	 * @param number its number
	 * @param thisUpdate issued
	 * @param nextUpdate next due
	 * @param digest the SHA-256 of the DER, in hex (null for a CRL signed before it was kept)
	 * @param der the CRL
	 */
	public record PublishedCrl(long number, Instant thisUpdate, Instant nextUpdate, @Nullable String digest,
			byte[] der) {

	}

	/**
	 * A login challenge.
	 *
	 * @param text what is to be signed
	 * @param expiresAt until when
	 * @param used whether it was already used
	 */
	public record ChallengeRow(String text, Instant expiresAt, boolean used) {

	}

}
