package org.govtrust.sso;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A government app to register.
 *
 * @param clientId the client id
 * @param name the app's name, shown on the login page
 * @param department the department that runs it, shown on the login page
 * @param logoUri an optional logo address
 * @param redirectUris the exact redirect URIs
 * @param postLogoutRedirectUris where it may send people after logout
 * @param scopes {@code openid} plus any of {@code profile}, {@code phone}, {@code realname}
 * @param confidential a back-end with a secret (also gets client credentials); otherwise a
 * public client, which must use PKCE
 * @param requireConsent ask the person before releasing claims; false for first-party
 * government apps that are pre-approved
 * @param requiredLevel the lowest assurance level it accepts ({@code loa1}..{@code loa4})
 * @param pairwiseSubject give this app its own subject identifiers
 * @param fullIdNumber may receive the full ID number (with {@code realname} and consent);
 * otherwise masked
 * @param backchannelLogoutUri where GovTrust posts a logout token when the person's
 * session ends (OpenID Connect Back-Channel Logout), or null
 */
public record RegisterClientCommand(@Nullable String clientId, @Nullable String name, @Nullable String department,
		@Nullable String logoUri, @Nullable List<String> redirectUris, @Nullable List<String> postLogoutRedirectUris,
		@Nullable List<String> scopes, @Nullable Boolean confidential, @Nullable Boolean requireConsent,
		@Nullable String requiredLevel, @Nullable Boolean pairwiseSubject, @Nullable Boolean fullIdNumber,
		@Nullable String backchannelLogoutUri) {

	boolean isConfidential() {
		return Boolean.TRUE.equals(this.confidential);
	}

	boolean isConsentRequired() {
		return Boolean.TRUE.equals(this.requireConsent);
	}

	boolean isPairwise() {
		return Boolean.TRUE.equals(this.pairwiseSubject);
	}

	boolean isFullIdNumber() {
		return Boolean.TRUE.equals(this.fullIdNumber);
	}

}
