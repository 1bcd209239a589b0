package org.govtrust.shared.web;

import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * Binary data sent in JSON as base64, with or without a {@code data:...;base64,} prefix.
 */
public final class Base64Data {

	private Base64Data() {
	}

	/**
	 * Decodes.
	 * @param base64 the text, may be null or blank
	 * @return the bytes, or null when nothing was sent
	 * @throws IllegalArgumentException when the text is not base64
	 */
	public static byte @Nullable [] decode(@Nullable String base64) {
		if (base64 == null || base64.isBlank()) {
			return null;
		}
		String data = base64.strip();
		int comma = data.indexOf(',');
		if (data.startsWith("data:") && comma > 0) {
			data = data.substring(comma + 1);
		}
		return Base64.getMimeDecoder().decode(data);
	}

}
