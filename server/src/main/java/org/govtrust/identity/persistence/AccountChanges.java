package org.govtrust.identity.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.govtrust.identity.AccountDetails;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The history of an account's changes (masked values only): the old name stays on record
 * after a name change, and so on.
 */
@Repository
public class AccountChanges {

	private final JdbcClient jdbc;

	public AccountChanges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(UUID accountId, String kind, @Nullable String oldValue, @Nullable String newValue,
			@Nullable String reason, String actor, Instant at) {
		this.jdbc.sql("""
				INSERT INTO idn_account_change (account_id, kind, old_value, new_value, reason, actor, changed_at)
				VALUES (:account, :kind, :old, :new, :reason, :actor, :at)""")
			.param("account", accountId)
			.param("kind", kind)
			.param("old", oldValue)
			.param("new", newValue)
			.param("reason", reason)
			.param("actor", actor)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.update();
	}

	public List<AccountDetails.Change> history(UUID accountId) {
		return this.jdbc.sql("""
				SELECT kind, old_value, new_value, actor, changed_at FROM idn_account_change
				WHERE account_id = :account ORDER BY id DESC""")
			.param("account", accountId)
			.query((rs, row) -> new AccountDetails.Change(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant()))
			.list();
	}

	/** Moves the history of a merged duplicate to the surviving account. */
	public void moveHistory(UUID from, UUID to) {
		this.jdbc.sql("UPDATE idn_account_change SET account_id = :to WHERE account_id = :from")
			.param("from", from)
			.param("to", to)
			.update();
	}

}
