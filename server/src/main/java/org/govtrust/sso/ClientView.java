package org.govtrust.sso;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A registered government app.
 *
 * @param clientId its client id
 * @param name its name
 * @param department its department
 * @param logoUri its logo
 * @param redirectUris exact redirect URIs
 * @param scopes allowed scopes
 * @param confidential whether it authenticates with a secret
 * @param requiredLevel the lowest level it accepts
 * @param fullIdNumber whether it receives the full ID number with {@code realname}
 * (otherwise a masked one)
 * @param clientSecret the secret, only in the answer to the registration (never again)
 */
public record ClientView(String clientId, String name, String department, @Nullable String logoUri,
		Set<String> redirectUris, Set<String> scopes, boolean confidential, AssuranceLevel requiredLevel,
		boolean fullIdNumber, @Nullable String clientSecret) {

	@Override
	public String toString() {
		return "ClientView[" + this.clientId + "]";
	}

}
