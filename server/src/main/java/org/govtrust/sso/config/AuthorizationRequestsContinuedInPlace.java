package org.govtrust.sso.config;

import org.govtrust.login.ContinuedInPlace;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.stereotype.Component;

/**
 * A sign-in that an authorization request led to answers that request in its own response:
 * the form's POST is answered with whatever the request's GET would have been answered with
 * after a redirect: mostly the redirect to the app with its code or its error, or to the
 * step-up or consent page; GovTrust's error page where nothing may be sent to the app (it was
 * removed meanwhile, or the level it needs cannot be reached online). Keycloak's sign-in does
 * the same; the browser makes one round trip fewer.
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
