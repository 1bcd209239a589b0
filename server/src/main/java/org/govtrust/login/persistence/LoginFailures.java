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
	 * The failures of a key and factor since a time, and the attempts still running.
	 * @param keyHash the key
	 * @param factor the factor
	 * @param since the start of the window for failures (exclusive)
	 * @param runningSince the oldest attempt still counted as running (one left pending by a
	 * node that stopped mid-attempt is not counted after that)
	 * @param except the attempt asking, not counted
	 * @return failures and running attempts
	 */
	public List<Attempt> since(String keyHash, String factor, Instant since, Instant runningSince, long except) {
		return this.jdbc.sql("""
				SELECT failed_at, pending FROM lgn_failure
				WHERE key_hash = :key AND factor = :factor AND id <> :except
				AND failed_at > CASE WHEN pending THEN :runningSince ELSE :since END""")
			.param("key", keyHash)
			.param("factor", factor)
			.param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
			.param("runningSince", OffsetDateTime.ofInstant(runningSince, ZoneOffset.UTC))
			.param("except", except)
			.query((rs, row) -> new Attempt(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getBoolean(2)))
			.list();
	}

	/**
	 * Records an attempt whose outcome is not known yet: it counts as running until
	 * {@link #failed(long)} or {@link #forget(long)}.
	 * @param keyHash the key
	 * @param factor the factor
	 * @param at when
	 * @return the attempt's id
	 */
	public long running(String keyHash, String factor, Instant at) {
		KeyHolder id = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO lgn_failure (key_hash, factor, failed_at, pending) VALUES (:key, :factor, :at, TRUE)""")
			.param("key", keyHash)
			.param("factor", factor)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.update(id, "id");
		return id.getKeyAs(Number.class).longValue();
	}

	/**
	 * A running attempt failed: it counts as a failure from now on.
	 * @param id the attempt's id
	 */
	public void failed(long id) {
		this.jdbc.sql("UPDATE lgn_failure SET pending = FALSE WHERE id = :id").param("id", id).update();
	}

	/**
	 * Forgets one attempt: it succeeded, or it was paused before it ran.
	 * @param id the attempt's id
	 */
	public void forget(long id) {
		this.jdbc.sql("DELETE FROM lgn_failure WHERE id = :id").param("id", id).update();
	}

	/**
	 * A failure, or an attempt still running.
	 *
	 * @param at when it was made
	 * @param running whether its outcome is not known yet
	 */
	public record Attempt(Instant at, boolean running) {
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

	/**
	 * Forgets the failures of a key (a success clears the count); attempts still running stay.
	 * @param keyHash the key
	 * @param factor the factor
	 */
	public void clear(String keyHash, String factor) {
		this.jdbc.sql("DELETE FROM lgn_failure WHERE key_hash = :key AND factor = :factor AND pending = FALSE")
			.param("key", keyHash)
			.param("factor", factor)
			.update();
	}

}
