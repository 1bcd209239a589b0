package org.govtrust.identity.domain;

import java.time.LocalDate;

import org.govtrust.identity.IdentityError;
import org.govtrust.shared.error.TrustException;
import org.govtrust.shared.standard.ResidentIdNumber;

/**
 * Maps the GB 11643 check to the identity error catalogue.
 */
public final class IdNumbers {

	private IdNumbers() {
	}

	/**
	 * Checks an ID number.
	 * @param raw the input (spaces, full-width digits and lower-case x accepted)
	 * @param today today
	 * @param field the form field
	 * @return the valid number
	 * @throws TrustException {@code IDN-1001..1006}
	 */
	public static ResidentIdNumber.Valid parse(String raw, LocalDate today, String field) {
		ResidentIdNumber.Check check = ResidentIdNumber.check(raw == null ? "" : raw, today);
		if (check instanceof ResidentIdNumber.Valid valid) {
			return valid;
		}
		ResidentIdNumber.Invalid invalid = (ResidentIdNumber.Invalid) check;
		IdentityError error;
		switch (invalid.problem()) {
			case LEGACY_15:
				error = IdentityError.ID_NUMBER_LEGACY;
				break;
			case CHARSET:
				error = IdentityError.ID_NUMBER_CHARSET;
				break;
			case REGION:
				error = IdentityError.ID_NUMBER_REGION;
				break;
			case BIRTH_DATE:
			case FUTURE_BIRTH_DATE:
				error = IdentityError.ID_NUMBER_BIRTH_DATE;
				break;
			case CHECK_CHARACTER:
				error = IdentityError.ID_NUMBER_CHECK;
				break;
			default:
				error = IdentityError.ID_NUMBER_LENGTH;
		}
		throw TrustException.forField(field, error);
	}

}
