package org.govtrust.login;

import java.security.Principal;
import java.util.Date;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
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
 * person is signed in on. Everything else is Spring's {@link SpringSessionBackedSessionRegistry}.
 */
@Component
public class SignedInSessions implements SessionRegistry {

	private final JdbcClient jdbc;

	private final SpringSessionBackedSessionRegistry<? extends Session> spring;

	public SignedInSessions(JdbcClient jdbc, FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.jdbc = jdbc;
		this.spring = new SpringSessionBackedSessionRegistry<>(sessions);
	}

	/**
	 * The principal's sessions that have not expired.
	 * @param principal a {@code SignedIn} (or any principal: named as Spring's registry names it)
	 * @param includeExpiredSessions ignored: an expired session is deleted, not kept (sessions are
	 * never expired early here)
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

	@Override
	public List<Object> getAllPrincipals() {
		return this.spring.getAllPrincipals();
	}

	@Override
	public @Nullable SessionInformation getSessionInformation(String sessionId) {
		return this.spring.getSessionInformation(sessionId);
	}

	@Override
	public void refreshLastRequest(String sessionId) {
		this.spring.refreshLastRequest(sessionId);
	}

	@Override
	public void registerNewSession(String sessionId, Object principal) {
		this.spring.registerNewSession(sessionId, principal);
	}

	@Override
	public void removeSessionInformation(String sessionId) {
		this.spring.removeSessionInformation(sessionId);
	}

	/** As Spring's registry (and {@code AbstractAuthenticationToken#getName}) names a principal. */
	private static String name(Object principal) {
		if (principal instanceof AuthenticatedPrincipal authenticated) {
			return authenticated.getName();
		}
		if (principal instanceof UserDetails user) {
			return user.getUsername();
		}
		if (principal instanceof Principal named) {
			return named.getName();
		}
		return principal.toString();
	}

}
