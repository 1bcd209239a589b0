package org.govtrust.identity;

/**
 * How a person's real name was proven.
 */
public enum VerificationMethod {

	/** Four elements and face comparison with the identity authority (人像+复合). */
	FACE,
	/** Network identity credential (CTID 网证). */
	NETWORK_IDENTITY,
	/** In person at a counter (窗口人工核验). */
	COUNTER

}
