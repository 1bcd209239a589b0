package org.govtrust.identity.domain;

/**
 * What a password's characters must be so that it hashes the same everywhere. A lone UTF-16
 * surrogate (possible in JSON, {@code "\ud800"}) has no UTF-8 form: Java's
 * {@code getBytes(UTF_8)} writes {@code ?} for it, so "pa\ud800ss" and "pa?ss" would hash
 * alike, while Bouncy Castle refuses it. Control characters cannot be typed and usually come
 * from a bad paste.
 */
public final class PasswordText {

	private PasswordText() {
	}

	/** True when a new password is acceptable text: no lone surrogate, no control character. */
	public static boolean isWellFormed(CharSequence password) {
		return !hasLoneSurrogate(password) && password.codePoints().noneMatch(Character::isISOControl);
	}

	/** True when the text has a high surrogate without its low one, or the reverse. */
	public static boolean hasLoneSurrogate(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

}
