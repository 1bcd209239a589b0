package org.govtrust.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * Published when an account is activated, deactivated, reactivated, sent back to activation or merged. Carries ids only, never personal data.
 */
public record AccountStatusChanged(UUID accountId, AccountStatus status, Instant at) {

}
