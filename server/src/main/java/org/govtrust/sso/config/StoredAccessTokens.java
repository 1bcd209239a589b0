package org.govtrust.sso.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationToken;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Access tokens presented to GovTrust's own endpoints (userinfo) are checked against the
 * authorization that issued them, found by the token ({@link TokenIndexedAuthorizationService}),
 * not by their signature.
 * <p>
 * The signature proves only that GovTrust signed the token; the stored authorization also
 * proves that it has not been revoked or replaced, and the userinfo answer needs that row
 * anyway. Spring's default does both, the signature check (a third of userinfo's CPU) and then
 * the lookup; here the lookup alone decides, once, and the userinfo answer is made from the row
 * it found ({@link UserInfo}). A token is accepted only if its exact value is the
 * authorization's current access token and is active (not expired, not invalidated).
 */
final class StoredAccessTokens implements AuthenticationProvider {

	private final OAuth2AuthorizationService authorizations;

	StoredAccessTokens(OAuth2AuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String value = ((BearerTokenAuthenticationToken) authentication).getToken();
		OAuth2Authorization authorization = this.authorizations.findByToken(value, OAuth2TokenType.ACCESS_TOKEN);
		OAuth2Authorization.Token<OAuth2AccessToken> access = (authorization != null)
				? authorization.getAccessToken() : null;
		if (authorization == null || access == null || !access.isActive()) {
			throw new InvalidBearerTokenException("The access token is unknown, expired or revoked");
		}
		OAuth2AccessToken token = access.getToken();
		Map<String, Object> claims = access.getClaims();
		Jwt jwt = Jwt.withTokenValue(value)
			.header("alg", "RS256")
			.claims((all) -> {
				if (claims != null) {
					all.putAll(claims);
				}
				all.putIfAbsent("sub", authorization.getPrincipalName());
			})
			.issuedAt(token.getIssuedAt())
			.expiresAt(token.getExpiresAt())
			.build();
		// as Spring's JwtAuthenticationConverter: the scopes, and the bearer factor
		List<GrantedAuthority> authorities = new ArrayList<>();
		token.getScopes().forEach((scope) -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
		authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.BEARER_AUTHORITY));
		StoredAccessToken authenticated = new StoredAccessToken(jwt, authorities, authorization);
		authenticated.setDetails(authentication.getDetails());
		return authenticated;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** An access token found in its authorization, which travels with it for this request only. */
	static final class StoredAccessToken extends JwtAuthenticationToken {

		private static final long serialVersionUID = 1L;

		private final transient OAuth2Authorization authorization;

		StoredAccessToken(Jwt jwt, Collection<? extends GrantedAuthority> authorities,
				OAuth2Authorization authorization) {
			super(jwt, authorities);
			this.authorization = authorization;
		}

		OAuth2Authorization authorization() {
			return this.authorization;
		}

	}

	/**
	 * The userinfo answer, from the authorization the access token was found in (no second
	 * lookup): the claims of the ID token the app received, which were filtered by scope when
	 * the ID token was made. The access token must carry the {@code openid} scope, as in Spring's
	 * own userinfo provider, which this one replaces.
	 */
	static final class UserInfo implements AuthenticationProvider {

		@Override
		public Authentication authenticate(Authentication authentication) {
			OidcUserInfoAuthenticationToken request = (OidcUserInfoAuthenticationToken) authentication;
			if (!(request.getPrincipal() instanceof StoredAccessToken token) || !token.isAuthenticated()) {
				throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN);
			}
			OAuth2Authorization authorization = token.authorization();
			OAuth2Authorization.@Nullable Token<OAuth2AccessToken> access = authorization.getAccessToken();
			if (access == null || !access.getToken().getScopes().contains(OidcScopes.OPENID)) {
				throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INSUFFICIENT_SCOPE);
			}
			OAuth2Authorization.@Nullable Token<OidcIdToken> idToken = authorization.getToken(OidcIdToken.class);
			if (idToken == null) {
				throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN);
			}
			return new OidcUserInfoAuthenticationToken(token, new OidcUserInfo(idToken.getToken().getClaims()));
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return OidcUserInfoAuthenticationToken.class.isAssignableFrom(authentication);
		}

	}

}
