package org.govtrust.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Published when an administrator (or the bootstrap) creates a staff account.
 *
 * @param staffId the new account
 * @param roles its roles
 * @param createdBy the administrator's id, or {@code bootstrap}
 * @param at when
 */
public record StaffCreated(UUID staffId, Set<StaffRole> roles, String createdBy, Instant at) {

}
