package org.govtrust.shared.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the one digest GovTrust computes by hand: the index keys of tokens and of
 * counter requests, the hash chain's links, app secrets, browser keys, public-key
 * fingerprints, CRL digests, the public name of a session. Text is hashed as UTF-8; hex is lower
 * case. Every JDK has SHA-256, so its absence is an error of the platform, not of the caller.
 */
public final class Sha256 {

	private Sha256() {
	}

	/**
	 * The digest of some bytes.
	 * @param data the bytes
	 * @return 32 bytes
	 */
	public static byte[] digest(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("This JDK has no SHA-256", ex);
		}
	}

	/**
	 * The digest of a text's UTF-8 encoding.
	 * @param text the text
	 * @return 32 bytes
	 */
	public static byte[] digest(String text) {
		return digest(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The digest of some bytes, in hex.
	 * @param data the bytes
	 * @return 64 lower-case hex digits
	 */
	public static String hex(byte[] data) {
		return HexFormat.of().formatHex(digest(data));
	}

	/**
	 * The digest of a text's UTF-8 encoding, in hex.
	 * @param text the text
	 * @return 64 lower-case hex digits
	 */
	public static String hex(String text) {
		return HexFormat.of().formatHex(digest(text));
	}

}
