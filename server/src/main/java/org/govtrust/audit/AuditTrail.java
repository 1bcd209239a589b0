package org.govtrust.audit;

import java.time.Clock;
import java.util.List;

import org.govtrust.shared.chain.ChainEntry;
import org.govtrust.shared.chain.ChainVerification;
import org.govtrust.shared.chain.HashChain;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform's audit trail: an append-only {@link HashChain} in which every state change
 * that matters is written in the transaction of the change itself (no change without its
 * entry, no entry without its change). Details never carry personal data.
 */
@Service
public class AuditTrail {

	private final HashChain chain;

	AuditTrail(JdbcClient jdbc, Clock clock) {
		this.chain = new HashChain(jdbc, clock, "aud_entry", "aud_chain_head");
	}

	/**
	 * Appends an entry.
	 * @param type the event type, e.g. {@code identity.PersonRegistered}
	 * @param subject the id of what changed (account id, registration id), never personal data
	 * @param details further non-personal facts, as {@code key=value; ...}
	 * @return the sequence number
	 */
	@Transactional
	public long append(String type, String subject, String details) {
		return this.chain.append(type, subject, details).seq();
	}

	/**
	 * Recomputes the whole chain.
	 * @return whether it is intact, and where it breaks if not
	 */
	@Transactional(readOnly = true)
	public ChainVerification verify() {
		return this.chain.verify();
	}

	/**
	 * The newest entries.
	 * @param limit how many
	 * @return newest first
	 */
	@Transactional(readOnly = true)
	public List<ChainEntry> latest(int limit) {
		return this.chain.search(null, null, null, null, limit);
	}

}
