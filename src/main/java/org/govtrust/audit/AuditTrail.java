package org.govtrust.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends entries to the audit chain and verifies it.
 * <p>
 * Each entry's hash is SHA-256 over the previous entry's hash and the entry's own fields,
 * so editing, deleting or reordering any entry breaks every hash after it. Appends are
 * serialised by a row lock on the chain head, so the chain stays linear with any number of
 * nodes. Entries are written in the transaction of the change they record: no change
 * without its entry, no entry without its change. Details never carry personal data.
 */
@Service
public class AuditTrail {

	static final String GENESIS = "0".repeat(64);

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditTrail(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Appends an entry.
	 * @param type the event type, e.g. {@code identity.PersonRegistered}
	 * @param subject the id of what changed (account id, registration id), never personal data
	 * @param details further non-personal facts, as {@code key=value; ...}
	 * @return the sequence number
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public long append(String type, String subject, String details) {
		Head head = this.jdbc.sql("SELECT last_seq, last_hash FROM aud_chain_head WHERE id = 1 FOR UPDATE")
			.query((rs, row) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
		long seq = head.seq() + 1;
		Instant at = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		String hash = hash(head.hash(), seq, at, type, subject, details);
		this.jdbc.sql("""
				INSERT INTO aud_entry (seq, occurred_at, event_type, subject, details, prev_hash, entry_hash)
				VALUES (:seq, :at, :type, :subject, :details, :prev, :hash)""")
			.param("seq", seq)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("type", type)
			.param("subject", subject)
			.param("details", details)
			.param("prev", head.hash())
			.param("hash", hash)
			.update();
		this.jdbc.sql("UPDATE aud_chain_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
			.param("seq", seq)
			.param("hash", hash)
			.update();
		return seq;
	}

	/**
	 * Recomputes the whole chain.
	 * @return whether it is intact, and where it breaks if not
	 */
	@Transactional(readOnly = true)
	public AuditVerification verify() {
		Head head = this.jdbc.sql("SELECT last_seq, last_hash FROM aud_chain_head WHERE id = 1")
			.query((rs, row) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
		String previous = GENESIS;
		long expectedSeq = 1;
		long checked = 0;
		final int page = 1000;
		while (true) {
			List<Entry> entries = this.jdbc.sql("""
					SELECT seq, occurred_at, event_type, subject, details, prev_hash, entry_hash FROM aud_entry
					WHERE seq >= :from ORDER BY seq LIMIT :limit""")
				.param("from", expectedSeq)
				.param("limit", page)
				.query((rs, row) -> new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
						rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
				.list();
			for (Entry entry : entries) {
				if (entry.seq() != expectedSeq) {
					return AuditVerification.broken(checked, expectedSeq, "missing entry");
				}
				if (!entry.prevHash().equals(previous)) {
					return AuditVerification.broken(checked, entry.seq(), "link to the previous entry broken");
				}
				String recomputed = hash(previous, entry.seq(), entry.at(), entry.type(), entry.subject(),
						entry.details());
				if (!recomputed.equals(entry.hash())) {
					return AuditVerification.broken(checked, entry.seq(), "entry altered");
				}
				previous = entry.hash();
				expectedSeq++;
				checked++;
			}
			if (entries.size() < page) {
				break;
			}
		}
		if (checked != head.seq() || !previous.equals(head.hash())) {
			return AuditVerification.broken(checked, checked + 1, "entries missing at the end of the chain");
		}
		return AuditVerification.intact(checked, previous);
	}

	/**
	 * The newest entries, for auditors and tests.
	 * @param limit how many
	 * @return newest first
	 */
	@Transactional(readOnly = true)
	public List<AuditEntry> latest(int limit) {
		return this.jdbc.sql("""
				SELECT seq, occurred_at, event_type, subject, details FROM aud_entry ORDER BY seq DESC LIMIT :limit""")
			.param("limit", limit)
			.query((rs, row) -> new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
					rs.getString(3), rs.getString(4), rs.getString(5)))
			.list();
	}

	static String hash(String previous, long seq, Instant at, String type, String subject, @Nullable String details) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			String canonical = previous + "\n" + seq + "\n" + at + "\n" + type + "\n" + subject + "\n"
					+ (details == null ? "" : details);
			return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Head(long seq, String hash) {

	}

	private record Entry(long seq, Instant at, String type, String subject, @Nullable String details, String prevHash,
			String hash) {

	}

}
