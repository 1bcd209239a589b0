package org.govtrust.sso.config;

import java.util.function.Consumer;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.util.StringUtils;

/**
 * Cancel on the consent page posts no scope, and the app must hear {@code access_denied}.
 * The authorization server treats a consent without scopes as denied only when the person
 * granted the app nothing before: with earlier grants it adds those and issues a code for
 * them. This customizer of the consent makes Cancel mean the same in both cases: the
 * request in flight is removed and the app is sent {@code access_denied}; what the person
 * granted earlier stays as it was. An answer with scopes passes unchanged.
 */
final class DeclinedConsent implements Consumer<OAuth2AuthorizationConsentAuthenticationContext> {

	private static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.2.1";

	private final OAuth2AuthorizationService authorizations;

	DeclinedConsent(OAuth2AuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	@Override
	public void accept(OAuth2AuthorizationConsentAuthenticationContext context) {
		OAuth2AuthorizationConsentAuthenticationToken answer = context.getAuthentication();
		if (!answer.getScopes().isEmpty()) {
			return;
		}
		this.authorizations.remove(context.getAuthorization());
		OAuth2AuthorizationRequest request = context.getAuthorizationRequest();
		RegisteredClient client = context.getRegisteredClient();
		String redirectUri = StringUtils.hasText(request.getRedirectUri()) ? request.getRedirectUri()
				: client.getRedirectUris().iterator().next();
		OAuth2AuthorizationCodeRequestAuthenticationToken declined = new OAuth2AuthorizationCodeRequestAuthenticationToken(
				request.getAuthorizationUri(), client.getClientId(),
				(Authentication) answer.getPrincipal(), redirectUri, request.getState(),
				request.getScopes(), request.getAdditionalParameters());
		throw new OAuth2AuthorizationCodeRequestAuthenticationException(
				new OAuth2Error(OAuth2ErrorCodes.ACCESS_DENIED, "The person declined the request.", ERROR_URI), declined);
	}

}
