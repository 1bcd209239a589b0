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
	STAFF_PASSWORD_SMS("loa2");

	private final String assuranceLevel;

	LoginMethod(String assuranceLevel) {
		this.assuranceLevel = assuranceLevel;
	}

	public String assuranceLevel() {
		return this.assuranceLevel;
	}

}
