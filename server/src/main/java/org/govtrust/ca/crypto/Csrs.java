package org.govtrust.ca.crypto;

import java.security.PublicKey;

import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.jspecify.annotations.Nullable;

/**
 * Certificate requests: parsed, their self-signature checked (proof that the requester holds
 * the private key), their key type checked against what GovTrust certifies.
 */
public final class Csrs {

	private Csrs() {
	}

	/** What can be wrong with a request. */
	public enum Problem {

		/** Nothing: the key is usable. */
		NONE,
		/** Not a PKCS#10 request. */
		NOT_A_REQUEST,
		/** The self-signature does not verify. */
		SIGNATURE,
		/** A key type GovTrust does not certify. */
		KEY_TYPE

	}

	/**
	 * The outcome.
	 *
	 * @param problem what is wrong, or NONE
	 * @param key the public key when usable
	 * @param detail the key type found, for KEY_TYPE
	 */
	public record Result(Problem problem, @Nullable PublicKey key, String detail) {

	}

	public static @Nullable PKCS10CertificationRequest parse(String text) {
		return text == null ? null : Pki.csr(text);
	}

	/**
	 * The request's DER encoding (what a renewal proof signs).
	 * @param text the request
	 * @return the DER, or null when it is not a request
	 */
	public static byte @Nullable [] der(String text) {
		PKCS10CertificationRequest request = parse(text);
		try {
			return request == null ? null : request.getEncoded();
		}
		catch (java.io.IOException ex) {
			return null;
		}
	}

	public static Result verifiedKey(String text) {
		PKCS10CertificationRequest request = parse(text);
		if (request == null) {
			return new Result(Problem.NOT_A_REQUEST, null, "");
		}
		try {
			PublicKey key = new JcaPKCS10CertificationRequest(request).setProvider(Pki.BC).getPublicKey();
			if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Pki.BC).build(key))) {
				return new Result(Problem.SIGNATURE, null, "");
			}
			String type = Pki.keyType(key);
			if (type == null) {
				return new Result(Problem.KEY_TYPE, null, key.getAlgorithm());
			}
			return new Result(Problem.NONE, key, type);
		}
		catch (Exception ex) {
			return new Result(Problem.SIGNATURE, null, "");
		}
	}

}
