package org.govtrust.login.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
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

	/**
	 * The failures of a key and factor since a time.
	 * @param keyHash the key
	 * @param factor the factor
	 * @param since the start of the window (exclusive)
	 * @param except a failure not to count (the attempt asking), or 0
	 * @return when they happened
	 */
	public List<Instant> since(String keyHash, String factor, Instant since, long except) {
		return this.jdbc.sql("""
				SELECT failed_at FROM lgn_failure
				WHERE key_hash = :key AND factor = :factor AND failed_at > :since AND id <> :except""")
			.param("key", keyHash)
			.param("factor", factor)
			.param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
			.param("except", except)
			.query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant())
			.list();
	}

	/**
	 * Records a failure.
	 * @param keyHash the key
	 * @param factor the factor
	 * @param at when
	 * @return the failure's id, for {@link #forget(long)}
	 */
	public long record(String keyHash, String factor, Instant at) {
		KeyHolder id = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO lgn_failure (key_hash, factor, failed_at) VALUES (:key, :factor, :at)")
			.param("key", keyHash)
			.param("factor", factor)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.update(id, "id");
		return id.getKeyAs(Number.class).longValue();
	}

	/**
	 * Forgets one failure: an attempt counted before its outcome was known, that did not fail.
	 * @param id the failure's id
	 */
	public void forget(long id) {
		this.jdbc.sql("DELETE FROM lgn_failure WHERE id = :id").param("id", id).update();
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
