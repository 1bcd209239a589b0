package org.govtrust.login;

/**
 * How someone signed in, and the assurance level it gives (password &lt; SMS code).
 */
public enum LoginMethod {

	/** Password (loa1). */
	PASSWORD("loa1"),
	/** One-time SMS code to the real-name phone on record (loa2). */
	SMS("loa2"),
	/** Staff: password and an SMS code (loa2). */
	STAFF_PASSWORD_SMS("loa2"),
	/** A legal-person certificate on a USB key (hardware token) with its PIN. */
	CERTIFICATE("loa4"),
	/** A legal-person certificate on a soft token (a PKCS#12 file) with its PIN. */
	SOFT_CERTIFICATE("loa3");

	private final String assuranceLevel;

	LoginMethod(String assuranceLevel) {
		this.assuranceLevel = assuranceLevel;
	}

	public String assuranceLevel() {
		return this.assuranceLevel;
	}

}
