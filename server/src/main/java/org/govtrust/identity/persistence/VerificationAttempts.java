package org.govtrust.identity.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The history of real-name verification attempts per person (by keyed ID hash): outcome
 * and method, never the authority's data or the image. Counter clerks read it to see why
 * online verification failed; the limit on failed attempts counts it.
 */
@Repository
public class VerificationAttempts {

	/** Outcomes that count as a failed attempt by the person (not the authority's fault). */
	public static final List<String> PERSON_FAILURES = List.of("ELEMENTS_MISMATCH", "FACE_MISMATCH",
			"LIVENESS_FAILED");

	private final JdbcClient jdbc;

	public VerificationAttempts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The outcome of an attempt the authority has not answered yet. */
	public static final String RUNNING = "RUNNING";

	/** The outcome of an attempt whose server stopped before the authority answered. */
	public static final String INTERRUPTED = "INTERRUPTED";

	/**
	 * Records an attempt before the authority is asked, so that attempts sent together see
	 * each other ({@link #finish} gives it its outcome).
	 * @return the attempt's id
	 */
	public long start(String idNumberHash, UUID registrationId, String method, Instant at) {
		return record(idNumberHash, registrationId, method, RUNNING, at);
	}

	/** Gives a started attempt its outcome. */
	public void finish(long id, String outcome) {
		this.jdbc.sql("UPDATE idn_verification_attempt SET outcome = :outcome WHERE id = :id")
			.param("outcome", outcome)
			.param("id", id)
			.update();
	}

	/** Forgets a started attempt that never reached the authority. */
	public void forget(long id) {
		this.jdbc.sql("DELETE FROM idn_verification_attempt WHERE id = :id").param("id", id).update();
	}

	/**
	 * Attempts still waiting for the authority that started before a time, oldest first.
	 * @param method the verification method
	 * @param before started before this
	 * @param limit at most this many
	 * @return the attempts
	 */
	public List<Running> runningBefore(String method, Instant before, int limit) {
		return this.jdbc.sql("""
				SELECT id, registration_id, attempted_at FROM idn_verification_attempt
				WHERE outcome = :running AND attempted_at < :before AND method = :method
				ORDER BY attempted_at LIMIT :limit""")
			.param("running", RUNNING)
			.param("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
			.param("method", method)
			.param("limit", limit)
			.query((rs, row) -> new Running(rs.getLong(1), rs.getObject(2, UUID.class),
					rs.getObject(3, OffsetDateTime.class).toInstant()))
			.list();
	}

	/**
	 * Marks an attempt as interrupted, if it is still waiting for the authority.
	 * @param id the attempt
	 * @return whether this call marked it (false when it has an outcome, or another node marked it)
	 */
	public boolean interrupt(long id) {
		return this.jdbc.sql("UPDATE idn_verification_attempt SET outcome = :interrupted WHERE id = :id AND outcome = :running")
			.param("interrupted", INTERRUPTED)
			.param("id", id)
			.param("running", RUNNING)
			.update() == 1;
	}

	/**
	 * An attempt waiting for the authority.
	 *
	 * @param id the attempt
	 * @param flow the registration or account it belongs to
	 * @param at when it started
	 */
	public record Running(long id, UUID flow, Instant at) {

	}

	/**
	 * How many of a person's attempts are waiting for the authority's answer.
	 * @param idNumberHash the person
	 * @param since the oldest still counted as waiting
	 * @param except the attempt asking
	 * @return the count
	 */
	public int runningSince(String idNumberHash, Instant since, long except) {
		return this.jdbc.sql("""
				SELECT count(*) FROM idn_verification_attempt
				WHERE id_number_hash = :hash AND attempted_at > :since AND outcome = :running AND id <> :except""")
			.param("hash", idNumberHash)
			.param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
			.param("running", RUNNING)
			.param("except", except)
			.query(Integer.class)
			.single();
	}

	/**
	 * Records an attempt with its outcome.
	 * @return the attempt's id
	 */
	public long record(String idNumberHash, UUID registrationId, String method, String outcome, Instant at) {
		KeyHolder id = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO idn_verification_attempt (id_number_hash, registration_id, method, outcome, attempted_at)
				VALUES (:hash, :registration, :method, :outcome, :at)""")
			.param("hash", idNumberHash)
			.param("registration", registrationId)
			.param("method", method)
			.param("outcome", outcome)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.update(id, "id");
		return id.getKeyAs(Number.class).longValue();
	}

	/**
	 * Failed face attempts since a time, oldest first.
	 */
	public List<Instant> personFailuresSince(String idNumberHash, Instant since) {
		return this.jdbc.sql("""
				SELECT attempted_at FROM idn_verification_attempt
				WHERE id_number_hash = :hash AND attempted_at > :since AND outcome IN (:outcomes)
				ORDER BY attempted_at""")
			.param("hash", idNumberHash)
			.param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
			.param("outcomes", PERSON_FAILURES)
			.query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant())
			.list();
	}

	/**
	 * An attempt in the history.
	 *
	 * @param method the method
	 * @param outcome the outcome
	 * @param at when
	 */
	public record Attempt(String method, String outcome, Instant at) {

	}

	public List<Attempt> history(String idNumberHash) {
		return this.jdbc.sql("""
				SELECT method, outcome, attempted_at FROM idn_verification_attempt
				WHERE id_number_hash = :hash ORDER BY attempted_at DESC""")
			.param("hash", idNumberHash)
			.query((rs, row) -> new Attempt(rs.getString(1), rs.getString(2),
					rs.getObject(3, OffsetDateTime.class).toInstant()))
			.list();
	}

}
