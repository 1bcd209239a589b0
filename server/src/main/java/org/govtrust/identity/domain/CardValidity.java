package org.govtrust.identity.domain;

import java.time.LocalDate;
import java.time.Period;

import org.govtrust.identity.IdentityError;
import org.govtrust.shared.error.TrustException;
import org.jspecify.annotations.Nullable;

/**
 * The ID card's validity rule of the Resident Identity Card Law, article 5: issued under
 * 16 years of age, 5 years; 16-25, 10 years; 26-45, 20 years; 46 and over, long-term
 * (长期). A temporary card lasts 3 months.
 * <p>
 * Impossible dates are errors. A term that does not fit the age rule is only a warning
 * (renewals and replacement cards vary): the person confirms the dates printed on the card.
 */
public final class CardValidity {

	private CardValidity() {
	}

	/**
	 * The term for a card issued at a given age.
	 * @param birthDate the holder's birth date
	 * @param validFrom the issue date
	 * @return the term in years, or 0 for long-term
	 */
	public static int termYears(LocalDate birthDate, LocalDate validFrom) {
		int age = Period.between(birthDate, validFrom).getYears();
		if (age < 16) {
			return 5;
		}
		if (age <= 25) {
			return 10;
		}
		if (age <= 45) {
			return 20;
		}
		return 0;
	}

	/**
	 * Checks the dates.
	 * @param birthDate from the ID number
	 * @param validFrom the start date entered
	 * @param validTo the end date entered, null for long-term
	 * @param today today
	 * @param confirmedUnusual whether the person confirmed a term that does not fit the rule
	 * @throws TrustException {@code IDN-1021..1027} with the field at fault
	 */
	public static void check(LocalDate birthDate, LocalDate validFrom, @Nullable LocalDate validTo, LocalDate today,
			boolean confirmedUnusual) {
		if (validFrom.isAfter(today)) {
			throw TrustException.forField("validFrom", IdentityError.VALID_FROM_FUTURE);
		}
		if (validFrom.isBefore(birthDate)) {
			throw TrustException.forField("validFrom", IdentityError.VALID_FROM_BEFORE_BIRTH);
		}
		int term = termYears(birthDate, validFrom);
		int age = Period.between(birthDate, validFrom).getYears();
		if (validTo == null) {
			if (term != 0) {
				throw TrustException.forField("validTo", IdentityError.LONG_TERM_NOT_ALLOWED, age,
						validFrom.plusYears(term).toString());
			}
			return;
		}
		if (!validTo.isAfter(validFrom)) {
			throw TrustException.forField("validTo", IdentityError.VALID_TO_BEFORE_FROM);
		}
		if (validTo.isBefore(today)) {
			throw TrustException.forField("validTo", IdentityError.CARD_EXPIRED, validTo.toString());
		}
		if (confirmedUnusual || fits(validFrom, validTo, term)) {
			return;
		}
		String expected = (term == 0) ? "长期/long-term" : validFrom.plusYears(term).toString();
		throw TrustException.forField("validTo", IdentityError.VALIDITY_UNUSUAL, term, expected);
	}

	private static boolean fits(LocalDate validFrom, LocalDate validTo, int term) {
		if (validTo.equals(validFrom.plusMonths(3))) {
			return true; // temporary card
		}
		if (term == 0) {
			return false;
		}
		LocalDate expected = validFrom.plusYears(term);
		// a card issued on 29 February ends on 28 February or 1 March
		boolean leapDay = validFrom.getMonthValue() == 2 && validFrom.getDayOfMonth() == 29;
		return validTo.equals(expected) || (leapDay && Math.abs(validTo.toEpochDay() - expected.toEpochDay()) <= 1);
	}

}
