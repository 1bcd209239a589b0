package org.govtrust.identity;

import org.govtrust.shared.error.TrustException;
import org.govtrust.shared.web.Base64Data;
import org.jspecify.annotations.Nullable;

/**
 * Face images as JSON APIs send them: base64, with or without a {@code data:} prefix.
 */
public final class FaceImages {

	private FaceImages() {
	}

	/**
	 * Decodes an image.
	 * @param base64 the text
	 * @return the bytes, or null when none was sent (the verification then says so)
	 * @throws TrustException {@code IDN-1041} when the text is not base64
	 */
	public static byte @Nullable [] decode(@Nullable String base64) {
		try {
			return Base64Data.decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw TrustException.forField("faceImage", IdentityError.FACE_IMAGE_FORMAT);
		}
	}

}
