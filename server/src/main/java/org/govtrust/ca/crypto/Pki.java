package org.govtrust.ca.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Locale;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.govtrust.shared.security.Sha256;

/**
 * Small PKI helpers over Bouncy Castle: parsing (the JDK cannot parse SM2 certificates),
 * PEM, serial numbers, signers, and the key types GovTrust accepts.
 */
public final class Pki {

	/** The Bouncy Castle provider instance used for parsing and SM2. */
	public static final Provider BC = bouncyCastle();

	private static final SecureRandom random = new SecureRandom();

	private Pki() {
	}

	static synchronized Provider bouncyCastle() {
		Provider installed = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
		if (installed == null) {
			installed = new BouncyCastleProvider();
			// after the JDK's own providers: only asked for what they lack (SM2, SM3)
			Security.addProvider(installed);
		}
		return installed;
	}

	/**
	 * A certificate serial: 16 random octets, positive (RFC 5280 allows up to 20).
	 * @return the serial
	 */
	public static BigInteger newSerial() {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		bytes[0] &= 0x7f;
		if (bytes[0] == 0) {
			bytes[0] = 0x01;
		}
		return new BigInteger(1, bytes);
	}

	/**
	 * A serial as GovTrust stores and shows it: lowercase hex.
	 * @param serial the serial
	 * @return hex
	 */
	public static String hex(BigInteger serial) {
		return serial.toString(16);
	}

	public static X509Certificate certificate(byte[] der) {
		try {
			return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509", BC)
				.generateCertificate(new ByteArrayInputStream(der));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("not an X.509 certificate: " + ex.getMessage(), ex);
		}
	}

	public static String pem(Object object) {
		StringWriter text = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
			writer.writeObject(object);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return text.toString();
	}

	/**
	 * Reads a PKCS#10 request from PEM (with or without the NEW marker) or base64 DER.
	 * @param text the request
	 * @return the request, or null when it is not one
	 */
	public static PKCS10CertificationRequest csr(String text) {
		String trimmed = text.strip();
		try {
			if (trimmed.startsWith("-----BEGIN")) {
				try (PEMParser parser = new PEMParser(new StringReader(trimmed))) {
					Object object = parser.readObject();
					return (object instanceof PKCS10CertificationRequest request) ? request : null;
				}
			}
			return new PKCS10CertificationRequest(java.util.Base64.getMimeDecoder().decode(trimmed));
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	static ContentSigner signer(String algorithm, PrivateKey key, Provider provider) {
		try {
			return new JcaContentSignerBuilder(algorithm).setProvider(provider).build(key);
		}
		catch (OperatorCreationException ex) {
			throw new IllegalStateException("no signer for " + algorithm, ex);
		}
	}

	/**
	 * The key type of a public key, and whether GovTrust accepts it for a certificate.
	 * @param key the key
	 * @return {@code RSA-2048}, {@code EC-P256}, {@code SM2}, or null when not accepted
	 */
	public static String keyType(PublicKey key) {
		if (key instanceof RSAPublicKey rsa) {
			int bits = rsa.getModulus().bitLength();
			return bits >= 2048 ? "RSA-" + bits : null;
		}
		if (key instanceof ECPublicKey) {
			ASN1ObjectIdentifier curve = curve(key);
			if (X9ObjectIdentifiers.prime256v1.equals(curve)) {
				return "EC-P256";
			}
			if (GMObjectIdentifiers.sm2p256v1.equals(curve)) {
				return "SM2";
			}
		}
		return null;
	}

	private static ASN1ObjectIdentifier curve(PublicKey key) {
		org.bouncycastle.asn1.x509.SubjectPublicKeyInfo info = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo
			.getInstance(key.getEncoded());
		return (info.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier oid) ? oid : null;
	}

	/**
	 * The signature algorithm a key of this type signs with.
	 * @param keyType from {@link #keyType}
	 * @return the JCA name
	 */
	public static String signatureAlgorithm(String keyType) {
		if (keyType.startsWith("RSA")) {
			return "SHA256withRSA";
		}
		return "SM2".equals(keyType) ? "SM3withSM2" : "SHA256withECDSA";
	}

	/**
	 * Verifies a signature by a certificate's key over bytes. The algorithm follows the key;
	 * a named algorithm that does not fit the key is refused.
	 * @param certificate the certificate
	 * @param data the signed bytes
	 * @param signature the signature
	 * @return whether it verifies
	 */
	public static boolean verify(X509Certificate certificate, byte[] data, byte[] signature) {
		String type = keyType(certificate.getPublicKey());
		if (type == null) {
			return false;
		}
		try {
			Signature verifier = "SM2".equals(type) ? Signature.getInstance("SM3withSM2", BC)
					: Signature.getInstance(signatureAlgorithm(type));
			verifier.initVerify(certificate.getPublicKey());
			verifier.update(data);
			return verifier.verify(signature);
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			return false;
		}
	}

	/**
	 * The SHA-256 of a public key's encoding, hex.
	 * @param key the key
	 * @return hex
	 */
	public static String fingerprint(PublicKey key) {
		return Sha256.hex(key.getEncoded());
	}

	/**
	 * A serial from hex text, or null.
	 * @param hex the text
	 * @return the serial
	 */
	public static BigInteger serial(String hex) {
		try {
			return new BigInteger(hex.strip().toLowerCase(Locale.ROOT), 16);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
