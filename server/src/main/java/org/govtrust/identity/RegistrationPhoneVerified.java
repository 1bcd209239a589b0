package org.govtrust.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * Published when the phone of a registration is proven. Carries ids only, never personal data.
 */
public record RegistrationPhoneVerified(UUID registrationId, Instant at) {

}
