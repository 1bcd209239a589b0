package org.govtrust.sso;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The {@code sid} of a GovTrust session as apps see it: the session id hashed (SHA-256,
 * base64url), as the authorization server hashes it when it checks an RP-initiated logout's
 * ID token against the session, so the session id itself never leaves GovTrust.
 */
public final class SessionIds {

	/** The authorization attribute that holds the {@code sid} of the session it was granted in. */
	public static final String ATTRIBUTE = "govtrust.sid";

	private SessionIds() {
	}

	/**
	 * The {@code sid} of a session.
	 * @param sessionId the session id
	 * @return its hash
	 */
	public static String sid(String sessionId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
