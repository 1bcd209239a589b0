package org.govtrust.shared.chain;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.govtrust.shared.security.Sha256;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.Assert;

/**
 * An append-only, hash-chained table: each entry's hash is SHA-256 over the previous
 * entry's hash and the entry's own fields, so editing, deleting, reordering or truncating
 * any entry is detected by {@link #verify()}. Appends are serialised by a row lock on the
 * head row, so the chain stays linear with any number of nodes; call {@link #append} inside
 * the transaction of the change it records.
 * <p>
 * The entry table has the columns {@code seq, occurred_at, event_type, subject, details,
 * prev_hash, entry_hash}; the head table {@code id, last_seq, last_hash} with one row, id 1.
 */
public final class HashChain {

	/** The hash before the first entry. */
	public static final String GENESIS = "0".repeat(64);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String entries;

	private final String head;

	public HashChain(JdbcClient jdbc, Clock clock, String entryTable, String headTable) {
		Assert.isTrue(entryTable.matches("[a-z_]+") && headTable.matches("[a-z_]+"), "table names must be plain");
		this.jdbc = jdbc;
		this.clock = clock;
		this.entries = entryTable;
		this.head = headTable;
	}

	/**
	 * Appends an entry.
	 * @param type what happened
	 * @param subject the id of what it happened to
	 * @param details further facts as {@code key=value; ...}
	 * @return the new entry
	 */
	public ChainEntry append(String type, String subject, String details) {
		Head last = this.jdbc.sql("SELECT last_seq, last_hash FROM " + this.head + " WHERE id = 1 FOR UPDATE")
			.query((rs, row) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
		long seq = last.seq() + 1;
		Instant at = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		String hash = hash(last.hash(), seq, at, type, subject, details);
		this.jdbc.sql("INSERT INTO " + this.entries + " (seq, occurred_at, event_type, subject, details, prev_hash, "
				+ "entry_hash) VALUES (:seq, :at, :type, :subject, :details, :prev, :hash)")
			.param("seq", seq)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("type", type)
			.param("subject", subject)
			.param("details", details)
			.param("prev", last.hash())
			.param("hash", hash)
			.update();
		this.jdbc.sql("UPDATE " + this.head + " SET last_seq = :seq, last_hash = :hash WHERE id = 1")
			.param("seq", seq)
			.param("hash", hash)
			.update();
		return new ChainEntry(seq, at, type, subject, details);
	}

	/**
	 * Recomputes the whole chain, up to the head as it was when the check began: entries
	 * appended while it runs (it can take seconds on a long trail, while sign-ins append) are
	 * not missing entries, and are left to the next check.
	 * @return whether it is intact, and where it breaks if not
	 */
	public ChainVerification verify() {
		Head last = this.jdbc.sql("SELECT last_seq, last_hash FROM " + this.head + " WHERE id = 1")
			.query((rs, row) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
		String previous = GENESIS;
		long expectedSeq = 1;
		final int page = 1000;
		while (true) {
			List<Stored> batch = this.jdbc
				.sql("SELECT seq, occurred_at, event_type, subject, details, prev_hash, entry_hash FROM " + this.entries
						+ " WHERE seq >= :from AND seq <= :last ORDER BY seq LIMIT :limit")
				.param("from", expectedSeq)
				.param("last", last.seq())
				.param("limit", page)
				.query((rs, row) -> new Stored(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
						rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
				.list();
			for (Stored entry : batch) {
				long checked = expectedSeq - 1;
				if (entry.seq() != expectedSeq) {
					return ChainVerification.broken(checked, expectedSeq, "missing entry");
				}
				if (!entry.prevHash().equals(previous)) {
					return ChainVerification.broken(checked, entry.seq(), "link to the previous entry broken");
				}
				if (!hash(previous, entry.seq(), entry.at(), entry.type(), entry.subject(), entry.details())
					.equals(entry.hash())) {
					return ChainVerification.broken(checked, entry.seq(), "entry altered");
				}
				previous = entry.hash();
				expectedSeq++;
			}
			if (batch.size() < page) {
				break;
			}
		}
		long checked = expectedSeq - 1;
		if (checked != last.seq() || !previous.equals(last.hash())) {
			return ChainVerification.broken(checked, checked + 1, "entries missing at the end of the chain");
		}
		return ChainVerification.intact(checked, previous);
	}

	/**
	 * One entry.
	 * @param seq its number
	 * @return the entry, if there is one by that number
	 */
	public Optional<ChainEntry> get(long seq) {
		return search(null, null, null, null, seq + 1, 1).stream().filter((entry) -> entry.seq() == seq).findFirst();
	}

	/**
	 * Entries, newest first, optionally filtered.
	 * @param type only this event type, or null
	 * @param subject only this subject, or null
	 * @param from only entries at or after, or null
	 * @param to only entries before, or null
	 * @param limit at most this many
	 * @return the entries
	 */
	public List<ChainEntry> search(@Nullable String type, @Nullable String subject, @Nullable Instant from,
			@Nullable Instant to, int limit) {
		return search(type, subject, from, to, Long.MAX_VALUE, limit);
	}

	/**
	 * Every entry that matches, newest first, read a page at a time so that any number of
	 * entries can be passed on (e.g. written to an export) without holding them all. Entries
	 * appended meanwhile come after the head as it was when this began, and are left out.
	 * Each page is a query of its own, so a caller outside a transaction holds no connection
	 * while the action runs.
	 * @param type only this event type, or null
	 * @param subject only this subject, or null
	 * @param from only entries at or after, or null
	 * @param to only entries before, or null
	 * @param action what to do with each entry
	 */
	public void forEach(@Nullable String type, @Nullable String subject, @Nullable Instant from,
			@Nullable Instant to, Consumer<ChainEntry> action) {
		long below = this.jdbc.sql("SELECT last_seq FROM " + this.head + " WHERE id = 1")
			.query(Long.class)
			.single() + 1;
		final int page = 1000;
		while (true) {
			List<ChainEntry> batch = search(type, subject, from, to, below, page);
			batch.forEach(action);
			if (batch.size() < page) {
				return;
			}
			below = batch.get(batch.size() - 1).seq();
		}
	}

	private List<ChainEntry> search(@Nullable String type, @Nullable String subject, @Nullable Instant from,
			@Nullable Instant to, long belowSeq, int limit) {
		StringBuilder sql = new StringBuilder("SELECT seq, occurred_at, event_type, subject, details FROM "
				+ this.entries + " WHERE seq < :below");
		if (type != null) {
			sql.append(" AND event_type = :type");
		}
		if (subject != null) {
			sql.append(" AND subject = :subject");
		}
		if (from != null) {
			sql.append(" AND occurred_at >= :from");
		}
		if (to != null) {
			sql.append(" AND occurred_at < :to");
		}
		sql.append(" ORDER BY seq DESC LIMIT :limit");
		JdbcClient.StatementSpec spec = this.jdbc.sql(sql.toString()).param("below", belowSeq).param("limit", limit);
		if (type != null) {
			spec = spec.param("type", type);
		}
		if (subject != null) {
			spec = spec.param("subject", subject);
		}
		if (from != null) {
			spec = spec.param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
		}
		if (to != null) {
			spec = spec.param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
		}
		return spec.query((rs, row) -> new ChainEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
				rs.getString(3), rs.getString(4), rs.getString(5)))
			.list();
	}

	static String hash(String previous, long seq, Instant at, String type, String subject, @Nullable String details) {
		return Sha256.hex(previous + "\n" + seq + "\n" + at + "\n" + type + "\n" + subject + "\n"
				+ (details == null ? "" : details));
	}

	private record Head(long seq, String hash) {

	}

	private record Stored(long seq, Instant at, String type, String subject, @Nullable String details,
			String prevHash, String hash) {

	}

}
