package org.govtrust.login.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.govtrust.login.LoginRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sign-ins and failed attempts per account, for the owner's account page.
 */
@Repository
public class LoginHistory {

	private final JdbcClient jdbc;

	public LoginHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(UUID principalId, String method, boolean succeeded, String addressMasked, String userAgent,
			Instant at) {
		this.jdbc.sql("""
				INSERT INTO lgn_event (principal_id, method, succeeded, address_masked, user_agent, occurred_at)
				VALUES (:principal, :method, :ok, :address, :agent, :at)""")
			.param("principal", principalId)
			.param("method", method)
			.param("ok", succeeded)
			.param("address", addressMasked)
			.param("agent", userAgent.length() > 200 ? userAgent.substring(0, 200) : userAgent)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.update();
	}

	/**
	 * Forgets the sign-ins and failed attempts before an instant, a batch a statement.
	 * @param before the instant
	 * @param batch the most rows one statement deletes
	 * @return how many were deleted
	 */
	public int purgeBefore(Instant before, int batch) {
		OffsetDateTime cutoff = OffsetDateTime.ofInstant(before, ZoneOffset.UTC);
		int deleted = 0;
		int last;
		do {
			last = this.jdbc.sql("""
					DELETE FROM lgn_event WHERE id IN (
						SELECT id FROM lgn_event WHERE occurred_at < :before ORDER BY occurred_at LIMIT :batch)""")
				.param("before", cutoff)
				.param("batch", batch)
				.update();
			deleted += last;
		}
		while (last == batch);
		return deleted;
	}

	public List<LoginRecord> recent(UUID principalId, int limit) {
		return this.jdbc.sql("""
				SELECT method, succeeded, address_masked, user_agent, occurred_at FROM lgn_event
				WHERE principal_id = :principal ORDER BY id DESC LIMIT :limit""")
			.param("principal", principalId)
			.param("limit", limit)
			.query((rs, row) -> new LoginRecord(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, OffsetDateTime.class).toInstant()))
			.list();
	}

}
