package org.govtrust.identity.domain;

import java.text.Normalizer;

import org.govtrust.identity.IdentityError;
import org.govtrust.shared.error.TrustException;

/**
 * Names as the 2016 name-collection notice requires: any script (rare characters outside
 * the BMP included), up to 50 characters, and the ethnic-minority separator normalised to
 * U+00B7 MIDDLE DOT from every look-alike people type (katakana dot, bullet, hyphenation
 * point, full stop...), with spaces around it removed and repeats collapsed.
 */
public final class PersonName {

	/** The canonical separator. */
	public static final char MIDDLE_DOT = '\u00B7';

	private static final String DOT_LOOKALIKES = "\u00B7\u30FB\uFF65\u2022\u2027\u2219\u22C5\u0387\u25CF\uFF0E.\u2E31";

	private static final int MAX_LENGTH = 50;

	private PersonName() {
	}

	/**
	 * Normalises and checks a name.
	 * @param raw the input
	 * @param field the form field for errors
	 * @return the canonical name
	 * @throws TrustException {@code IDN-1010..1013}
	 */
	public static String normalise(String raw, String field) {
		String value = Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFKC).strip();
		if (value.isEmpty()) {
			throw TrustException.forField(field, IdentityError.NAME_REQUIRED);
		}
		StringBuilder out = new StringBuilder();
		int[] cps = value.codePoints().toArray();
		for (int i = 0; i < cps.length; i++) {
			int cp = cps[i];
			if (DOT_LOOKALIKES.indexOf(cp) >= 0) {
				// trim spaces typed around the dot, and collapse repeated dots
				while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
					out.setLength(out.length() - 1);
				}
				if (out.length() == 0 || nextNameCharacter(cps, i + 1) < 0) {
					throw TrustException.forField(field, IdentityError.NAME_DOT_POSITION);
				}
				if (out.charAt(out.length() - 1) != MIDDLE_DOT) {
					out.append(MIDDLE_DOT);
				}
				continue;
			}
			if (cp == ' ') {
				if (out.length() > 0 && out.charAt(out.length() - 1) == MIDDLE_DOT) {
					continue;
				}
				if (isHan(out) || nextIsHan(cps, i + 1) || (out.length() > 0 && out.charAt(out.length() - 1) == ' ')) {
					// a stray space between Chinese characters carries no meaning, nor does a second one
					continue;
				}
				out.append(' ');
				continue;
			}
			if (!Character.isLetter(cp) && Character.getType(cp) != Character.NON_SPACING_MARK) {
				throw TrustException.forField(field, IdentityError.NAME_CHARACTERS);
			}
			out.appendCodePoint(cp);
		}
		String name = out.toString();
		int length = name.codePointCount(0, name.length());
		if (length < 2 || length > MAX_LENGTH) {
			throw TrustException.forField(field, IdentityError.NAME_LENGTH);
		}
		return name;
	}

	private static int nextNameCharacter(int[] cps, int from) {
		for (int i = from; i < cps.length; i++) {
			if (cps[i] != ' ' && DOT_LOOKALIKES.indexOf(cps[i]) < 0) {
				return i;
			}
		}
		return -1;
	}

	private static boolean isHan(StringBuilder out) {
		return out.length() > 0 && Character.UnicodeScript.of(out.codePointBefore(out.length())) == Character.UnicodeScript.HAN;
	}

	private static boolean nextIsHan(int[] cps, int from) {
		int next = nextNameCharacter(cps, from);
		return next >= 0 && Character.UnicodeScript.of(cps[next]) == Character.UnicodeScript.HAN;
	}

}
