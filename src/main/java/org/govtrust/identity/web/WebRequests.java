package org.govtrust.identity.web;

import org.govtrust.identity.IdentityError;
import org.govtrust.shared.error.TrustException;
import org.govtrust.shared.web.Base64Data;
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
		try {
			return Base64Data.decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw TrustException.forField("faceImage", IdentityError.FACE_IMAGE_FORMAT);
		}
	}

}
