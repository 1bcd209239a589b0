package org.govtrust.identity.domain;

import java.util.Locale;

import org.govtrust.identity.IdentityError;
import org.govtrust.shared.error.TrustException;
import org.jspecify.annotations.Nullable;

/**
 * Optional custom login names: 4 to 32 characters, starting with a letter (so one can never
 * be taken for an ID number or a phone number), then letters, digits, {@code _ . -};
 * compared without case.
 */
public final class LoginNames {

	private LoginNames() {
	}

	/**
	 * Normalises an optional login name.
	 * @param raw the input, may be blank
	 * @return the lower-case login name, or null when none was given
	 * @throws TrustException {@code IDN-1035}
	 */
	public static @Nullable String normalise(@Nullable String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		String value = raw.strip();
		if (!value.matches("[A-Za-z][A-Za-z0-9_.-]{3,31}")) {
			throw TrustException.forField("loginName", IdentityError.LOGIN_NAME_FORMAT);
		}
		return value.toLowerCase(Locale.ROOT);
	}

}
