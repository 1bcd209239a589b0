package org.govtrust.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * Published when an account's name, card, phone, level or business-registration switch changes. Carries ids only, never personal data.
 */
public record AccountChanged(UUID accountId, String kind, String actor, Instant at) {

}
