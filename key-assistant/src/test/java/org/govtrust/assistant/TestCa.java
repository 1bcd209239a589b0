package org.govtrust.assistant;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.govtrust.assistant.crypto.Bc;
import org.govtrust.assistant.crypto.Certs;
import org.govtrust.assistant.crypto.KeyAlgorithm;
import org.govtrust.assistant.crypto.Signatures;

/** A certificate authority made with Bouncy Castle for the tests: issues certificates, CRLs, OCSP answers and unlock codes. */
public final class TestCa {

	public static final String CREDIT_CODE = "91110000MA01ABCD2X";

	private static final AtomicLong SERIALS = new AtomicLong(0x1000);

	public final KeyAlgorithm algorithm;

	public final KeyPair keyPair;

	public final X509Certificate certificate;

	/** Base URL written into AIA / CDP of issued certificates (may be null). */
	public final String baseUrl;

	private TestCa(KeyAlgorithm algorithm, KeyPair keyPair, X509Certificate certificate, String baseUrl) {
		this.algorithm = algorithm;
		this.keyPair = keyPair;
		this.certificate = certificate;
		this.baseUrl = baseUrl;
	}

	public static KeyPair keyPair(KeyAlgorithm algorithm) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.keyPairAlgorithm(), Bc.provider());
			if (algorithm == KeyAlgorithm.RSA) {
				generator.initialize(2048);
			}
			else {
				generator.initialize(new ECGenParameterSpec(algorithm.curve()));
			}
			return generator.generateKeyPair();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	public static TestCa create(KeyAlgorithm algorithm, String baseUrl) {
		KeyPair pair = keyPair(algorithm);
		X500Name name = new X500Name("CN=GovTrust Test Issuing CA,O=GovTrust Test,C=CN");
		Instant now = Instant.now();
		try {
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(SERIALS.incrementAndGet()),
					Date.from(now.minus(Duration.ofDays(365))), Date.from(now.plus(Duration.ofDays(3650))), name,
					pair.getPublic());
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			X509Certificate certificate = Certs.parse(builder.build(signer(algorithm, pair)).getEncoded());
			return new TestCa(algorithm, pair, certificate, baseUrl);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	static ContentSigner signer(KeyAlgorithm algorithm, KeyPair pair) {
		try {
			return new JcaContentSignerBuilder(algorithm.signatureAlgorithm()).setProvider(Bc.provider()).build(pair.getPrivate());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	public X509Certificate issue(PKCS10CertificationRequest csr, Instant notBefore, Instant notAfter) {
		try {
			JcaPKCS10CertificationRequest request = new JcaPKCS10CertificationRequest(csr).setProvider(Bc.provider());
			return issue(request.getPublicKey(), csr.getSubject(), notBefore, notAfter);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	public X509Certificate issue(PKCS10CertificationRequest csr) {
		Instant now = Instant.now();
		return issue(csr, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
	}

	public X509Certificate issue(PublicKey subjectKey, X500Name subject, Instant notBefore, Instant notAfter) {
		try {
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
					X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
					BigInteger.valueOf(SERIALS.incrementAndGet()).shiftLeft(40).add(BigInteger.valueOf(0xABCDEF)),
					Date.from(notBefore), Date.from(notAfter), subject, subjectKey);
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
			if (baseUrl != null) {
				builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[] {
						new AccessDescription(AccessDescription.id_ad_ocsp,
								new GeneralName(GeneralName.uniformResourceIdentifier, baseUrl + "/ocsp")),
						new AccessDescription(AccessDescription.id_ad_caIssuers,
								new GeneralName(GeneralName.uniformResourceIdentifier, baseUrl + "/ca.cer")) }));
				builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
						new DistributionPoint(new DistributionPointName(new GeneralNames(
								new GeneralName(GeneralName.uniformResourceIdentifier, baseUrl + "/ca.crl"))), null, null) }));
			}
			builder.addExtension(new ASN1ObjectIdentifier(Certs.CREDIT_CODE_OID), false, new DERPrintableString(CREDIT_CODE));
			return Certs.parse(builder.build(signer(algorithm, keyPair)).getEncoded());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** A CRL listing the given serials (value: CRLReason code). */
	public byte[] crl(Map<BigInteger, Integer> revoked, Instant thisUpdate, Instant nextUpdate) {
		try {
			X509v2CRLBuilder builder = new X509v2CRLBuilder(
					X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()), Date.from(thisUpdate));
			builder.setNextUpdate(Date.from(nextUpdate));
			for (Map.Entry<BigInteger, Integer> entry : revoked.entrySet()) {
				builder.addCRLEntry(entry.getKey(), Date.from(thisUpdate.minus(Duration.ofHours(1))), entry.getValue());
			}
			return builder.build(signer(algorithm, keyPair)).getEncoded();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** Answers an OCSP request; {@code status} maps a serial to GOOD (null), a RevokedStatus or UnknownStatus. */
	public byte[] ocsp(byte[] requestDer, java.util.function.Function<BigInteger, CertificateStatus> status) {
		try {
			OCSPReq request = new OCSPReq(requestDer);
			BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(
					new JcaX509CertificateHolder(certificate).getSubjectPublicKeyInfo(),
					new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1));
			Date now = new Date();
			Date next = Date.from(Instant.now().plus(Duration.ofDays(1)));
			for (Req req : request.getRequestList()) {
				CertificateID id = req.getCertID();
				builder.addResponse(id, status.apply(id.getSerialNumber()), now, next, null);
			}
			Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
			if (nonce != null) {
				builder.setResponseExtensions(new Extensions(nonce));
			}
			return new OCSPRespBuilder()
				.build(OCSPRespBuilder.SUCCESSFUL,
						builder.build(signer(algorithm, keyPair), new X509CertificateHolder[0], now))
				.getEncoded();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	public static CertificateStatus revoked(int reason) {
		return new RevokedStatus(Date.from(Instant.now().minus(Duration.ofHours(2))), reason);
	}

	public static CertificateStatus unknown() {
		return new UnknownStatus();
	}

	/** An unlock code as the GovTrust server makes it: payload signed by this (issuing) CA. */
	public String unlockCode(String tokenId, String nonce, String serialHex, long expiryEpochSeconds) {
		byte[] payload = ("govtrust-unlock|" + tokenId + "|" + nonce + "|" + serialHex + "|" + expiryEpochSeconds)
			.getBytes(StandardCharsets.UTF_8);
		byte[] signature = Signatures.sign(algorithm.signatureAlgorithm(), keyPair.getPrivate(), Bc.provider(), payload);
		Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
		return b64.encodeToString(payload) + "." + b64.encodeToString(signature);
	}
}
