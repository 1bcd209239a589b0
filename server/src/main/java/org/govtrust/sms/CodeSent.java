package org.govtrust.sms;

import java.time.Instant;

/**
 * A code was sent.
 *
 * @param maskedPhone where it went, masked
 * @param expiresAt when the code stops working
 * @param nextSendAt the earliest time another code can be sent to this phone
 */
public record CodeSent(String maskedPhone, Instant expiresAt, Instant nextSendAt) {

}
