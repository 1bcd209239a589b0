package org.govtrust.ca.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.govtrust.ca.config.CaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CA hierarchy: a root and the issuing CA that signs legal-person certificates, CRLs and
 * OCSP responses. The keys live in a PKCS#12 file or on a PKCS#11 token (an HSM; SoftHSM2
 * in tests); the hierarchy is created there on first start when none exists. The private
 * keys are used through their provider and never copied out of a PKCS#11 token.
 */
public final class CaHierarchy {

	/** Key store alias of the root CA. */
	public static final String ROOT = "root";

	/** Key store alias of the issuing CA. */
	public static final String ISSUING = "issuing";

	private static final Logger logger = LoggerFactory.getLogger(CaHierarchy.class);

	private final CompletableFuture<Authorities> authorities;

	private CaHierarchy(CompletableFuture<Authorities> authorities) {
		this.authorities = authorities;
	}

	public Authority root() {
		return opened().root();
	}

	public Authority issuing() {
		return opened().issuing();
	}

	/**
	 * Waits until the key store is open.
	 * @throws IllegalStateException why it could not be opened
	 */
	public void awaitOpen() {
		opened();
	}

	private Authorities opened() {
		try {
			return this.authorities.join();
		}
		catch (CompletionException ex) {
			throw new IllegalStateException("The CA key store cannot be opened: " + ex.getCause().getMessage(),
					ex.getCause());
		}
	}

	/**
	 * Starts opening the configured key store on a thread of its own, creating the
	 * hierarchy when it is empty, and returns at once: unlocking the keys (a PKCS#12 file's
	 * key derivation, a token's login) is one of the longest steps of a start and overlaps
	 * the rest of it. Every use of a key waits for it; {@link #awaitOpen()} reports a failure.
	 * @param properties the CA settings
	 * @param clock the clock
	 * @return the hierarchy
	 */
	public static CaHierarchy open(CaProperties properties, Clock clock) {
		CompletableFuture<Authorities> authorities = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				Pki.bouncyCastle();
				authorities.complete("PKCS11".equalsIgnoreCase(properties.keystore().type())
						? openPkcs11(properties, clock) : openPkcs12(properties, clock));
			}
			catch (Throwable ex) {
				authorities.completeExceptionally(ex);
			}
		}, "ca-key-store-open");
		// not a daemon: a first start that fails elsewhere still finishes creating the CA
		// rather than leave half of it in the key store
		thread.start();
		return new CaHierarchy(authorities);
	}

	private record Authorities(Authority root, Authority issuing) {
	}

	private static Authorities openPkcs12(CaProperties properties, Clock clock)
			throws GeneralSecurityException, IOException {
		Path path = Path.of(properties.keystore().path());
		char[] password = properties.keystore().password().toCharArray();
		KeyStore store = KeyStore.getInstance("PKCS12", Pki.BC);
		Provider signing = softwareSigningProvider(properties.algorithm());
		if (Files.exists(path)) {
			try (InputStream in = Files.newInputStream(path)) {
				store.load(in, password);
			}
		}
		else {
			store.load(null, null);
		}
		if (!store.containsAlias(ISSUING)) {
			logger.info("Creating the CA hierarchy ({}) in {}", properties.algorithm(), path);
			create(store, password, properties.algorithm(), Pki.BC, signing, clock);
			Files.createDirectories(path.toAbsolutePath().getParent());
			Path temporary = Files.createTempFile(path.toAbsolutePath().getParent(), "ca", ".p12");
			try (OutputStream out = Files.newOutputStream(temporary)) {
				store.store(out, password);
			}
			Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		return load(store, password, properties.algorithm(), signing);
	}

	private static Authorities openPkcs11(CaProperties properties, Clock clock)
			throws GeneralSecurityException, IOException {
		if (properties.algorithm() == CaProperties.Algorithm.SM2) {
			throw new IllegalStateException("SM2 CA keys need a token with SM2 support; use the PKCS12 key store "
					+ "or EC_P256/RSA_2048 on this PKCS#11 token");
		}
		String library = properties.keystore().pkcs11Library();
		String pin = properties.keystore().pkcs11Pin();
		if (library == null || pin == null) {
			throw new IllegalStateException("govtrust.ca.keystore.pkcs11-library and pkcs11-pin are required for PKCS11");
		}
		StringBuilder config = new StringBuilder("--name=GovTrustCA\nlibrary=").append(library).append('\n');
		if (properties.keystore().pkcs11Slot() >= 0) {
			config.append("slot=").append(properties.keystore().pkcs11Slot()).append('\n');
		}
		else {
			config.append("slotListIndex=0\n");
		}
		// CA keys are made on the token as sensitive, never-extractable token objects (SunPKCS11's
		// default template leaves CKA_SENSITIVE false)
		config.append("attributes(generate, CKO_PRIVATE_KEY, *) = {\n  CKA_TOKEN = true\n  CKA_SENSITIVE = true\n"
				+ "  CKA_EXTRACTABLE = false\n}\n");
		Provider provider = Security.getProvider("SunPKCS11").configure(config.toString());
		KeyStore store = KeyStore.getInstance("PKCS11", provider);
		store.load(null, pin.toCharArray());
		if (!store.containsAlias(ISSUING)) {
			logger.info("Creating the CA hierarchy ({}) on the PKCS#11 token", properties.algorithm());
			create(store, null, properties.algorithm(), provider, provider, clock);
		}
		return load(store, null, properties.algorithm(), provider);
	}

	private static Authorities load(KeyStore store, char[] password, CaProperties.Algorithm algorithm,
			Provider signing) throws GeneralSecurityException {
		return new Authorities(authority(store, ROOT, password, algorithm, signing),
				authority(store, ISSUING, password, algorithm, signing));
	}

	private static Authority authority(KeyStore store, String alias, char[] password,
			CaProperties.Algorithm algorithm, Provider signing) throws GeneralSecurityException {
		PrivateKey key = (PrivateKey) store.getKey(alias, password);
		Certificate certificate = store.getCertificate(alias);
		if (key == null || certificate == null) {
			throw new IllegalStateException("The CA key store has no key and certificate for '" + alias + "'");
		}
		X509Certificate x509 = Pki.certificate(certificate.getEncoded());
		return new Authority(alias, x509, key, signing, signatureAlgorithm(algorithm));
	}

	private static void create(KeyStore store, char[] password, CaProperties.Algorithm algorithm,
			Provider keyProvider, Provider signing, Clock clock) throws GeneralSecurityException, IOException {
		Instant now = clock.instant();
		KeyPair rootKeys = generate(algorithm, keyProvider);
		X500Name rootName = new X500Name("CN=GovTrust Root CA,O=GovTrust,C=CN");
		X509Certificate root = caCertificate(rootName, rootKeys.getPublic(), rootName, rootKeys.getPublic(),
				rootKeys.getPrivate(), signing, algorithm, now, Duration.ofDays(20 * 365), -1);
		KeyPair issuingKeys = generate(algorithm, keyProvider);
		X500Name issuingName = new X500Name("CN=GovTrust Legal Person CA,O=GovTrust,C=CN");
		X509Certificate issuing = caCertificate(issuingName, issuingKeys.getPublic(), rootName, rootKeys.getPublic(),
				rootKeys.getPrivate(), signing, algorithm, now, Duration.ofDays(10 * 365), 0);
		store.setKeyEntry(ROOT, rootKeys.getPrivate(), password, new Certificate[] { root });
		store.setKeyEntry(ISSUING, issuingKeys.getPrivate(), password, new Certificate[] { issuing, root });
	}

	private static X509Certificate caCertificate(X500Name subject, PublicKey subjectKey, X500Name issuer,
			PublicKey issuerKey, PrivateKey signingKey, Provider signing, CaProperties.Algorithm algorithm,
			Instant now, Duration validity, int pathLength) throws GeneralSecurityException, IOException {
		JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, Pki.newSerial(),
				Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), subject, subjectKey);
		builder.addExtension(Extension.basicConstraints, true,
				pathLength < 0 ? new BasicConstraints(true) : new BasicConstraints(pathLength));
		// the issuing CA also signs OCSP responses and unlock codes itself: digitalSignature
		int usage = KeyUsage.keyCertSign | KeyUsage.cRLSign | (pathLength >= 0 ? KeyUsage.digitalSignature : 0);
		builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
		builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey));
		builder.addExtension(Extension.authorityKeyIdentifier, false,
				extensions.createAuthorityKeyIdentifier(issuerKey));
		return Pki.certificate(builder.build(Pki.signer(signatureAlgorithm(algorithm), signingKey, signing))
			.getEncoded());
	}

	static KeyPair generate(CaProperties.Algorithm algorithm, Provider provider) throws GeneralSecurityException {
		KeyPairGenerator generator;
		switch (algorithm) {
			case RSA_2048 -> {
				generator = KeyPairGenerator.getInstance("RSA", provider);
				generator.initialize(2048, new SecureRandom());
			}
			case SM2 -> {
				generator = KeyPairGenerator.getInstance("EC", Pki.BC);
				generator.initialize(new ECGenParameterSpec("sm2p256v1"), new SecureRandom());
			}
			default -> {
				generator = KeyPairGenerator.getInstance("EC", provider);
				generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
			}
		}
		return generator.generateKeyPair();
	}

	/**
	 * The provider that signs with software keys: the JDK's for RSA and ECDSA (its P-256 is
	 * the faster), Bouncy Castle for SM2. (A PKCS#11 provider signs on its own token.)
	 */
	private static Provider softwareSigningProvider(CaProperties.Algorithm algorithm) {
		if (algorithm == CaProperties.Algorithm.SM2) {
			return Pki.BC;
		}
		return Security.getProvider(algorithm == CaProperties.Algorithm.RSA_2048 ? "SunRsaSign" : "SunEC");
	}

	static String signatureAlgorithm(CaProperties.Algorithm algorithm) {
		return switch (algorithm) {
			case RSA_2048 -> "SHA256withRSA";
			case SM2 -> "SM3withSM2";
			default -> "SHA256withECDSA";
		};
	}

	/**
	 * One CA: its certificate and its key, with the provider that signs with it.
	 *
	 * @param name {@code root} or {@code issuing}
	 * @param certificate the CA certificate
	 * @param key the private key (a handle when on a token)
	 * @param provider the signing provider
	 * @param signatureAlgorithm the JCA signature algorithm
	 */
	public record Authority(String name, X509Certificate certificate, PrivateKey key, Provider provider,
			String signatureAlgorithm) {

		/**
		 * Signs bytes with this CA's key.
		 * @param data the bytes
		 * @return the signature
		 */
		public byte[] sign(byte[] data) {
			try {
				java.security.Signature signature = java.security.Signature.getInstance(this.signatureAlgorithm,
						this.provider);
				signature.initSign(this.key);
				signature.update(data);
				return signature.sign();
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("CA signature failed", ex);
			}
		}

		public X500Principal subject() {
			return this.certificate.getSubjectX500Principal();
		}

		public BigInteger serial() {
			return this.certificate.getSerialNumber();
		}

		/**
		 * The certificate in PEM.
		 * @return PEM text
		 */
		public String pem() {
			return Pki.pem(this.certificate);
		}

	}

	/**
	 * The root's and issuing CA's certificates as one PEM chain (issuing first).
	 * @return PEM text
	 */
	public String chainPem() {
		return issuing().pem() + root().pem();
	}

}
