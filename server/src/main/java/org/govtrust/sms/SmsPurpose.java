package org.govtrust.sms;

/**
 * What a code is for; a code for one purpose never works for another.
 */
public enum SmsPurpose {

	/** Proving phone ownership during registration. */
	REGISTRATION,
	/** Signing in by SMS code. */
	LOGIN,
	/** Resetting a forgotten password. */
	PASSWORD_RESET,
	/** Activating a migrated account. */
	ACTIVATION,
	/** Changing the phone number on record. */
	PHONE_CHANGE

}
