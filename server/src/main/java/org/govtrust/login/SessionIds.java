package org.govtrust.login;

import java.util.Base64;

import org.govtrust.shared.security.Sha256;

/**
 * The public name of a GovTrust session: its id hashed (SHA-256, base64url). Apps get it as
 * {@code sid} (the authorization server hashes the same way when it checks an RP-initiated
 * logout's ID token against the session), and the owner's list of sessions names each by it.
 * The session id itself is a credential (whoever has it holds the session) and never leaves
 * GovTrust but as the owner's own cookie.
 */
public final class SessionIds {

	private SessionIds() {
	}

	/**
	 * The public name of a session.
	 * @param sessionId the session id
	 * @return its hash
	 */
	public static String sid(String sessionId) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.digest(sessionId));
	}

}
