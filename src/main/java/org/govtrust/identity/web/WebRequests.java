package org.govtrust.identity.web;

import java.util.Base64;

import org.govtrust.identity.IdentityError;
import org.govtrust.shared.error.TrustException;
import org.jspecify.annotations.Nullable;

/**
 * Small helpers for request bodies.
 */
final class WebRequests {

	private WebRequests() {
	}

	static String text(@Nullable String value) {
		return value == null ? "" : value;
	}

	/**
	 * Decodes a base64 image, with or without a {@code data:} prefix.
	 * @param base64 the encoded image
	 * @return the bytes, or null when none was sent
	 */
	static byte @Nullable [] image(@Nullable String base64) {
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
			throw TrustException.forField("faceImage", IdentityError.FACE_IMAGE_FORMAT);
		}
	}

}
