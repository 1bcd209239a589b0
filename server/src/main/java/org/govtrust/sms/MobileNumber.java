package org.govtrust.sms;

import org.govtrust.shared.privacy.Masking;

/**
 * A mainland mobile number in a segment in service.
 *
 * @param national the 11 national digits
 */
public record MobileNumber(String national) {

	/**
	 * The E.164 form.
	 * @return {@code +86} and the national digits
	 */
	public String e164() {
		return "+86" + this.national;
	}

	/**
	 * The form shown to people.
	 * @return {@code 138****5678}
	 */
	public String masked() {
		return Masking.phone(this.national);
	}

	@Override
	public String toString() {
		return "MobileNumber[" + masked() + "]";
	}

}
