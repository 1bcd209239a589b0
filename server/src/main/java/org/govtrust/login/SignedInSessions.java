package org.govtrust.login;

import java.util.Date;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.stereotype.Component;

/**
 * The session registry of the authorization server, on the database-backed sessions (Spring
 * Session JDBC), so it knows every session of a person on every node: RP-initiated logout
 * finds and ends the right one. (The {@code sid} of an ID token names the session its code was
 * granted in, recorded with the authorization: see {@code sso.config.SessionBoundAuthorizationService}.)
 * <p>
 * A person's sessions, and one session by id, are read from the session table's own columns
 * (id, principal name, last access, expiry), without loading and deserializing the sessions'
 * attributes, which Spring's registry does (that listing was 8 % of a login's CPU when every
 * code exchange listed a person's sessions; none does now: {@code sso.config.NoSessionListing}).
 * A listing grows with the number of devices a person is signed in on. The authorization
 * endpoint asks for one session on every OpenID request, only to see that it exists. Sessions
 * are never marked expired early here (GovTrust ends a session by deleting it):
 * {@code expireNow()} on what these methods return changes only that object, where Spring's
 * would mark the stored session. Everything else, the principal's name included, is Spring's.
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

	/**
	 * The session with this id, if it has not expired.
	 * @param sessionId a session id
	 * @return the session, its principal named as Spring Session indexes it ({@code ""} for a
	 * session nobody has signed in on), or {@code null}
	 */
	@Override
	public @Nullable SessionInformation getSessionInformation(String sessionId) {
		return this.jdbc
			.sql("SELECT principal_name, last_access_time FROM spring_session "
					+ "WHERE session_id = :id AND expiry_time > :now")
			.param("id", sessionId)
			.param("now", System.currentTimeMillis())
			.query((row, number) -> new SessionInformation(Objects.requireNonNullElse(row.getString(1), ""),
					sessionId, new Date(row.getLong(2))))
			.optional()
			.orElse(null);
	}

}
