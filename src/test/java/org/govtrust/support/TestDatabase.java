package org.govtrust.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Empties the tables between tests, so each test starts from a fresh platform on H2 and on
 * PostgreSQL alike.
 */
public final class TestDatabase {

	private TestDatabase() {
	}

	public static void reset(JdbcClient jdbc) {
		for (String table : new String[] { "idn_verification_attempt", "idn_registration", "idn_account", "sms_code",
				"sms_send", "sms_throttle_lock", "sms_sim_outbox", "aud_entry" }) {
			jdbc.sql("DELETE FROM " + table).update();
		}
		jdbc.sql("UPDATE aud_chain_head SET last_seq = 0, last_hash = :genesis WHERE id = 1")
			.param("genesis", "0".repeat(64))
			.update();
	}

}
