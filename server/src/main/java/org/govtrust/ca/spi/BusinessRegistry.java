package org.govtrust.ca.spi;

import java.util.Optional;

/**
 * The business registry: what the market-regulation authority has on record for a credit code.
 */
public interface BusinessRegistry {

	/**
	 * Looks up a credit code.
	 * @param creditCode the unified social credit code
	 * @return the registered business, or empty when the registry does not know it
	 */
	Optional<RegisteredBusiness> find(String creditCode);

	/**
	 * A registered business.
	 *
	 * @param creditCode its code
	 * @param name its registered name
	 * @param legalRepName the legal representative's name
	 * @param legalRepIdNumber the legal representative's ID number
	 */
	record RegisteredBusiness(String creditCode, String name, String legalRepName, String legalRepIdNumber) {

	}

}
