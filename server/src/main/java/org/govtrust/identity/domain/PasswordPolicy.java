package org.govtrust.identity.domain;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.govtrust.identity.IdentityError;
import org.govtrust.shared.error.TrustException;

/**
 * Password rules: 8 to 64 characters, at least two kinds of letters, digits and symbols,
 * not containing the person's ID number, phone number or login name, and not one of the
 * passwords every attacker tries first.
 */
public final class PasswordPolicy {

	/** Shortest allowed. */
	public static final int MIN_LENGTH = 8;

	/** Longest allowed. */
	public static final int MAX_LENGTH = 64;

	private static final Set<String> COMMON = Set.of("12345678", "123456789", "1234567890", "password", "password1",
			"password123", "passw0rd", "qwerty123", "qwertyui", "qwe12345", "1qaz2wsx", "1q2w3e4r", "abc12345",
			"abcd1234", "a1234567", "a12345678", "aa123456", "admin123", "iloveyou", "woaini1314", "88888888",
			"11111111", "00000000", "123123123", "zxcvbnm1", "asdf1234", "p@ssw0rd", "123456abc", "abc123456");

	private PasswordPolicy() {
	}

	/**
	 * Checks a new password.
	 * @param password the password
	 * @param personal values the password must not contain (ID number, phone, login name)
	 * @throws TrustException {@code IDN-1030..1033, 1036} on the field {@code password}
	 */
	public static void check(String password, List<String> personal) {
		String value = password == null ? "" : password;
		if (!PasswordText.isWellFormed(value)) {
			throw TrustException.forField("password", IdentityError.PASSWORD_CHARACTERS);
		}
		int length = value.codePointCount(0, value.length());
		if (length < MIN_LENGTH || length > MAX_LENGTH) {
			throw TrustException.forField("password", IdentityError.PASSWORD_LENGTH, MIN_LENGTH, MAX_LENGTH);
		}
		boolean letter = value.codePoints().anyMatch(Character::isLetter);
		boolean digit = value.codePoints().anyMatch(Character::isDigit);
		boolean other = value.codePoints().anyMatch((cp) -> !Character.isLetterOrDigit(cp));
		if ((letter ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0) < 2) {
			throw TrustException.forField("password", IdentityError.PASSWORD_CLASSES);
		}
		String lower = value.toLowerCase(Locale.ROOT);
		for (String item : personal) {
			if (item != null && item.length() >= 4 && lower.contains(item.toLowerCase(Locale.ROOT))) {
				throw TrustException.forField("password", IdentityError.PASSWORD_PERSONAL);
			}
		}
		if (COMMON.contains(lower) || value.codePoints().distinct().count() <= 2) {
			throw TrustException.forField("password", IdentityError.PASSWORD_COMMON);
		}
	}

}
