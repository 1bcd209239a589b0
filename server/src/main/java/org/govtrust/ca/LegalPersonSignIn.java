package org.govtrust.ca;

import java.util.UUID;

/**
 * A verified certificate login: who the certificate speaks for.
 *
 * @param enterpriseId the enterprise
 * @param enterpriseName its registered name
 * @param creditCode its unified social credit code
 * @param holderName the certificate holder's name
 * @param serial the certificate serial (hex)
 * @param hardwareKey whether the key is a USB key (hardware token)
 */
public record LegalPersonSignIn(UUID enterpriseId, String enterpriseName, String creditCode, String holderName,
		String serial, boolean hardwareKey) {

	@Override
	public String toString() {
		return "LegalPersonSignIn[" + this.enterpriseId + ", " + this.serial + "]";
	}

}
