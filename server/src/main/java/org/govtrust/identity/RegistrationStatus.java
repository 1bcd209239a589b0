package org.govtrust.identity;

/**
 * The steps of a registration, in order.
 */
public enum RegistrationStatus {

	/** Elements accepted, waiting for the SMS code. */
	PHONE_PENDING,
	/** Phone proven, waiting for real-name verification (face or network identity). */
	IDENTITY_PENDING,
	/** Real name verified, waiting for the password. */
	ACCOUNT_PENDING,
	/** The account exists. */
	COMPLETED

}
