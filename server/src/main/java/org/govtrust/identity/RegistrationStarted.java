package org.govtrust.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * Published when a registration starts (elements checked, code sent). Carries ids only, never personal data.
 */
public record RegistrationStarted(UUID registrationId, Instant at) {

}
