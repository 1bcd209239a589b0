package org.govtrust.identity.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.govtrust.shared.security.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The request ids of clerks' forms (as {@link #key keys} of clerk, person and id), each with
 * the ledger entry it made, so that a form sent twice records one act. Kept a day.
 */
@Repository
public class CounterRequests {

	private final JdbcClient jdbc;

	public CounterRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The key a form's request id is kept under: the same id from another clerk, or for
	 * another person, is another request.
	 * @param clerkId the clerk who sent the form
	 * @param idNumberHash the person's ID number lookup hash
	 * @param requestId the id the form carries
	 * @return 64 hex digits
	 */
	public static String key(UUID clerkId, String idNumberHash, String requestId) {
		return Sha256.hex(clerkId + "\n" + idNumberHash + "\n" + requestId);
	}

	/**
	 * Claims a request key for the caller's transaction. A claim made by a transaction still
	 * running waits for it (PostgreSQL), so a claim refused names a request already done.
	 * @return whether this call claimed it (false: sent before)
	 */
	public boolean claim(String request, Instant now) {
		return this.jdbc.sql("INSERT INTO idn_counter_request (request_id, created_at) VALUES (:id, :at) "
				+ "ON CONFLICT DO NOTHING")
			.param("id", request)
			.param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update() == 1;
	}

	/** Names the ledger entry a claimed request made, in the claim's transaction. */
	public void done(String request, long seq) {
		this.jdbc.sql("UPDATE idn_counter_request SET seq = :seq WHERE request_id = :id")
			.param("seq", seq)
			.param("id", request)
			.update();
	}

	/** The ledger entry a request made, if it is done. */
	public Optional<Long> entryOf(String request) {
		return this.jdbc.sql("SELECT seq FROM idn_counter_request WHERE request_id = :id AND seq IS NOT NULL")
			.param("id", request)
			.query(Long.class)
			.optional();
	}

	/** Forgets requests made before a time. */
	public int purgeBefore(Instant before) {
		return this.jdbc.sql("DELETE FROM idn_counter_request WHERE created_at < :before")
			.param("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
			.update();
	}

}
