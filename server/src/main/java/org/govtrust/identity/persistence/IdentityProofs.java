package org.govtrust.identity.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Short-lived proofs that a person passed a step out of band (at a counter, by face, with
 * the old phone), keyed by the keyed hash of the ID number and a kind.
 */
@Repository
public class IdentityProofs {

	/** A counter clerk verified the person's identity in person. */
	public static final String COUNTER_IDENTITY = "COUNTER_IDENTITY";

	/** The person re-proved their identity by face. */
	public static final String FACE = "FACE";

	/** The person proved they hold the phone on record. */
	public static final String OLD_PHONE = "OLD_PHONE";

	private final JdbcClient jdbc;

	public IdentityProofs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void put(String idNumberHash, String kind, String reference, Instant expiresAt) {
		this.jdbc.sql("DELETE FROM idn_identity_proof WHERE id_number_hash = :hash AND kind = :kind")
			.param("hash", idNumberHash)
			.param("kind", kind)
			.update();
		this.jdbc.sql("""
				INSERT INTO idn_identity_proof (id_number_hash, kind, reference, expires_at)
				VALUES (:hash, :kind, :reference, :expires)""")
			.param("hash", idNumberHash)
			.param("kind", kind)
			.param("reference", reference)
			.param("expires", OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC))
			.update();
	}

	/**
	 * A proof still valid.
	 * @return its reference
	 */
	public Optional<String> find(String idNumberHash, String kind, Instant now) {
		return this.jdbc.sql("""
				SELECT reference FROM idn_identity_proof
				WHERE id_number_hash = :hash AND kind = :kind AND expires_at > :now""")
			.param("hash", idNumberHash)
			.param("kind", kind)
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.query(String.class)
			.optional();
	}

	/**
	 * When a proof still valid expires.
	 */
	public Optional<Instant> expiresAt(String idNumberHash, String kind, Instant now) {
		return this.jdbc.sql("""
				SELECT expires_at FROM idn_identity_proof
				WHERE id_number_hash = :hash AND kind = :kind AND expires_at > :now""")
			.param("hash", idNumberHash)
			.param("kind", kind)
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant())
			.optional();
	}

	public void remove(String idNumberHash, String kind) {
		this.jdbc.sql("DELETE FROM idn_identity_proof WHERE id_number_hash = :hash AND kind = :kind")
			.param("hash", idNumberHash)
			.param("kind", kind)
			.update();
	}

}
