package org.govtrust.ca;

/**
 * What tokens say about a legal person signed in with a certificate.
 *
 * @param enterpriseName the registered name
 * @param creditCode the unified social credit code
 * @param holderName the certificate holder's name
 */
public record LegalPersonClaims(String enterpriseName, String creditCode, String holderName) {

	@Override
	public String toString() {
		return "LegalPersonClaims[" + this.creditCode + "]";
	}

}
