package org.govtrust.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * Published when a registration creates a verified account. Carries ids only, never personal data.
 */
public record PersonRegistered(UUID accountId, UUID registrationId, RealNameLevel realNameLevel, VerificationMethod method, Instant at) {

}
