package org.govtrust.ca;

import org.jspecify.annotations.Nullable;

/**
 * Enrol an enterprise at an RA office (the officer has seen the licence and the legal
 * representative's ID card).
 *
 * @param name the registered name
 * @param creditCode the unified social credit code
 * @param legalRepName the legal representative's name
 * @param legalRepIdNumber the legal representative's ID number
 * @param housingFundNumber optional housing-provident-fund account number
 * @param socialSecurityNumber optional social-security registration number
 */
public record EnrolEnterpriseCommand(String name, String creditCode, String legalRepName, String legalRepIdNumber,
		@Nullable String housingFundNumber, @Nullable String socialSecurityNumber) {

	@Override
	public String toString() {
		return "EnrolEnterpriseCommand[redacted]";
	}

}
