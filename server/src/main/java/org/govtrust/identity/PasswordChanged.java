package org.govtrust.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * Published when an account's password was set or reset; every session of the account ends. Carries ids only, never personal data.
 */
public record PasswordChanged(UUID accountId, Instant at) {

}
