package org.govtrust.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * Published for every real-name verification attempt, whatever its outcome. Carries ids only, never personal data.
 */
public record RealNameVerificationAttempted(UUID registrationId, VerificationMethod method, String outcome, Instant at) {

}
