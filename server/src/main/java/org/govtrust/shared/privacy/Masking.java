package org.govtrust.shared.privacy;

/**
 * How personal data is shown: enough for a person to recognise their own, not enough to
 * identify anyone.
 */
public final class Masking {

	private Masking() {
	}

	/**
	 * {@code 1101**********002X}: the province and city digits and the last four characters
	 * (the county, birth date and sequence stay hidden).
	 * @param idNumber the canonical ID number
	 * @return the masked form
	 */
	public static String idNumber(String idNumber) {
		return keep(idNumber, 4, 4);
	}

	/**
	 * {@code 138****5678}.
	 * @param phone the 11 national digits
	 * @return the masked form
	 */
	public static String phone(String phone) {
		return keep(phone, 3, 4);
	}

	/**
	 * {@code 王*明}, {@code 阿**·***提}: the first and last character; the middle dot stays.
	 * @param name the normalised name
	 * @return the masked form
	 */
	public static String name(String name) {
		int[] cps = name.codePoints().toArray();
		if (cps.length <= 1) {
			return name;
		}
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < cps.length; i++) {
			boolean keep = i == 0 || (i == cps.length - 1 && cps.length > 2) || cps[i] == '\u00B7';
			out.appendCodePoint(keep ? cps[i] : '*');
		}
		return out.toString();
	}

	private static String keep(String value, int head, int tail) {
		if (value.length() <= head + tail) {
			return "*".repeat(value.length());
		}
		return value.substring(0, head) + "*".repeat(value.length() - head - tail)
				+ value.substring(value.length() - tail);
	}

}
