package org.govtrust.assistant.crypto;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;

/** Signing and verifying with the algorithm that follows the key. */
public final class Signatures {

	private Signatures() {
	}

	public static byte[] sign(String algorithm, PrivateKey key, Provider provider, byte[] data) {
		try {
			Signature signature = Signature.getInstance(algorithm, provider);
			signature.initSign(key);
			signature.update(data);
			return signature.sign();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("signing with " + algorithm + " failed: " + e.getMessage(), e);
		}
	}

	public static boolean verify(String algorithm, PublicKey key, byte[] data, byte[] signatureBytes) {
		try {
			Signature signature = Signature.getInstance(algorithm, Bc.provider());
			signature.initVerify(key);
			signature.update(data);
			return signature.verify(signatureBytes);
		}
		catch (GeneralSecurityException | RuntimeException e) {
			return false;
		}
	}
}
