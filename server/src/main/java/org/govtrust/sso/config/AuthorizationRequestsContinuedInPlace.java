package org.govtrust.sso.config;

import org.govtrust.login.ContinuedInPlace;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.stereotype.Component;

/**
 * A sign-in that an authorization request led to answers that request in its own response:
 * the form's POST is answered with the authorization endpoint's redirect to the app (its code,
 * or its error), or with the step-up or consent page it leads to, as the request's GET would
 * have been after a redirect. Keycloak's sign-in does the same; the browser makes one round trip
 * fewer.
 */
@Component
class AuthorizationRequestsContinuedInPlace implements ContinuedInPlace {

	private final String authorizationEndpoint;

	AuthorizationRequestsContinuedInPlace(AuthorizationServerSettings settings) {
		this.authorizationEndpoint = settings.getAuthorizationEndpoint();
	}

	@Override
	public boolean continuesInPlace(String path) {
		return this.authorizationEndpoint.equals(path);
	}

}
