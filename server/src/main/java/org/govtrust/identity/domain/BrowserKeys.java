package org.govtrust.identity.domain;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.govtrust.shared.security.Sha256;
import org.jspecify.annotations.Nullable;

/**
 * The key a browser keeps (in a cookie) for a registration it started on the web pages: 256
 * random bits; only its SHA-256 is stored with the registration.
 */
public final class BrowserKeys {

	private static final SecureRandom random = new SecureRandom();

	private BrowserKeys() {
	}

	/** A new key, URL- and cookie-safe. */
	public static String newKey() {
		byte[] key = new byte[32];
		random.nextBytes(key);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
	}

	/** The hash stored for a key. */
	public static String hash(String key) {
		return Sha256.hex(key);
	}

	/**
	 * Whether a key is the one a hash was stored for (in constant time).
	 * @param key the browser's key, if it sent one
	 * @param hash the stored hash
	 */
	public static boolean matches(@Nullable String key, String hash) {
		return key != null && MessageDigest.isEqual(Sha256.digest(key), HexFormat.of().parseHex(hash));
	}

}
