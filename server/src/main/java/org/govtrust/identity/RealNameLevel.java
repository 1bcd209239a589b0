package org.govtrust.identity;

/**
 * How strongly an account's real name is established, weakest first.
 */
public enum RealNameLevel {

	/** Not verified (e.g. a migrated account before activation). */
	NONE,
	/** Verified online: four elements + face, or network identity. */
	ONLINE_VERIFIED,
	/** Verified in person by a counter clerk. */
	COUNTER_VERIFIED

}
