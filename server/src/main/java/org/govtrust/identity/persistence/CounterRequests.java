package org.govtrust.identity.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The request ids of clerks' forms, each with the ledger entry it made, so that a form sent
 * twice records one act. Kept a day.
 */
@Repository
public class CounterRequests {

	private final JdbcClient jdbc;

	public CounterRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims a request id for the caller's transaction. A claim made by a transaction still
	 * running waits for it (PostgreSQL), so a claim refused names a request already done.
	 * @return whether this call claimed it (false: sent before)
	 */
	public boolean claim(String requestId, Instant now) {
		return this.jdbc.sql("INSERT INTO idn_counter_request (request_id, created_at) VALUES (:id, :at) "
				+ "ON CONFLICT DO NOTHING")
			.param("id", requestId)
			.param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update() == 1;
	}

	/** Names the ledger entry a claimed request made, in the claim's transaction. */
	public void done(String requestId, long seq) {
		this.jdbc.sql("UPDATE idn_counter_request SET seq = :seq WHERE request_id = :id")
			.param("seq", seq)
			.param("id", requestId)
			.update();
	}

	/** The ledger entry a request made, if it is done. */
	public Optional<Long> entryOf(String requestId) {
		return this.jdbc.sql("SELECT seq FROM idn_counter_request WHERE request_id = :id AND seq IS NOT NULL")
			.param("id", requestId)
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
