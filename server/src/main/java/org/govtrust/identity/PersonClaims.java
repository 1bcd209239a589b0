package org.govtrust.identity;

/**
 * A person's claims for single sign-on. The full values go only to apps registered for
 * them and with the person's consent.
 *
 * @param name the full name
 * @param maskedName the masked name
 * @param maskedIdNumber the masked ID number
 * @param idNumber the full ID number
 * @param maskedPhone the masked phone
 * @param realNameLevel how the real name was established
 * @param status the account status
 */
public record PersonClaims(String name, String maskedName, String maskedIdNumber, String idNumber, String maskedPhone,
		RealNameLevel realNameLevel, AccountStatus status) {

	@Override
	public String toString() {
		return "PersonClaims[redacted]";
	}

}
