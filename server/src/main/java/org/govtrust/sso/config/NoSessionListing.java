package org.govtrust.sso.config;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;

/**
 * The session registry the authorization server's code exchange is given: it lists no
 * sessions. On its own the code exchange lists all of the person's sessions (a query that
 * grows with the devices they are signed in on) to name the most recently used one in the ID
 * token's {@code sid}, and only when it finds one sets {@code auth_time}. GovTrust names the
 * session the code was granted in instead ({@link SessionBoundAuthorizationService}), so the
 * list was read only to be overwritten. The token customizer ({@code SsoConfiguration}) sets
 * {@code sid} from the authorization and {@code auth_time} from the signed-in principal, by
 * the server's own rule (its latest proven factor). The registry of sessions for everything
 * else (logout, the account page) is {@code login.SignedInSessions}.
 */
final class NoSessionListing implements SessionRegistry {

	@Override
	public List<Object> getAllPrincipals() {
		return List.of();
	}

	@Override
	public List<SessionInformation> getAllSessions(Object principal, boolean includeExpiredSessions) {
		return List.of();
	}

	@Override
	public @Nullable SessionInformation getSessionInformation(String sessionId) {
		return null;
	}

	@Override
	public void refreshLastRequest(String sessionId) {
	}

	@Override
	public void registerNewSession(String sessionId, Object principal) {
	}

	@Override
	public void removeSessionInformation(String sessionId) {
	}

}
