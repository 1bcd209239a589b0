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
		for (String table : new String[] { "idn_verification_attempt", "idn_registration", "idn_account",
				"idn_account_change", "idn_identity_proof", "idn_counter_ledger", "idn_counter_request", "sms_code", "sms_send",
				"sms_throttle_lock", "sms_sim_outbox", "aud_entry", "lgn_failure", "lgn_event",
				"spring_session_attributes", "spring_session", "ca_certificate_event", "ca_escrowed_key", "ca_certificate", "ca_enterprise",
				"ca_crl", "ca_crl_sequence", "ca_login_challenge" }) {
			jdbc.sql("DELETE FROM " + table).update();
		}
		// the bootstrap administrator stays; staff a test created go
		jdbc.sql("DELETE FROM idn_staff WHERE login_name <> 'admin'").update();
		for (String head : new String[] { "aud_chain_head", "idn_counter_ledger_head" }) {
			jdbc.sql("UPDATE " + head + " SET last_seq = 0, last_hash = :genesis WHERE id = 1")
				.param("genesis", "0".repeat(64))
				.update();
		}
	}

	/** {@link #reset}, and the authorization server's apps, authorizations and consents too. */
	public static void resetWithApps(JdbcClient jdbc) {
		reset(jdbc);
		for (String table : new String[] { "sso_token_index", "oauth2_authorization", "oauth2_authorization_consent",
				"oauth2_registered_client" }) {
			jdbc.sql("DELETE FROM " + table).update();
		}
	}

}
