package org.govtrust.sso.config;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.govtrust.shared.web.ProblemWriter;
import org.govtrust.sso.SsoError;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a refused authorization request shows. When the app and its redirect address are
 * known, the app hears the OAuth2 error at that address, as RFC 6749 asks. When they are not
 * (an unknown {@code client_id}, an unregistered {@code redirect_uri}, a request too broken to
 * answer), nothing may be sent to the address given, and the person sees GovTrust's error page
 * with its own catalogue text and what to do, instead of a bare "request not recognised".
 */
final class AuthorizationErrorResponses implements AuthenticationFailureHandler {

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		OAuth2Error error = (exception instanceof OAuth2AuthenticationException oauth) ? oauth.getError()
				: new OAuth2Error("invalid_request");
		OAuth2AuthorizationCodeRequestAuthenticationToken authorization = (exception instanceof OAuth2AuthorizationCodeRequestAuthenticationException refused)
				? refused.getAuthorizationCodeRequestAuthentication() : null;
		if (authorization == null || !StringUtils.hasText(authorization.getRedirectUri())) {
			request.setAttribute(ProblemWriter.ERROR_CODE_ATTRIBUTE, personFacing(error));
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return;
		}
		// values as URI variables: encoded strictly ('+' in a state included), the registered
		// address left as it was registered
		Map<String, String> values = new LinkedHashMap<>();
		values.put(OAuth2ParameterNames.ERROR, error.getErrorCode());
		if (StringUtils.hasText(error.getDescription())) {
			values.put(OAuth2ParameterNames.ERROR_DESCRIPTION, error.getDescription());
		}
		if (StringUtils.hasText(error.getUri())) {
			values.put(OAuth2ParameterNames.ERROR_URI, error.getUri());
		}
		if (StringUtils.hasText(authorization.getState())) {
			values.put(OAuth2ParameterNames.STATE, authorization.getState());
		}
		UriComponentsBuilder redirect = UriComponentsBuilder.fromUriString(authorization.getRedirectUri());
		values.keySet().forEach((name) -> redirect.queryParam(name, "{" + name + "}"));
		response.sendRedirect(redirect.build(values).toString());
	}

	/** Which parameter made the request unanswerable, as the authorization server names it. */
	static SsoError personFacing(OAuth2Error error) {
		String description = error.getDescription() == null ? "" : error.getDescription();
		if (description.contains(OAuth2ParameterNames.CLIENT_ID)) {
			return SsoError.AUTHORIZE_UNKNOWN_APP;
		}
		if (description.contains(OAuth2ParameterNames.REDIRECT_URI)) {
			return SsoError.AUTHORIZE_REDIRECT_URI;
		}
		return SsoError.AUTHORIZE_MALFORMED;
	}

}
