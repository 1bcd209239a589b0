package org.govtrust.ca.crypto;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.Random;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The CRLs are assembled from encoded parts ({@link RevocationLists.Builder}); these tests hold
 * them to the DER Bouncy Castle's own {@code X509v2CRLBuilder} makes from the same input, byte
 * for byte: with RSA (PKCS #1 v1.5 signatures are deterministic) the whole CRL, with ECDSA the
 * signed part, and the signature must verify.
 */
class RevocationListsTests {

	private static final Instant THIS_UPDATE = Instant.parse("2026-12-03T10:00:00Z");

	private static final Instant NEXT_UPDATE = Instant.parse("2026-12-04T10:00:00Z");

	private static final String POINT = "http://localhost:8080/ca/crl/issuing.crl";

	@Test
	void rsaCrlIsTheDerBouncyCastleMakes() throws Exception {
		CaHierarchy.Authority authority = authority("RSA", 2048, "SHA256withRSA");
		Entry[] entries = entries(40_000); // about 1.6 MB of entries: more than one buffer chunk
		byte[] ours = ours(authority, BigInteger.valueOf(7), null, POINT, entries);
		assertThat(ours).isEqualTo(bouncyCastle(authority, BigInteger.valueOf(7), null, POINT, entries));
		X509CRL crl = RevocationLists.parse(ours);
		crl.verify(authority.certificate().getPublicKey());
		assertThat(crl.getRevokedCertificates()).hasSize(entries.length);
	}

	@Test
	void deltaCrlWithEveryReasonAndDatesOnBothSidesOf2050IsTheDerBouncyCastleMakes() throws Exception {
		CaHierarchy.Authority authority = authority("RSA", 2048, "SHA256withRSA");
		Entry[] entries = new Entry[11];
		for (int reason = 0; reason <= 10; reason++) {
			if (reason == 7) { // not a CRLReason (RFC 5280 §5.3.1)
				entries[reason] = new Entry(BigInteger.valueOf(1000 + reason), Instant.parse("2051-01-01T00:00:00Z"), 0);
				continue;
			}
			entries[reason] = new Entry(BigInteger.valueOf(1000 + reason), THIS_UPDATE.minusSeconds(reason), reason);
		}
		byte[] ours = ours(authority, BigInteger.valueOf(9), BigInteger.valueOf(8), null, entries);
		assertThat(ours).isEqualTo(bouncyCastle(authority, BigInteger.valueOf(9), BigInteger.valueOf(8), null, entries));
		X509CRLEntry removed = RevocationLists.parse(ours).getRevokedCertificate(BigInteger.valueOf(1008));
		assertThat(removed.getRevocationReason()).isEqualTo(java.security.cert.CRLReason.REMOVE_FROM_CRL);
		X509CRLEntry unspecified = RevocationLists.parse(ours).getRevokedCertificate(BigInteger.valueOf(1000));
		assertThat(unspecified.hasExtensions()).isFalse();
	}

	@Test
	void emptyCrlLeavesOutTheListOfRevokedCertificatesAsBouncyCastleDoes() throws Exception {
		CaHierarchy.Authority authority = authority("RSA", 2048, "SHA256withRSA");
		byte[] ours = ours(authority, BigInteger.ONE, null, null);
		assertThat(ours).isEqualTo(bouncyCastle(authority, BigInteger.ONE, null, null));
		assertThat(RevocationLists.parse(ours).getRevokedCertificates()).isNull();
	}

	@Test
	void ecdsaCrlSignsTheTbsBouncyCastleMakes() throws Exception {
		CaHierarchy.Authority authority = authority("EC", 256, "SHA256withECDSA");
		Entry[] entries = entries(500);
		byte[] ours = ours(authority, BigInteger.TEN, null, POINT, entries);
		X509CRLHolder theirs = new X509CRLHolder(bouncyCastle(authority, BigInteger.TEN, null, POINT, entries));
		assertThat(new X509CRLHolder(ours).toASN1Structure().getTBSCertList().getEncoded())
			.isEqualTo(theirs.toASN1Structure().getTBSCertList().getEncoded());
		RevocationLists.parse(ours).verify(authority.certificate().getPublicKey());
	}

	@Test
	void entriesThatFillTheirLastBufferChunkExactlyAreAllWritten() throws Exception {
		CaHierarchy.Authority authority = authority("RSA", 2048, "SHA256withRSA");
		// an entry without a reason, revoked before 2050, is 20 bytes with a one-byte serial and
		// 21 with a two-byte one: 104,845 x 20 + 12 x 21 = 2 MiB, two chunks filled exactly
		Entry[] entries = new Entry[104_857];
		for (int i = 0; i < entries.length; i++) {
			BigInteger serial = BigInteger.valueOf((i < 12) ? 0x100 + i : 1 + i % 127);
			entries[i] = new Entry(serial, THIS_UPDATE, 0);
		}
		byte[] ours = ours(authority, BigInteger.TWO, null, null, entries);
		assertThat(ours).isEqualTo(bouncyCastle(authority, BigInteger.TWO, null, null, entries));
		assertThat(new X509CRLHolder(ours).getRevokedCertificates()).hasSize(entries.length);
	}

	@Test
	void updateTimesOnBothSidesOf2050AreTheDerBouncyCastleMakes() throws Exception {
		CaHierarchy.Authority authority = authority("RSA", 2048, "SHA256withRSA");
		Instant lastUtcTime = Instant.parse("2049-12-31T23:59:59Z");
		Instant firstGeneralizedTime = Instant.parse("2050-01-01T00:00:00Z");
		Entry[] entries = { new Entry(BigInteger.valueOf(5), lastUtcTime, 1),
				new Entry(BigInteger.valueOf(6), firstGeneralizedTime, 1) };
		assertThat(ours(authority, lastUtcTime, firstGeneralizedTime, BigInteger.ONE, null, POINT, entries)).isEqualTo(
				bouncyCastle(authority, lastUtcTime, firstGeneralizedTime, BigInteger.ONE, null, POINT, entries));
	}

	@Test
	void signedBuilderTakesNoMoreEntries() throws Exception {
		CaHierarchy.Authority authority = authority("EC", 256, "SHA256withECDSA");
		RevocationLists.Builder builder = new RevocationLists(() -> authority).start(BigInteger.ONE, null, THIS_UPDATE,
				NEXT_UPDATE, null);
		builder.add(BigInteger.TEN, THIS_UPDATE, 1).sign();
		assertThatIllegalStateException()
			.isThrownBy(() -> builder.add(BigInteger.TWO, THIS_UPDATE, 1));
		assertThatIllegalStateException().isThrownBy(builder::sign);
	}

	@Test
	void sequenceHeaderUsesTheShortestDefiniteLength() {
		assertThat(RevocationLists.header(0)).containsExactly(0x30, 0x00);
		assertThat(RevocationLists.header(127)).containsExactly(0x30, 0x7f);
		assertThat(RevocationLists.header(128)).containsExactly(0x30, 0x81, 0x80);
		assertThat(RevocationLists.header(256)).containsExactly(0x30, 0x82, 0x01, 0x00);
		assertThat(RevocationLists.header(50_000_000)).containsExactly(0x30, 0x84, 0x02, 0xfa, 0xf0, 0x80);
	}

	private static byte[] ours(CaHierarchy.Authority authority, BigInteger number, BigInteger deltaOf, String point,
			Entry... entries) {
		return ours(authority, THIS_UPDATE, NEXT_UPDATE, number, deltaOf, point, entries);
	}

	private static byte[] ours(CaHierarchy.Authority authority, Instant thisUpdate, Instant nextUpdate,
			BigInteger number, BigInteger deltaOf, String point, Entry... entries) {
		RevocationLists.Builder builder = new RevocationLists(() -> authority).start(number, deltaOf, thisUpdate,
				nextUpdate, point);
		for (Entry entry : entries) {
			builder.add(entry.serial(), entry.at(), entry.reason());
		}
		return builder.sign();
	}

	private static byte[] bouncyCastle(CaHierarchy.Authority authority, BigInteger number, BigInteger deltaOf,
			String point, Entry... entries) throws Exception {
		return bouncyCastle(authority, THIS_UPDATE, NEXT_UPDATE, number, deltaOf, point, entries);
	}

	private static byte[] bouncyCastle(CaHierarchy.Authority authority, Instant thisUpdate, Instant nextUpdate,
			BigInteger number, BigInteger deltaOf, String point, Entry... entries) throws Exception {
		X509v2CRLBuilder crl = new X509v2CRLBuilder(
				X500Name.getInstance(authority.certificate().getSubjectX500Principal().getEncoded()),
				Date.from(thisUpdate));
		crl.setNextUpdate(Date.from(nextUpdate));
		crl.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
		crl.addExtension(Extension.authorityKeyIdentifier, false,
				new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(authority.certificate()));
		if (point != null) {
			crl.addExtension(Extension.issuingDistributionPoint, true, new IssuingDistributionPoint(
					new DistributionPointName(new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, point))),
					false, false, null, false, false));
		}
		if (deltaOf != null) {
			crl.addExtension(Extension.deltaCRLIndicator, true, new CRLNumber(deltaOf));
		}
		for (Entry entry : entries) {
			crl.addCRLEntry(entry.serial(), Date.from(entry.at()), entry.reason());
		}
		return crl.build(new JcaContentSignerBuilder(authority.signatureAlgorithm()).setProvider(authority.provider())
			.build(authority.key())).getEncoded();
	}

	private static Entry[] entries(int count) {
		Random random = new Random(42);
		Entry[] entries = new Entry[count];
		int[] reasons = { 0, 1, 4, 5, 6 };
		for (int i = 0; i < count; i++) {
			entries[i] = new Entry(new BigInteger(159, random), THIS_UPDATE.minusSeconds(random.nextInt(10_000_000)),
					reasons[i % reasons.length]);
		}
		return entries;
	}

	private static CaHierarchy.Authority authority(String type, int size, String signatureAlgorithm) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance(type);
		generator.initialize(size);
		KeyPair pair = generator.generateKeyPair();
		X500Name name = new X500Name("CN=GovTrust Test Issuing CA,O=GovTrust,C=CN");
		X509Certificate certificate = new JcaX509CertificateConverter().setProvider(Pki.BC)
			.getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(THIS_UPDATE.minusSeconds(3600)),
					Date.from(NEXT_UPDATE.plusSeconds(86_400 * 365)), name, pair.getPublic())
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
				.build(new JcaContentSignerBuilder(signatureAlgorithm).setProvider(Pki.BC).build(pair.getPrivate())));
		return new CaHierarchy.Authority("test", certificate, pair.getPrivate(), Pki.BC, signatureAlgorithm);
	}

	private record Entry(BigInteger serial, Instant at, int reason) {
	}

}
