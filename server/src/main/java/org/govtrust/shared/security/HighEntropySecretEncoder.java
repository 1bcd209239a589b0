package org.govtrust.shared.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes app (client) secrets with SHA-256. GovTrust generates every client secret from 256
 * random bits, so nothing can be guessed and a slow password hash only costs time: with
 * argon2 every client-credentials grant and every introspection paid a full argon2 run.
 * People's passwords keep argon2id. Stored as {@code {sha256}<hex>} in the same delegating
 * encoder, so either kind verifies.
 */
public final class HighEntropySecretEncoder implements PasswordEncoder {

	/** The id in the delegating encoder's prefix. */
	public static final String ID = "sha256";

	@Override
	public String encode(CharSequence rawPassword) {
		return Sha256.hex(rawPassword.toString());
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return encodedPassword != null && MessageDigest.isEqual(encode(rawPassword).getBytes(StandardCharsets.US_ASCII),
				encodedPassword.getBytes(StandardCharsets.US_ASCII));
	}

}
