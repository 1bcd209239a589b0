package org.govtrust.sso.config;

import java.util.List;

import jakarta.servlet.http.HttpSession;

import org.govtrust.login.SessionIds;
import org.govtrust.login.SessionService;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * RP-initiated logout with an ID token issued before its person signed in again in the same
 * browser (a step-up). The session got a new id then, and the authorization server, which
 * checks the token's {@code sid} against the current session's, refuses such a token: the app
 * would show the person an error instead of signing them out. Here a token whose {@code sid}
 * is one of the ids this very session had ({@link SessionService#EARLIER_IDS}) is accepted
 * like a token of the current id; the authorization server still checks everything else (the
 * token is one it issued, to that app, for that person). Any other refusal stands.
 */
final class EarlierSessionLogout implements AuthenticationProvider {

	private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

	private final AuthenticationProvider delegate;

	private final OAuth2AuthorizationService authorizations;

	EarlierSessionLogout(AuthenticationProvider delegate, OAuth2AuthorizationService authorizations) {
		this.delegate = delegate;
		this.authorizations = authorizations;
	}

	@Override
	public @Nullable Authentication authenticate(Authentication authentication) throws AuthenticationException {
		try {
			return this.delegate.authenticate(authentication);
		}
		catch (OAuth2AuthenticationException ex) {
			OidcLogoutAuthenticationToken request = (OidcLogoutAuthenticationToken) authentication;
			if (!refusedForSid(ex) || request.getSessionId() == null
					|| !earlierSids().contains(sid(request.getIdTokenHint()))) {
				throw ex;
			}
			// checked again without the session, then answered for the session it came with
			OidcLogoutAuthenticationToken checked = (OidcLogoutAuthenticationToken) this.delegate
				.authenticate(new OidcLogoutAuthenticationToken(request.getIdTokenHint(),
						(Authentication) request.getPrincipal(), null, request.getClientId(),
						request.getPostLogoutRedirectUri(), request.getState()));
			return new OidcLogoutAuthenticationToken(checked.getIdToken(), (Authentication) checked.getPrincipal(),
					request.getSessionId(), checked.getClientId(), checked.getPostLogoutRedirectUri(),
					checked.getState());
		}
	}

	private static boolean refusedForSid(OAuth2AuthenticationException ex) {
		String description = ex.getError().getDescription();
		return OAuth2ErrorCodes.INVALID_TOKEN.equals(ex.getError().getErrorCode()) && description != null
				&& description.endsWith(": sid");
	}

	/** The sid of an ID token this server issued, as stored with its authorization. */
	private @Nullable String sid(@Nullable String idTokenHint) {
		OAuth2Authorization authorization = (idTokenHint == null) ? null
				: this.authorizations.findByToken(idTokenHint, ID_TOKEN);
		OAuth2Authorization.Token<OidcIdToken> idToken = (authorization != null)
				? authorization.getToken(OidcIdToken.class) : null;
		return (idToken != null) ? idToken.getToken().getClaimAsString("sid") : null;
	}

	private static List<String> earlierSids() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
			return List.of();
		}
		HttpSession session = request.getRequest().getSession(false);
		return (session == null) ? List.of()
				: SessionService.earlier(session.getAttribute(SessionService.EARLIER_IDS))
					.stream()
					.map(SessionIds::sid)
					.toList();
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.delegate.supports(authentication);
	}

}
