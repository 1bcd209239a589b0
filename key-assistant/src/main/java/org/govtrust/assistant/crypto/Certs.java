package org.govtrust.assistant.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;
import org.govtrust.assistant.AssistantException;
import org.govtrust.assistant.Problem;

/** Certificate helpers: parsing, PEM, extensions GovTrust cares about, placeholders and CSRs. */
public final class Certs {

	/** Unified social credit code (统一社会信用代码) extension. */
	public static final String CREDIT_CODE_OID = "1.2.156.10260.4.1.4";

	/** Issuer of the self-signed placeholder certificate that keeps a generated key findable until install. */
	public static final X500Principal PLACEHOLDER_ISSUER = new X500Principal(
			"CN=GovTrust key assistant placeholder - not a real certificate,O=GovTrust");

	public static final int RENEWAL_WINDOW_DAYS = 30;

	private static final SecureRandom RANDOM = new SecureRandom();

	private Certs() {
	}

	/** Parses one or more certificates from DER or PEM bytes. */
	public static List<X509Certificate> parseAll(byte[] bytes) {
		List<X509Certificate> result = new ArrayList<>();
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		try {
			if (text.contains("-----BEGIN")) {
				try (PemReader reader = new PemReader(new java.io.StringReader(text))) {
					PemObject object;
					while ((object = reader.readPemObject()) != null) {
						if (object.getType().endsWith("CERTIFICATE")) {
							result.add(parse(object.getContent()));
						}
					}
				}
			}
			else {
				result.add(parse(bytes));
			}
		}
		catch (IOException | RuntimeException e) {
			throw new AssistantException(Problem.BAD_REQUEST, org.govtrust.assistant.Msg.of(
					"无法读取证书文件：它不是 DER 或 PEM 格式的 X.509 证书。请使用 CA 签发的 .cer/.crt/.pem 文件。",
					"Cannot read the certificate: it is not an X.509 certificate in DER or PEM. "
							+ "Use the .cer/.crt/.pem file issued by the CA."), e);
		}
		if (result.isEmpty()) {
			throw AssistantException.of(Problem.BAD_REQUEST, "文件中没有证书。请使用 CA 签发的证书文件。",
					"The file holds no certificate. Use the certificate file issued by the CA.");
		}
		return result;
	}

	/** Parses one DER certificate (with Bouncy Castle, so SM2 certificates work too). */
	public static X509Certificate parse(byte[] der) {
		try {
			CertificateFactory factory = CertificateFactory.getInstance("X.509", Bc.provider());
			return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
		}
		catch (CertificateException e) {
			throw new IllegalArgumentException("not an X.509 certificate", e);
		}
	}

	public static byte[] der(X509Certificate certificate) {
		try {
			return certificate.getEncoded();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	public static String pem(String type, byte[] der) {
		StringWriter out = new StringWriter();
		try (PemWriter writer = new PemWriter(out)) {
			writer.writeObject(new PemObject(type, der));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return out.toString();
	}

	public static String pem(X509Certificate certificate) {
		return pem("CERTIFICATE", der(certificate));
	}

	public static String serialHex(X509Certificate certificate) {
		return serialHex(certificate.getSerialNumber());
	}

	public static String serialHex(BigInteger serial) {
		return serial.toString(16).toLowerCase(Locale.ROOT);
	}

	public static String sha256Fingerprint(X509Certificate certificate) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(der(certificate));
			return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	public static boolean samePublicKey(PublicKey a, PublicKey b) {
		return Arrays.equals(a.getEncoded(), b.getEncoded());
	}

	public static boolean isPlaceholder(X509Certificate certificate) {
		return PLACEHOLDER_ISSUER.equals(certificate.getIssuerX500Principal());
	}

	/** End-entity certificates only (CA certificates of a stored chain are not login certificates). */
	public static boolean isEndEntity(X509Certificate certificate) {
		return certificate.getBasicConstraints() < 0;
	}

	public static long daysLeft(X509Certificate certificate, Instant now) {
		return Duration.between(now, certificate.getNotAfter().toInstant()).toDays();
	}

	public static boolean isValidAt(X509Certificate certificate, Instant now) {
		return !now.isBefore(certificate.getNotBefore().toInstant()) && !now.isAfter(certificate.getNotAfter().toInstant());
	}

	/** True within the renewal window (30 days before notAfter), and after expiry. */
	public static boolean renewalDue(X509Certificate certificate, Instant now) {
		return !now.isBefore(certificate.getNotAfter().toInstant().minus(Duration.ofDays(RENEWAL_WINDOW_DAYS)));
	}

	/** The unified social credit code from extension 1.2.156.10260.4.1.4, or null. */
	public static String creditCode(X509Certificate certificate) {
		byte[] extension = certificate.getExtensionValue(CREDIT_CODE_OID);
		if (extension == null) {
			return null;
		}
		byte[] inner = ASN1OctetString.getInstance(extension).getOctets();
		try {
			ASN1Primitive value = ASN1Primitive.fromByteArray(inner);
			if (value instanceof ASN1String string) {
				return string.getString();
			}
		}
		catch (IOException | RuntimeException e) {
			// not DER: some CAs put the plain text in the OCTET STRING
		}
		return new String(inner, StandardCharsets.UTF_8);
	}

	public static List<String> ocspUrls(X509Certificate certificate) {
		return aiaUrls(certificate, AccessDescription.id_ad_ocsp.getId());
	}

	public static List<String> caIssuerUrls(X509Certificate certificate) {
		return aiaUrls(certificate, AccessDescription.id_ad_caIssuers.getId());
	}

	private static List<String> aiaUrls(X509Certificate certificate, String method) {
		List<String> urls = new ArrayList<>();
		byte[] extension = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
		if (extension == null) {
			return urls;
		}
		AuthorityInformationAccess aia = AuthorityInformationAccess
			.getInstance(ASN1OctetString.getInstance(extension).getOctets());
		for (AccessDescription description : aia.getAccessDescriptions()) {
			if (description.getAccessMethod().getId().equals(method)
					&& description.getAccessLocation().getTagNo() == GeneralName.uniformResourceIdentifier) {
				urls.add(((ASN1String) description.getAccessLocation().getName()).getString());
			}
		}
		return urls;
	}

	public static List<String> crlUrls(X509Certificate certificate) {
		List<String> urls = new ArrayList<>();
		byte[] extension = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
		if (extension == null) {
			return urls;
		}
		CRLDistPoint points = CRLDistPoint.getInstance(ASN1OctetString.getInstance(extension).getOctets());
		for (DistributionPoint point : points.getDistributionPoints()) {
			DistributionPointName name = point.getDistributionPoint();
			if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
				for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
					if (general.getTagNo() == GeneralName.uniformResourceIdentifier) {
						urls.add(((ASN1String) general.getName()).getString());
					}
				}
			}
		}
		return urls;
	}

	/** Key usage names, each "中文 english". */
	public static List<String> keyUsage(X509Certificate certificate) {
		String[] names = { "数字签名 digitalSignature", "不可否认 nonRepudiation", "密钥加密 keyEncipherment",
				"数据加密 dataEncipherment", "密钥协商 keyAgreement", "证书签名 keyCertSign", "CRL 签名 cRLSign",
				"仅加密 encipherOnly", "仅解密 decipherOnly" };
		List<String> result = new ArrayList<>();
		boolean[] usage = certificate.getKeyUsage();
		if (usage != null) {
			for (int i = 0; i < usage.length && i < names.length; i++) {
				if (usage[i]) {
					result.add(names[i]);
				}
			}
		}
		return result;
	}

	/** Whether {@code certificate} is signed by {@code issuer}'s key (any algorithm, SM2 included). */
	public static boolean isSignedBy(X509Certificate certificate, X509Certificate issuer) {
		try {
			X509CertificateHolder holder = new X509CertificateHolder(der(certificate));
			return holder.isSignatureValid(
					new JcaContentVerifierProviderBuilder().setProvider(Bc.provider()).build(issuer.getPublicKey()));
		}
		catch (Exception e) {
			return false;
		}
	}

	/** A short-lived self-signed stand-in that keeps a freshly generated key on the token until install. */
	public static X509Certificate placeholder(X500Name subject, PublicKey publicKey, PrivateKey privateKey,
			Provider signingProvider) {
		Instant now = Instant.now();
		JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
				X500Name.getInstance(PLACEHOLDER_ISSUER.getEncoded()), new BigInteger(64, RANDOM).setBit(63),
				Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(365 * 5))), subject,
				publicKey);
		ContentSigner signer = signer(KeyAlgorithm.of(publicKey), privateKey, signingProvider);
		try {
			return new JcaX509CertificateConverter().setProvider(Bc.provider()).getCertificate(builder.build(signer));
		}
		catch (CertificateException e) {
			throw new IllegalStateException(e);
		}
	}

	public static PKCS10CertificationRequest csr(X500Name subject, PublicKey publicKey, PrivateKey privateKey,
			Provider signingProvider) {
		return new JcaPKCS10CertificationRequestBuilder(subject, publicKey)
			.build(signer(KeyAlgorithm.of(publicKey), privateKey, signingProvider));
	}

	public static String csrPem(PKCS10CertificationRequest csr) {
		try {
			return pem("CERTIFICATE REQUEST", csr.getEncoded());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static ContentSigner signer(KeyAlgorithm algorithm, PrivateKey privateKey, Provider provider) {
		try {
			return new JcaContentSignerBuilder(algorithm.signatureAlgorithm()).setProvider(provider).build(privateKey);
		}
		catch (OperatorCreationException e) {
			throw new IllegalStateException("cannot sign with " + algorithm, e);
		}
	}

	public static X500Name parseSubject(String subject) {
		if (subject == null || subject.isBlank()) {
			throw AssistantException.of(Problem.BAD_REQUEST, "缺少 --subject，例如 \"CN=示例科技有限公司,O=示例科技有限公司,C=CN\"。",
					"--subject is missing, e.g. \"CN=Example Ltd,O=Example Ltd,C=CN\".");
		}
		try {
			// RFC 4514 order, as Java reads it: "CN=...,O=...,C=CN" is encoded C first
			return X500Name.getInstance(new X500Principal(subject).getEncoded());
		}
		catch (RuntimeException e) {
			throw AssistantException.of(Problem.BAD_REQUEST, "主题格式不正确：" + subject + "。格式示例：\"CN=名称,O=单位,C=CN\"。",
					"Malformed subject: " + subject + ". Example: \"CN=Name,O=Organisation,C=CN\".");
		}
	}

	public static X500Name subjectOf(X509Certificate certificate) {
		return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
	}

	/** The leaf followed by its issuers found in {@code pool} (by name), up to a self-signed root. */
	public static X509Certificate[] chain(X509Certificate leaf, List<X509Certificate> pool) {
		List<X509Certificate> chain = new ArrayList<>();
		chain.add(leaf);
		X509Certificate current = leaf;
		while (chain.size() < 10 && !current.getIssuerX500Principal().equals(current.getSubjectX500Principal())) {
			X509Certificate next = null;
			for (X509Certificate candidate : pool) {
				if (candidate.getSubjectX500Principal().equals(current.getIssuerX500Principal())
						&& !chain.contains(candidate)) {
					next = candidate;
					break;
				}
			}
			if (next == null) {
				break;
			}
			chain.add(next);
			current = next;
		}
		return chain.toArray(new X509Certificate[0]);
	}
}
