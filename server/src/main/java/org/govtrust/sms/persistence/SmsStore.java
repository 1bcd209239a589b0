package org.govtrust.sms.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for sends, codes and the per-key locks that make the limits exact across nodes.
 */
@Repository
public class SmsStore {

	private final JdbcClient jdbc;

	public SmsStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Takes a row lock per key until the transaction ends, so concurrent sends for one phone
	 * or address on any node are counted one after another. Keys are locked in sorted order
	 * to rule out deadlocks.
	 * @param keys the keys
	 */
	public void lock(List<String> keys) {
		for (String key : keys.stream().sorted().toList()) {
			// the row can be purged between the two statements (no send of that key left): then again
			boolean locked = false;
			for (int attempt = 0; attempt < 3 && !locked; attempt++) {
				this.jdbc.sql("INSERT INTO sms_throttle_lock (lock_key) VALUES (:key) ON CONFLICT DO NOTHING")
					.param("key", key)
					.update();
				locked = this.jdbc.sql("SELECT lock_key FROM sms_throttle_lock WHERE lock_key = :key FOR UPDATE")
					.param("key", key)
					.query(String.class)
					.optional()
					.isPresent();
			}
			if (!locked) { // never sends unlocked: the limits would not count it
				throw new IllegalStateException("The SMS limit lock could not be taken three times in a row");
			}
		}
	}

	/**
	 * Forgets the lock rows of phones and addresses that have no send on record any more:
	 * each holds a keyed hash of one, and none is needed until its next send creates it again.
	 * @return rows removed
	 */
	public int purgeIdleLocks() {
		return this.jdbc.sql("""
				DELETE FROM sms_throttle_lock
				WHERE (lock_key LIKE 'p:%' AND NOT EXISTS (SELECT 1 FROM sms_send
					WHERE sms_send.phone_hash = SUBSTRING(sms_throttle_lock.lock_key FROM 3)))
				OR (lock_key LIKE 'a:%' AND NOT EXISTS (SELECT 1 FROM sms_send
					WHERE sms_send.address_hash = SUBSTRING(sms_throttle_lock.lock_key FROM 3)))""").update();
	}

	public List<Instant> sendsByPhone(String phoneHash, Instant since) {
		return this.jdbc.sql("SELECT sent_at FROM sms_send WHERE phone_hash = :phone AND sent_at > :since")
			.param("phone", phoneHash)
			.param("since", utc(since))
			.query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant())
			.list();
	}

	public List<Instant> sendsByAddress(String addressHash, Instant since) {
		return this.jdbc.sql("SELECT sent_at FROM sms_send WHERE address_hash = :address AND sent_at > :since")
			.param("address", addressHash)
			.param("since", utc(since))
			.query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant())
			.list();
	}

	public void recordSend(String phoneHash, String addressHash, String purpose, Instant at) {
		this.jdbc
			.sql("INSERT INTO sms_send (phone_hash, address_hash, purpose, sent_at) VALUES (:phone, :address, :purpose, :at)")
			.param("phone", phoneHash)
			.param("address", addressHash)
			.param("purpose", purpose)
			.param("at", utc(at))
			.update();
	}

	/**
	 * Replaces the pending code for (phone, purpose): a new code voids the previous one.
	 */
	public void replaceCode(String phoneHash, String purpose, String scope, String codeHash, Instant expiresAt) {
		this.jdbc.sql("DELETE FROM sms_code WHERE phone_hash = :phone AND purpose = :purpose")
			.param("phone", phoneHash)
			.param("purpose", purpose)
			.update();
		this.jdbc.sql("""
				INSERT INTO sms_code (phone_hash, purpose, scope, code_hash, expires_at, failed_attempts)
				VALUES (:phone, :purpose, :scope, :hash, :expires, 0)""")
			.param("phone", phoneHash)
			.param("purpose", purpose)
			.param("scope", scope)
			.param("hash", codeHash)
			.param("expires", utc(expiresAt))
			.update();
	}

	public Optional<PendingCode> pendingCodeForUpdate(String phoneHash, String purpose) {
		return this.jdbc.sql("""
				SELECT scope, code_hash, expires_at, failed_attempts FROM sms_code
				WHERE phone_hash = :phone AND purpose = :purpose FOR UPDATE""")
			.param("phone", phoneHash)
			.param("purpose", purpose)
			.query((rs, row) -> new PendingCode(rs.getString(1), rs.getString(2),
					rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getInt(4)))
			.optional();
	}

	public void recordFailedAttempt(String phoneHash, String purpose) {
		this.jdbc.sql("""
				UPDATE sms_code SET failed_attempts = failed_attempts + 1
				WHERE phone_hash = :phone AND purpose = :purpose""")
			.param("phone", phoneHash)
			.param("purpose", purpose)
			.update();
	}

	public void deleteCode(String phoneHash, String purpose) {
		this.jdbc.sql("DELETE FROM sms_code WHERE phone_hash = :phone AND purpose = :purpose")
			.param("phone", phoneHash)
			.param("purpose", purpose)
			.update();
	}

	/**
	 * Removes send records older than needed by any window.
	 * @param before the cut-off
	 * @return rows removed
	 */
	public int purgeSendsBefore(Instant before) {
		return this.jdbc.sql("DELETE FROM sms_send WHERE sent_at < :before").param("before", utc(before)).update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/**
	 * A pending code row.
	 *
	 * @param scope the flow the code is bound to
	 * @param codeHash the keyed hash of the code
	 * @param expiresAt expiry
	 * @param failedAttempts wrong entries so far
	 */
	public record PendingCode(String scope, String codeHash, Instant expiresAt, int failedAttempts) {

	}

}
