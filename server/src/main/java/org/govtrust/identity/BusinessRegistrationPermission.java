package org.govtrust.identity;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Whether a person may take part in business registration now (seed 002: the switch is
 * "yes" and today is within its validity period, and the real name is verified).
 *
 * @param allowed the answer
 * @param reason {@code ALLOWED}, {@code SWITCH_OFF}, {@code EXPIRED}, {@code NOT_VERIFIED}
 * or {@code ACCOUNT_INACTIVE}
 * @param until the end of the validity period, if set
 */
public record BusinessRegistrationPermission(boolean allowed, String reason, @Nullable LocalDate until) {

}
