package org.govtrust.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.govtrust.shared.chain.ChainEntry;
import org.govtrust.shared.chain.ChainVerification;
import org.govtrust.shared.chain.HashChain;
import org.govtrust.shared.time.DisplayTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counter ledger (窗口台账): every act of a counter clerk or operator on a person, in a
 * hash chain, so removing or editing an entry is detected. Supervisors search and export it
 * (CSV) and verify it at {@code /api/v1/staff/ledger/verification}.
 */
@Service
public class CounterLedger {

	private final HashChain chain;

	CounterLedger(JdbcClient jdbc, Clock clock) {
		this.chain = new HashChain(jdbc, clock, "idn_counter_ledger", "idn_counter_ledger_head");
	}

	/**
	 * Records an act, in the caller's transaction.
	 * @param act what was done, e.g. {@code IN_PERSON_VERIFICATION}
	 * @param subject the person ({@code account:<id>} or {@code person:<masked id>})
	 * @param details the facts as {@code key=value; ...}
	 * @return the entry
	 */
	@Transactional
	public ChainEntry record(String act, String subject, String details) {
		return this.chain.append(act, subject, details);
	}

	/**
	 * One entry.
	 * @param seq its number
	 * @return the entry, if there is one
	 */
	public Optional<ChainEntry> get(long seq) {
		return this.chain.get(seq);
	}

	/** The most entries a search answers with (the export has them all). */
	public static final int SEARCH_LIMIT = 500;

	/**
	 * Searches the ledger, newest first, for a screen: the newest 500 matches at most. For
	 * all of them, see {@link #export}.
	 * @param act only this act, or null
	 * @param subject only this person, or null
	 * @param from from this instant, or null
	 * @param to before this instant, or null
	 * @return up to 500 entries, and whether more match
	 */
	@Transactional(readOnly = true)
	public Found search(@Nullable String act, @Nullable String subject, @Nullable Instant from,
			@Nullable Instant to) {
		List<ChainEntry> entries = this.chain.search(act, subject, from, to, SEARCH_LIMIT + 1);
		return (entries.size() > SEARCH_LIMIT) ? new Found(entries.subList(0, SEARCH_LIMIT), true)
				: new Found(entries, false);
	}

	/**
	 * What a search found.
	 *
	 * @param entries the newest matches, at most {@link #SEARCH_LIMIT}
	 * @param more whether older ones match too
	 */
	public record Found(List<ChainEntry> entries, boolean more) {
	}

	/**
	 * Exports every matching entry as CSV (one header line), newest first, as it reads them:
	 * a page at a time, never all at once and never cut short. Runs outside a transaction so
	 * that a slow download holds no database connection.
	 * @param act only this act, or null
	 * @param from from this instant, or null
	 * @param to before this instant, or null
	 * @param out where the CSV goes
	 * @throws IOException when writing fails (e.g. the client went away)
	 */
	public void export(@Nullable String act, @Nullable Instant from, @Nullable Instant to, Writer out)
			throws IOException {
		out.write("seq,time,act,subject,details\n");
		try {
			this.chain.forEach(act, null, from, to, (entry) -> {
				try {
					out.write(entry.seq() + "," + DisplayTime.format(entry.occurredAt()) + "," + quote(entry.type())
							+ "," + quote(entry.subject()) + "," + quote(entry.details()) + "\n");
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	/**
	 * Verifies the whole ledger.
	 * @return whether it is intact
	 */
	@Transactional(readOnly = true)
	public ChainVerification verify() {
		return this.chain.verify();
	}

	private static String quote(String value) {
		String safe = value;
		// a cell starting with = + - @ would run as a formula in a spreadsheet
		if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0) {
			safe = "'" + safe;
		}
		return "\"" + safe.replace("\"", "\"\"") + "\"";
	}

}
