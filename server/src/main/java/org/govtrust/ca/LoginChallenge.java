package org.govtrust.ca;

import java.time.Instant;
import java.util.UUID;

/**
 * A one-time certificate-login challenge.
 *
 * @param id its id, sent back with the signature
 * @param text exactly what the key signs (UTF-8): four lines naming GovTrust, the page's
 * origin, 32 random bytes and the time, so the key assistant can refuse anything else
 * @param expiresAt until when it can be answered
 */
public record LoginChallenge(UUID id, String text, Instant expiresAt) {

}
