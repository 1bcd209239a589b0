package org.govtrust.login.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Failed attempts per key and factor, in the database so every node counts the same.
 */
@Repository
public class LoginFailures {

	private final JdbcClient jdbc;

	public LoginFailures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Instant> since(String keyHash, String factor, Instant since) {
		return this.jdbc.sql("""
				SELECT failed_at FROM lgn_failure WHERE key_hash = :key AND factor = :factor AND failed_at > :since""")
			.param("key", keyHash)
			.param("factor", factor)
			.param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
			.query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant())
			.list();
	}

	public void record(String keyHash, String factor, Instant at) {
		this.jdbc.sql("INSERT INTO lgn_failure (key_hash, factor, failed_at) VALUES (:key, :factor, :at)")
			.param("key", keyHash)
			.param("factor", factor)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.update();
	}

	/**
	 * Forgets failures older than any window counts.
	 * @param before the oldest that may still count
	 * @return rows removed
	 */
	public int purgeBefore(Instant before) {
		return this.jdbc.sql("DELETE FROM lgn_failure WHERE failed_at < :before")
			.param("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
			.update();
	}

	public void clear(String keyHash, String factor) {
		this.jdbc.sql("DELETE FROM lgn_failure WHERE key_hash = :key AND factor = :factor")
			.param("key", keyHash)
			.param("factor", factor)
			.update();
	}

}
