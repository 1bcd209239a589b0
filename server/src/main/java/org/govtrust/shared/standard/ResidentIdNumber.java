package org.govtrust.shared.standard;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * The 18-character citizen identity number of GB 11643-1999: 6-digit region code, 8-digit
 * birth date, 3-digit sequence (odd = male) and an ISO 7064 MOD 11-2 check character.
 *
 * @see <a href="https://openstd.samr.gov.cn/">GB 11643-1999 公民身份号码</a>
 */
public final class ResidentIdNumber {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK_CHARACTERS = "10X98765432";

	private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
			"33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
			"63", "64", "65", "71", "81", "82", "83");

	private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1880, 1, 1);

	private ResidentIdNumber() {
	}

	/** Why a number is not valid. */
	public enum Problem {

		/** Nothing was entered. */
		EMPTY,
		/** Not 18 characters. */
		LENGTH,
		/** A 15-digit number of a first-generation card. */
		LEGACY_15,
		/** A character other than a digit (or X last). */
		CHARSET,
		/** The first two digits are no province. */
		REGION,
		/** Positions 7-14 are no real date. */
		BIRTH_DATE,
		/** The birth date lies in the future. */
		FUTURE_BIRTH_DATE,
		/** The last character does not match MOD 11-2. */
		CHECK_CHARACTER

	}

	/** The outcome of {@link #check(String, LocalDate)}. */
	public sealed interface Check permits Valid, Invalid {

	}

	/**
	 * A valid number.
	 * @param canonical 18 characters, upper-case X
	 * @param birthDate the birth date it encodes
	 * @param male whether the sequence code is odd
	 * @param regionCode the 6-digit region code
	 */
	public record Valid(String canonical, LocalDate birthDate, boolean male, String regionCode) implements Check {

	}

	/**
	 * An invalid number.
	 * @param problem what is wrong
	 * @param expected for {@link Problem#CHECK_CHARACTER}, the character that would be
	 * right; otherwise empty
	 */
	public record Invalid(Problem problem, String expected) implements Check {

	}

	/**
	 * Normalises input the way people type it: NFKC (full-width digits), no spaces, upper X.
	 * @param raw the input
	 * @return the normalised string (not necessarily valid)
	 */
	public static String normalise(String raw) {
		String nfkc = Normalizer.normalize(raw, Normalizer.Form.NFKC);
		return nfkc.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
	}

	/**
	 * Checks a number.
	 * @param raw the input, must not be null
	 * @param today the current date, for the future-birth-date check
	 * @return {@link Valid} or {@link Invalid}
	 */
	public static Check check(String raw, LocalDate today) {
		String value = normalise(raw);
		if (value.isEmpty()) {
			return new Invalid(Problem.EMPTY, "");
		}
		if (value.length() == 15 && value.chars().allMatch(Character::isDigit)) {
			return new Invalid(Problem.LEGACY_15, "");
		}
		if (value.length() != 18) {
			return new Invalid(Problem.LENGTH, "");
		}
		for (int i = 0; i < 17; i++) {
			if (!isAsciiDigit(value.charAt(i))) {
				return new Invalid(Problem.CHARSET, "");
			}
		}
		char last = value.charAt(17);
		if (!isAsciiDigit(last) && last != 'X') {
			return new Invalid(Problem.CHARSET, "");
		}
		if (!PROVINCES.contains(value.substring(0, 2))) {
			return new Invalid(Problem.REGION, "");
		}
		LocalDate birth;
		try {
			birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
					Integer.parseInt(value.substring(12, 14)));
		}
		catch (DateTimeException ex) {
			return new Invalid(Problem.BIRTH_DATE, "");
		}
		if (birth.isBefore(EARLIEST_BIRTH)) {
			return new Invalid(Problem.BIRTH_DATE, "");
		}
		if (birth.isAfter(today)) {
			return new Invalid(Problem.FUTURE_BIRTH_DATE, "");
		}
		char expected = checkCharacter(value.substring(0, 17));
		if (expected != last) {
			return new Invalid(Problem.CHECK_CHARACTER, String.valueOf(expected));
		}
		boolean male = (value.charAt(16) - '0') % 2 == 1;
		return new Valid(value, birth, male, value.substring(0, 6));
	}

	/**
	 * The MOD 11-2 check character of a 17-digit body.
	 * @param body17 17 ASCII digits
	 * @return {@code 0}-{@code 9} or {@code X}
	 */
	public static char checkCharacter(String body17) {
		if (body17.length() != 17) {
			throw new IllegalArgumentException("body must have 17 digits");
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			char c = body17.charAt(i);
			if (!isAsciiDigit(c)) {
				throw new IllegalArgumentException("body must have 17 digits");
			}
			sum += (c - '0') * WEIGHTS[i];
		}
		return CHECK_CHARACTERS.charAt(sum % 11);
	}

	private static boolean isAsciiDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
