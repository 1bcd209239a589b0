package org.govtrust.login.web;

import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * Decodes base64 images from JSON bodies; a malformed one becomes an empty image, which
 * the identity module refuses with its own message.
 */
final class Images {

	private Images() {
	}

	static byte @Nullable [] decode(@Nullable String base64) {
		if (base64 == null || base64.isBlank()) {
			return null;
		}
		String data = base64.strip();
		int comma = data.indexOf(',');
		if (data.startsWith("data:") && comma > 0) {
			data = data.substring(comma + 1);
		}
		try {
			return Base64.getMimeDecoder().decode(data);
		}
		catch (IllegalArgumentException ex) {
			return new byte[] { 0 };
		}
	}

}
