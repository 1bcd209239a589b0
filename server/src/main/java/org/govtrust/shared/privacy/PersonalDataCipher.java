package org.govtrust.shared.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.util.Assert;

/**
 * Encrypts personal data (ID numbers, phone numbers) for storage with AES-256-GCM and
 * derives a keyed hash (HMAC-SHA-256) for uniqueness and lookup, so the database never
 * holds them in clear and cannot be searched without the key.
 */
public final class PersonalDataCipher {

	private static final byte VERSION = 1;

	private static final int IV_LENGTH = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec encryptionKey;

	private final SecretKeySpec lookupKey;

	private final SecureRandom random = new SecureRandom();

	public PersonalDataCipher(byte[] encryptionKey, byte[] lookupKey) {
		Assert.isTrue(encryptionKey.length == 32, "encryptionKey must be 256 bits");
		Assert.isTrue(lookupKey.length == 32, "lookupKey must be 256 bits");
		this.encryptionKey = new SecretKeySpec(encryptionKey, "AES");
		this.lookupKey = new SecretKeySpec(lookupKey, "HmacSHA256");
	}

	/**
	 * Encrypts a value for storage.
	 * @param plain the value, must not be null
	 * @return base64 of version, IV and ciphertext with tag
	 */
	public String encrypt(String plain) {
		Assert.notNull(plain, "plain must not be null");
		try {
			byte[] iv = new byte[IV_LENGTH];
			this.random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(new byte[] { VERSION });
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			ByteBuffer out = ByteBuffer.allocate(1 + IV_LENGTH + sealed.length);
			out.put(VERSION).put(iv).put(sealed);
			return Base64.getEncoder().encodeToString(out.array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Personal-data encryption failed", ex);
		}
	}

	/**
	 * Decrypts a value made by {@link #encrypt(String)}.
	 * @param stored the stored form
	 * @return the plain value
	 * @throws IllegalStateException if the value was tampered with or the key is wrong
	 */
	public String decrypt(String stored) {
		byte[] all;
		try {
			all = Base64.getDecoder().decode(stored);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Personal-data value is not base64", ex);
		}
		if (all.length < 1 + IV_LENGTH + 16 || all[0] != VERSION) {
			throw new IllegalStateException("Unknown personal-data format");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.encryptionKey, new GCMParameterSpec(TAG_BITS, all, 1, IV_LENGTH));
			cipher.updateAAD(new byte[] { VERSION });
			byte[] plain = cipher.doFinal(all, 1 + IV_LENGTH, all.length - 1 - IV_LENGTH);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Personal-data decryption failed (wrong key or tampered value)", ex);
		}
	}

	/**
	 * The keyed lookup hash of a canonical value. The same value always gives the same hash
	 * under one key; without the key the hash reveals nothing searchable.
	 * @param kind a domain separator such as {@code "id"} or {@code "phone"}
	 * @param canonical the canonical value (e.g. the 18-character ID number)
	 * @return 64 lowercase hex characters
	 */
	public String lookupHash(String kind, String canonical) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.lookupKey);
			mac.update(kind.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Lookup hash failed", ex);
		}
	}

}
