package org.govtrust.ca;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An enterprise as pages and APIs show it (the legal representative masked).
 *
 * @param id id
 * @param name registered name
 * @param creditCode unified social credit code
 * @param legalRepName masked name of the legal representative
 * @param legalRepIdNumber masked ID number
 * @param housingFundNumber optional
 * @param socialSecurityNumber optional
 * @param enrolledAt when enrolled
 */
public record EnterpriseView(UUID id, String name, String creditCode, String legalRepName, String legalRepIdNumber,
		@Nullable String housingFundNumber, @Nullable String socialSecurityNumber, Instant enrolledAt) {

}
