package org.govtrust.identity.domain;

import org.govtrust.identity.IdentityError;
import org.govtrust.shared.error.TrustException;
import org.jspecify.annotations.Nullable;

/**
 * Free text that staff type (reasons, notes, locations): no longer than the column that
 * keeps it, checked before anything is written, so a long text is the user's to shorten
 * rather than a failed insert. Lengths count UTF-16 units, never fewer than the characters
 * a column counts, so a text that passes fits in H2 and PostgreSQL alike.
 */
public final class FreeText {

	private FreeText() {
	}

	/**
	 * Checks the length of a text.
	 * @param field the field name as the API and the form call it
	 * @param value the text as it will be kept, may be null
	 * @param max the most characters the column keeps
	 * @throws TrustException {@code IDN-1060} for the field when longer
	 */
	public static void check(String field, @Nullable String value, int max) {
		if (value != null && value.length() > max) {
			throw TrustException.forField(field, IdentityError.TEXT_TOO_LONG, max, value.length());
		}
	}

}
