package org.govtrust.shared.standard;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The 18-character unified social credit code of GB 32100-2015 with its GB/T 17710
 * (MOD 31) check character.
 */
public final class UnifiedSocialCreditCode {

	/** The 31 symbols, valued 0-30: digits and upper-case letters without I, O, S, V, Z. */
	public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private UnifiedSocialCreditCode() {
	}

	/** Why a code is not valid. */
	public enum Problem {

		/** Nothing was entered. */
		EMPTY,
		/** Not 18 characters. */
		LENGTH,
		/** A character outside the 31-symbol alphabet, or a non-digit in positions 3-8. */
		CHARSET,
		/** The last character does not match. */
		CHECK_CHARACTER

	}

	/**
	 * The outcome of a check.
	 * @param canonical the normalised code when valid, otherwise the normalised input
	 * @param problem the problem, or null when valid
	 * @param position 1-based position of the offending character, or 0
	 */
	public record Check(String canonical, @org.jspecify.annotations.Nullable Problem problem, int position) {

		public boolean valid() {
			return this.problem == null;
		}

	}

	/**
	 * NFKC, upper case, no spaces or hyphens.
	 * @param raw the input
	 * @return the normalised form
	 */
	public static String normalise(String raw) {
		return Normalizer.normalize(raw, Normalizer.Form.NFKC).replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
	}

	/**
	 * Checks a code.
	 * @param raw the input
	 * @return the result
	 */
	public static Check check(String raw) {
		String value = normalise(raw);
		if (value.isEmpty()) {
			return new Check(value, Problem.EMPTY, 0);
		}
		if (value.length() != 18) {
			return new Check(value, Problem.LENGTH, 0);
		}
		for (int i = 0; i < 18; i++) {
			char c = value.charAt(i);
			boolean ok = (i >= 2 && i <= 7) ? (c >= '0' && c <= '9') : ALPHABET.indexOf(c) >= 0;
			if (!ok) {
				return new Check(value, Problem.CHARSET, i + 1);
			}
		}
		if (checkCharacter(value.substring(0, 17)) != value.charAt(17)) {
			return new Check(value, Problem.CHECK_CHARACTER, 18);
		}
		return new Check(value, null, 0);
	}

	/**
	 * The check character of a 17-character body.
	 * @param body17 17 symbols of the alphabet
	 * @return the check character
	 */
	public static char checkCharacter(String body17) {
		if (body17.length() != 17) {
			throw new IllegalArgumentException("body must have 17 characters");
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int v = ALPHABET.indexOf(body17.charAt(i));
			if (v < 0) {
				throw new IllegalArgumentException("character outside the alphabet at " + (i + 1));
			}
			sum += v * WEIGHTS[i];
		}
		return ALPHABET.charAt((31 - sum % 31) % 31);
	}

}
