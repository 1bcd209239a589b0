package org.govtrust.sso.config;

import jakarta.servlet.http.HttpSession;

import org.govtrust.login.SessionIds;
import org.govtrust.sso.BackChannelLogout;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ties an authorization to the browser session it was granted in: when the authorization
 * endpoint saves a new code, or a request waiting for the person's consent, the hash of that
 * request's session id is kept with it ({@link BackChannelLogout#SID_ATTRIBUTE}); the ID
 * tokens issued on it carry it as {@code sid}, and when that session (not another of the
 * person's) ends, the authorization is revoked and, with an ID token, its app told over the
 * back channel. A request the person never consented to goes with its session too.
 * <p>
 * On its own the authorization server picks the {@code sid} at the code exchange, from the
 * person's most recently used session: a person signed in on two browsers could get the
 * other browser's. Here the session is the one the code was granted in, and the code
 * exchange does not list the person's sessions at all ({@link NoSessionListing}).
 */
final class SessionBoundAuthorizationService implements OAuth2AuthorizationService {

	private final OAuth2AuthorizationService delegate;

	SessionBoundAuthorizationService(OAuth2AuthorizationService delegate) {
		this.delegate = delegate;
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		this.delegate.save(bound(authorization));
	}

	private static OAuth2Authorization bound(OAuth2Authorization authorization) {
		if (authorization.getAttribute(BackChannelLogout.SID_ATTRIBUTE) != null
				|| (authorization.getToken(OAuth2AuthorizationCode.class) == null
						&& authorization.getAttribute(OAuth2ParameterNames.STATE) == null)
				|| authorization.getToken(OidcIdToken.class) != null
				|| !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
			return authorization;
		}
		HttpSession session = request.getRequest().getSession(false);
		if (session == null) {
			return authorization; // an app's back-end call: no browser session
		}
		return OAuth2Authorization.from(authorization)
			.attribute(BackChannelLogout.SID_ATTRIBUTE, SessionIds.sid(session.getId()))
			.build();
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		this.delegate.remove(authorization);
	}

	@Override
	public @Nullable OAuth2Authorization findById(String id) {
		return this.delegate.findById(id);
	}

	@Override
	public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
		return this.delegate.findByToken(token, tokenType);
	}

}
