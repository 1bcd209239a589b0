package org.govtrust.identity;

/**
 * Whether an account can be used.
 */
public enum AccountStatus {

	/** Usable. */
	ACTIVE,
	/** Migrated from another system; the person must activate it first. */
	PENDING_ACTIVATION,
	/** Deactivated by an operator. */
	DEACTIVATED

}
