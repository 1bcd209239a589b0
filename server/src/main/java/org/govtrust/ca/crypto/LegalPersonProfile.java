package org.govtrust.ca.crypto;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.function.Supplier;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * The legal-person certificate profile (GM/T 0015 style), for the signing certificate and
 * for the encryption certificate of an SM2 dual pair: the subject names the enterprise
 * with its unified social credit code in {@code OU}; the credit code is also in the GM/T 0015
 * extension {@code 1.2.156.10260.4.1.4} (where Chinese relying parties read it), and the
 * optional housing-fund and social-security numbers in extensions of their own. Every
 * certificate names its CRL (full and delta) and its OCSP responder and issuer certificate,
 * so {@code openssl verify -crl_check} and {@code openssl ocsp} work from the certificate
 * alone.
 */
public final class LegalPersonProfile {

	/** GM/T 0015 OrganizationCode: GovTrust writes the 18-character credit code. */
	public static final ASN1ObjectIdentifier ORGANIZATION_CODE = new ASN1ObjectIdentifier("1.2.156.10260.4.1.4");

	/**
	 * The housing-provident-fund account number. No standard OID exists; this one is a UUID
	 * OID (ITU-T X.667, arc 2.25), which needs no registration and cannot collide.
	 */
	public static final ASN1ObjectIdentifier HOUSING_FUND_NUMBER = new ASN1ObjectIdentifier(
			"2.25.197493194854135565781687497286479219674");

	/** The enterprise social-security registration number (UUID OID, as above). */
	public static final ASN1ObjectIdentifier SOCIAL_SECURITY_NUMBER = new ASN1ObjectIdentifier(
			"2.25.190072152652277249247736202337286314806");

	private final Supplier<CaHierarchy.Authority> issuer;

	private final Endpoints endpoints;

	private final ASN1ObjectIdentifier policy;

	/**
	 * A profile.
	 * @param issuer the issuing CA, asked for on each issuance (the key store may still be opening)
	 * @param endpoints where the certificates point to
	 * @param policyOid the certificate policy
	 */
	public LegalPersonProfile(Supplier<CaHierarchy.Authority> issuer, Endpoints endpoints, String policyOid) {
		this.issuer = issuer;
		this.endpoints = endpoints;
		this.policy = new ASN1ObjectIdentifier(policyOid);
	}

	/**
	 * Issues a signing certificate.
	 * @param subject what it certifies
	 * @param key the subject's public key (from a CSR whose signature was checked)
	 * @param notBefore start of validity
	 * @param notAfter end of validity
	 * @return the certificate
	 */
	public X509Certificate issue(Subject subject, PublicKey key, Instant notBefore, Instant notAfter) {
		return issue(subject, key, notBefore, notAfter, false);
	}

	/**
	 * Issues the encryption certificate of an SM2 dual pair: the same subject and addresses as
	 * the signing certificate, key usage {@code keyEncipherment | dataEncipherment |
	 * keyAgreement}, no client-authentication purpose (it never logs in).
	 * @param subject what it certifies
	 * @param key the KMC's encryption public key
	 * @param notBefore start of validity
	 * @param notAfter end of validity
	 * @return the certificate
	 */
	public X509Certificate issueEncryption(Subject subject, PublicKey key, Instant notBefore, Instant notAfter) {
		return issue(subject, key, notBefore, notAfter, true);
	}

	private X509Certificate issue(Subject subject, PublicKey key, Instant notBefore, Instant notAfter,
			boolean encryption) {
		CaHierarchy.Authority issuer = this.issuer.get();
		try {
			JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.certificate(),
					Pki.newSerial(), Date.from(notBefore), Date.from(notAfter), name(subject), key);
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
			if (encryption) {
				builder.addExtension(Extension.keyUsage, true,
						new KeyUsage(KeyUsage.keyEncipherment | KeyUsage.dataEncipherment | KeyUsage.keyAgreement));
			}
			else {
				builder.addExtension(Extension.keyUsage, true,
						new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
				builder.addExtension(Extension.extendedKeyUsage, false,
						new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
			}
			builder.addExtension(Extension.certificatePolicies, false,
					new CertificatePolicies(new PolicyInformation(this.policy)));
			builder.addExtension(Extension.cRLDistributionPoints, false, distributionPoint(this.endpoints.crl()));
			builder.addExtension(Extension.freshestCRL, false, distributionPoint(this.endpoints.deltaCrl()));
			builder.addExtension(Extension.authorityInfoAccess, false,
					new AuthorityInformationAccess(new AccessDescription[] {
							new AccessDescription(X509ObjectIdentifiers.id_ad_ocsp, uri(this.endpoints.ocsp())),
							new AccessDescription(X509ObjectIdentifiers.id_ad_caIssuers,
									uri(this.endpoints.issuerCertificate())) }));
			builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
			builder.addExtension(Extension.authorityKeyIdentifier, false,
					utils.createAuthorityKeyIdentifier(issuer.certificate()));
			builder.addExtension(ORGANIZATION_CODE, false, new DERPrintableString(subject.creditCode()));
			if (subject.housingFundNumber() != null) {
				builder.addExtension(HOUSING_FUND_NUMBER, false, new DERUTF8String(subject.housingFundNumber()));
			}
			if (subject.socialSecurityNumber() != null) {
				builder.addExtension(SOCIAL_SECURITY_NUMBER, false, new DERUTF8String(subject.socialSecurityNumber()));
			}
			return Pki.certificate(builder
				.build(Pki.signer(issuer.signatureAlgorithm(), issuer.key(), issuer.provider()))
				.getEncoded());
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("certificate issuance failed", ex);
		}
	}

	static X500Name name(Subject subject) {
		return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN")
			.addRDN(BCStyle.O, subject.enterpriseName())
			.addRDN(BCStyle.OU, subject.creditCode())
			.addRDN(BCStyle.CN, subject.enterpriseName())
			.build();
	}

	private static CRLDistPoint distributionPoint(String url) {
		return new CRLDistPoint(new DistributionPoint[] {
				new DistributionPoint(new DistributionPointName(new GeneralNames(uri(url))), null, null) });
	}

	private static GeneralName uri(String url) {
		return new GeneralName(GeneralName.uniformResourceIdentifier, url);
	}

	/**
	 * Reads the credit code back from the GM/T 0015 extension.
	 * @param certificate the certificate
	 * @return the code, or null
	 */
	public static String creditCode(X509Certificate certificate) {
		return extensionText(certificate, ORGANIZATION_CODE);
	}

	/**
	 * Reads a text extension (a DER string inside the extension's OCTET STRING).
	 * @param certificate the certificate
	 * @param oid the extension
	 * @return the text, or null when absent or not text
	 */
	public static String extensionText(X509Certificate certificate, ASN1ObjectIdentifier oid) {
		byte[] value = certificate.getExtensionValue(oid.getId());
		if (value == null) {
			return null;
		}
		try {
			org.bouncycastle.asn1.ASN1Primitive inner = org.bouncycastle.asn1.ASN1Primitive
				.fromByteArray(org.bouncycastle.asn1.ASN1OctetString.getInstance(value).getOctets());
			return (inner instanceof org.bouncycastle.asn1.ASN1String text) ? text.getString() : null;
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * What a certificate certifies.
	 *
	 * @param enterpriseName the registered name
	 * @param creditCode the unified social credit code
	 * @param housingFundNumber optional
	 * @param socialSecurityNumber optional
	 */
	public record Subject(String enterpriseName, String creditCode,
			@org.jspecify.annotations.Nullable String housingFundNumber,
			@org.jspecify.annotations.Nullable String socialSecurityNumber) {

	}

	/**
	 * Where certificates point to.
	 *
	 * @param crl the full CRL
	 * @param deltaCrl the delta CRL
	 * @param ocsp the OCSP responder
	 * @param issuerCertificate the issuing CA's certificate (DER)
	 */
	public record Endpoints(String crl, String deltaCrl, String ocsp, String issuerCertificate) {

		public static Endpoints under(String baseUrl) {
			String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
			return new Endpoints(base + "/ca/crl/issuing.crl", base + "/ca/crl/issuing-delta.crl", base + "/ca/ocsp",
					base + "/ca/certs/issuing.cer");
		}

	}

}
