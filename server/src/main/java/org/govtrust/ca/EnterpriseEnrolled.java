package org.govtrust.ca;

import java.time.Instant;
import java.util.UUID;

/**
 * Published when an enterprise is enrolled.
 *
 * @param enterpriseId the enterprise
 * @param actor who enrolled it ({@code staff:…} at an RA office, {@code citizen:…} online)
 * @param at when
 */
public record EnterpriseEnrolled(UUID enterpriseId, String actor, Instant at) {

}
