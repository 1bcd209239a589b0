package org.govtrust.assistant.crypto;

import java.security.PublicKey;
import java.util.Locale;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.govtrust.assistant.AssistantException;
import org.govtrust.assistant.Problem;

/** The key types the assistant generates and signs with; the signature algorithm follows the key. */
public enum KeyAlgorithm {
	RSA("RSA", "SHA256withRSA", "RSA-2048"),
	EC("EC", "SHA256withECDSA", "EC P-256 (secp256r1)"),
	SM2("EC", "SM3withSM2", "SM2 (sm2p256v1)");

	private final String keyPairAlgorithm;

	private final String signatureAlgorithm;

	private final String description;

	KeyAlgorithm(String keyPairAlgorithm, String signatureAlgorithm, String description) {
		this.keyPairAlgorithm = keyPairAlgorithm;
		this.signatureAlgorithm = signatureAlgorithm;
		this.description = description;
	}

	public String keyPairAlgorithm() {
		return keyPairAlgorithm;
	}

	public String signatureAlgorithm() {
		return signatureAlgorithm;
	}

	public String description() {
		return description;
	}

	/** Curve name for EC keys, null for RSA. */
	public String curve() {
		return switch (this) {
			case RSA -> null;
			case EC -> "secp256r1";
			case SM2 -> "sm2p256v1";
		};
	}

	public static KeyAlgorithm parse(String name) {
		if (name == null) {
			throw AssistantException.of(Problem.BAD_REQUEST, "缺少 --algorithm（可选 RSA、EC、SM2）。",
					"--algorithm is missing (RSA, EC or SM2).");
		}
		return switch (name.toUpperCase(Locale.ROOT)) {
			case "RSA", "RSA-2048", "RSA2048" -> RSA;
			case "EC", "ECDSA", "P-256", "P256", "SECP256R1" -> EC;
			case "SM2" -> SM2;
			default -> throw AssistantException.of(Problem.BAD_REQUEST,
					"不支持的密钥算法 " + name + "。请使用 RSA、EC 或 SM2。",
					"Unsupported key algorithm " + name + ". Use RSA, EC or SM2.");
		};
	}

	/** The algorithm of a public key (from its SubjectPublicKeyInfo, so any provider's key works). */
	public static KeyAlgorithm of(PublicKey key) {
		String algorithm = key.getAlgorithm();
		if ("RSA".equalsIgnoreCase(algorithm)) {
			return RSA;
		}
		SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(key.getEncoded());
		ASN1Encodable parameters = info.getAlgorithm().getParameters();
		if (GMObjectIdentifiers.sm2p256v1.equals(parameters)) {
			return SM2;
		}
		if (info.getAlgorithm().getAlgorithm().getId().equals("1.2.840.10045.2.1")) {
			return EC;
		}
		throw AssistantException.of(Problem.NOT_SUPPORTED, "不支持的公钥算法：" + algorithm + "。",
				"Unsupported public key algorithm: " + algorithm + ".");
	}
}
