package org.govtrust.sms;

import java.time.Instant;

/**
 * Published when a code was handed to the gateway. Carries no phone number and no code.
 *
 * @param purpose the purpose
 * @param phoneRef the first 12 characters of the phone's keyed lookup hash, enough to
 * correlate events without identifying anyone
 * @param sentAt when
 */
public record SmsCodeSent(SmsPurpose purpose, String phoneRef, Instant sentAt) {

}
