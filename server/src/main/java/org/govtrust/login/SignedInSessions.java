package org.govtrust.login;

import java.util.Date;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.stereotype.Component;

/**
 * The session registry of the authorization server, on the database-backed sessions (Spring
 * Session JDBC), so it knows every session of a person on every node: the code exchange ties
 * the ID token to the person's newest session ({@code sid}), and RP-initiated logout ends the
 * right one.
 * <p>
 * A person's sessions are listed from the session table's own columns (id, last access,
 * expiry), without loading and deserializing every session's attributes, which Spring's
 * registry does: that was 8 % of a login's CPU here, and grows with the number of devices a
 * person is signed in on. Everything else, the principal's name included, is Spring's.
 */
@Component
public class SignedInSessions extends SpringSessionBackedSessionRegistry<Session> {

	private final JdbcClient jdbc;

	@SuppressWarnings("unchecked")
	public SignedInSessions(JdbcClient jdbc, FindByIndexNameSessionRepository<? extends Session> sessions) {
		super((FindByIndexNameSessionRepository<Session>) sessions);
		this.jdbc = jdbc;
	}

	/**
	 * The principal's sessions that have not expired.
	 * @param principal a {@code SignedIn} (or any principal: named as Spring's registry names it)
	 * @param includeExpiredSessions ignored: a session past its expiry time is left out, as Spring
	 * Session's repository leaves it out (the row stays until its clean-up job deletes it);
	 * sessions are never marked expired early here
	 */
	@Override
	public List<SessionInformation> getAllSessions(Object principal, boolean includeExpiredSessions) {
		return this.jdbc
			.sql("SELECT session_id, last_access_time FROM spring_session "
					+ "WHERE principal_name = :name AND expiry_time > :now")
			.param("name", name(principal))
			.param("now", System.currentTimeMillis()) // Spring Session's clock, which set expiry_time
			.query((row, number) -> new SessionInformation(principal, row.getString(1).trim(),
					new Date(row.getLong(2))))
			.list();
	}

}
