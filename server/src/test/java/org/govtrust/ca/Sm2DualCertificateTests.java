package org.govtrust.ca;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Cipher;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.govtrust.ca.crypto.KeyManagementCentre;
import org.govtrust.shared.error.TrustException;
import org.govtrust.support.GovTrustTest;
import org.govtrust.support.MutableClock;
import org.govtrust.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The CA configured for the national algorithms (SM2/SM3): an SM2 hierarchy, and for an SM2
 * key the dual pair Chinese CAs issue (GM/T 0014): the signing certificate on the holder's
 * key, and an encryption certificate whose key the key management centre makes, escrows
 * (encrypted) and delivers in a GM/T 0016 envelope that only the signing key opens. The pair
 * lives and dies together: revocation lists both, OCSP answers for both, and the encryption
 * certificate never logs in.
 */
@GovTrustTest
@TestPropertySource(properties = { "govtrust.ca.algorithm=SM2", "govtrust.ca.keystore.path=target/test-ca-sm2/ca.p12" })
class Sm2DualCertificateTests {

	private static final String SM3_WITH_SM2 = "1.2.156.10197.1.501";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	EnterpriseService enterprises;

	@Autowired
	CertificateService certificates;

	@Autowired
	CertificateLogin login;

	@BeforeEach
	void reset() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
	}

	@Test
	void sm2KeyGetsASigningAndAnEncryptionCertificateFromAnSm2Hierarchy() throws Exception {
		KeyPair signingKey = sm2Key();
		IssuedCertificate issued = issue(signingKey);
		X509Certificate issuing = caCertificate("/ca/certs/issuing.cer");
		X509Certificate root = caCertificate("/ca/certs/root.cer");
		assertThat(root.getSigAlgOID()).isEqualTo(SM3_WITH_SM2);
		assertThat(issuing.getSigAlgOID()).isEqualTo(SM3_WITH_SM2);
		issuing.verify(root.getPublicKey(), "BC");

		X509Certificate signing = parse(issued.pem());
		assertThat(signing.getSigAlgOID()).isEqualTo(SM3_WITH_SM2);
		signing.verify(issuing.getPublicKey(), "BC");
		assertThat(signing.getKeyUsage()[0]).as("digitalSignature").isTrue();
		assertThat(signing.getKeyUsage()[2]).as("keyEncipherment").isFalse();
		assertThat(issued.certificate().usage()).isEqualTo("SIGNING");

		assertThat(issued.encryption()).isNotNull();
		X509Certificate encryption = parse(issued.encryption().pem());
		encryption.verify(issuing.getPublicKey(), "BC");
		assertThat(encryption.getSubjectX500Principal()).isEqualTo(signing.getSubjectX500Principal());
		assertThat(encryption.getSerialNumber()).isNotEqualTo(signing.getSerialNumber());
		assertThat(encryption.getNotAfter()).isEqualTo(signing.getNotAfter());
		boolean[] usage = encryption.getKeyUsage();
		assertThat(usage[0]).as("digitalSignature").isFalse();
		assertThat(usage[2] && usage[3] && usage[4]).as("keyEncipherment, dataEncipherment, keyAgreement").isTrue();
		assertThat(encryption.getExtendedKeyUsage()).isNull();
		assertThat(issued.encryption().certificate().usage()).isEqualTo("ENCRYPTION");

		// the envelope is GM/T 0016's SKF_ENVELOPEDKEYBLOB: version 1, SM4-ECB, 256 bits, 388 bytes
		byte[] envelope = envelope(issued.encryption().envelopePem());
		ByteBuffer header = ByteBuffer.wrap(envelope).order(ByteOrder.LITTLE_ENDIAN);
		assertThat(envelope).hasSize(388);
		assertThat(List.of(header.getInt(), header.getInt(), header.getInt())).containsExactly(1, 0x401, 256);

		// only the holder's signing key opens it, and what it holds decrypts for the certificate
		PrivateKey encryptionKey = KeyManagementCentre.open(signingKey.getPrivate(), envelope);
		Cipher sm2 = Cipher.getInstance("SM2", "BC");
		sm2.init(Cipher.ENCRYPT_MODE, encryption.getPublicKey());
		byte[] secret = sm2.doFinal("营业执照副本".getBytes(StandardCharsets.UTF_8));
		sm2.init(Cipher.DECRYPT_MODE, encryptionKey);
		assertThat(new String(sm2.doFinal(secret), StandardCharsets.UTF_8)).isEqualTo("营业执照副本");
		assertThatThrownBy(() -> KeyManagementCentre.open(sm2Key().getPrivate(), envelope))
			.isInstanceOf(IllegalArgumentException.class);

		// the KMC's escrow copy is encrypted at rest
		String stored = this.jdbc.sql("SELECT private_key FROM ca_escrowed_key WHERE signing_serial = :s")
			.param("s", issued.certificate().serial())
			.query(String.class)
			.single();
		assertThat(stored).doesNotContain(Base64.getEncoder().encodeToString(encryptionKey.getEncoded()).substring(0, 40));

		// the download for the key carries the pair again, in a fresh envelope for the same key
		String download = this.certificates.pemWithChain(issued.certificate().serial());
		assertThat(download.split("BEGIN CERTIFICATE", -1)).hasSize(5);
		byte[] again = envelope(download);
		assertThat(again).isNotEqualTo(envelope);
		assertThat(KeyManagementCentre.open(signingKey.getPrivate(), again).getEncoded())
			.isEqualTo(encryptionKey.getEncoded());

		// P-256 keys get a single certificate, as before
		KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
		ec.initialize(new ECGenParameterSpec("secp256r1"));
		assertThat(this.certificates.issue(issued.certificate().enterpriseId(),
				CertificateAuthorityTests.csr(ec.generateKeyPair(), "SHA256withECDSA"), true, null, "staff:test")
			.encryption()).isNull();
	}

	@Test
	void thePairIsRevokedTogetherAndTheEncryptionCertificateNeverLogsIn() throws Exception {
		KeyPair signingKey = sm2Key();
		IssuedCertificate issued = issue(signingKey);
		String signingSerial = issued.certificate().serial();
		String encryptionSerial = issued.encryption().certificate().serial();
		PrivateKey encryptionKey = KeyManagementCentre.open(signingKey.getPrivate(),
				envelope(issued.encryption().envelopePem()));

		// the encryption certificate cannot sign in, even with its own key's signature
		LoginChallenge challenge = this.login.challenge("https://govtrust.example.gov.cn");
		java.security.Signature signer = java.security.Signature.getInstance("SM3withSM2", "BC");
		signer.initSign(encryptionKey);
		signer.update(challenge.text().getBytes(StandardCharsets.UTF_8));
		byte[] signature = signer.sign();
		assertThatThrownBy(() -> this.login.verify(challenge.id(),
				parse(issued.encryption().pem()).getEncoded(), signature))
			.isInstanceOfSatisfying(TrustException.class,
					(ex) -> assertThat(ex.getErrorCode()).isEqualTo(CaError.LOGIN_KEY_USAGE));

		// the escrowed key never turns into signing power: no renewal from the encryption certificate
		assertThatThrownBy(() -> this.certificates.renew(parse(issued.encryption().pem()).getEncoded(),
				CertificateAuthorityTests.csr(sm2Key(), "SM3withSM2"), signature))
			.isInstanceOfSatisfying(TrustException.class,
					(ex) -> assertThat(ex.getErrorCode()).isEqualTo(CaError.ENCRYPTION_CERTIFICATE_PAIRED));

		// it is handled through its signing certificate
		assertThatThrownBy(() -> this.certificates.revoke(encryptionSerial, RevocationReason.KEY_COMPROMISE, "staff:t"))
			.isInstanceOfSatisfying(TrustException.class, (ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo(CaError.ENCRYPTION_CERTIFICATE_PAIRED);
				assertThat(ex.getArguments()).contains(signingSerial);
			});

		this.certificates.suspend(signingSerial, "staff:t");
		assertThat(this.certificates.get(encryptionSerial).status()).isEqualTo(CertificateStatus.SUSPENDED);
		this.certificates.resume(signingSerial, "staff:t");
		assertThat(this.certificates.get(encryptionSerial).status()).isEqualTo(CertificateStatus.VALID);
		this.certificates.revoke(signingSerial, RevocationReason.AFFILIATION_CHANGED, "staff:t");
		assertThat(this.certificates.get(encryptionSerial).status()).isEqualTo(CertificateStatus.REVOKED);

		X509Certificate issuing = caCertificate("/ca/certs/issuing.cer");
		X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509", "BC")
			.generateCRL(new ByteArrayInputStream(bytes("/ca/crl/issuing.crl")));
		assertThat(crl.getSigAlgOID()).isEqualTo(SM3_WITH_SM2);
		crl.verify(issuing.getPublicKey(), "BC");
		assertThat(crl.getRevokedCertificate(new BigInteger(signingSerial, 16))).isNotNull();
		assertThat(crl.getRevokedCertificate(new BigInteger(encryptionSerial, 16))).isNotNull();

		BasicOCSPResp ocsp = ocsp(new BigInteger(encryptionSerial, 16), issuing);
		assertThat(ocsp.isSignatureValid(
				new JcaContentVerifierProviderBuilder().setProvider("BC").build(issuing.getPublicKey()))).isTrue();
		assertThat(ocsp.getResponses()[0].getCertStatus()).isInstanceOf(RevokedStatus.class);

		List<String> acts = new ArrayList<>();
		this.certificates.history(issued.certificate().enterpriseId())
			.stream()
			.filter((h) -> h.serial().equals(encryptionSerial))
			.forEach((h) -> acts.add(h.act()));
		assertThat(acts).contains("ISSUED", "SUSPENDED", "RESUMED", "REVOKED");
	}

	@Test
	void theKeyAssistantOpensTheEnvelopeWithTheSigningKeyOnASoftToken(@TempDir Path dir) throws Exception {
		Path jar = Path.of("..", "key-assistant", "target", "key-assistant.jar");
		if (!Files.isRegularFile(jar)) {
			System.err.println("SKIPPED the assistant's dual-certificate install: " + jar.toAbsolutePath().normalize()
					+ " is missing (./mvnw verify from the root builds it before these tests)");
		}
		assumeTrue(Files.isRegularFile(jar), "the key assistant's jar is not built");
		Path token = dir.resolve("corp.p12");
		assertThat(assistant(jar, dir, "init-soft-token", "--file", token.toString(), "--pin", "12345678").exit())
			.isZero();
		CertificateAuthorityTests.Result keygen = assistant(jar, dir, "keygen", "--pkcs12", token.toString(),
				"--token", "file:corp.p12", "--pin", "12345678", "--algorithm", "SM2", "--subject", "CN=corp", "--out",
				dir.resolve("corp.csr.pem").toString(), "--alias", "corp");
		assertThat(keygen.exit()).as(keygen.output()).isZero();
		EnterpriseView enterprise = this.enterprises.enrol(new EnrolEnterpriseCommand("北京示范科技有限公司",
				"91110105MA1GT001XJ", "王小明", "110101199003071233", null, null), "staff:test");
		IssuedCertificate issued = this.certificates.issue(enterprise.id(),
				Files.readString(dir.resolve("corp.csr.pem")), false, null, "staff:test");
		Files.writeString(dir.resolve("issued.pem"), issued.installPem());

		CertificateAuthorityTests.Result install = assistant(jar, dir, "install", "--pkcs12", token.toString(),
				"--token", "file:corp.p12", "--pin", "12345678", "--cert", dir.resolve("issued.pem").toString());
		assertThat(install.exit()).as(install.output()).isZero();
		assertThat(install.output()).contains("corp-enc");

		// the soft token now holds the escrowed encryption key beside the signing key
		KeyStore store = KeyStore.getInstance("PKCS12", "BC");
		try (InputStream in = Files.newInputStream(token)) {
			store.load(in, "12345678".toCharArray());
		}
		X509Certificate encryption = parse(issued.encryption().pem());
		assertThat(store.getCertificate("corp-enc")).isEqualTo(encryption);
		Cipher sm2 = Cipher.getInstance("SM2", "BC");
		sm2.init(Cipher.ENCRYPT_MODE, encryption.getPublicKey());
		byte[] secret = sm2.doFinal("档案".getBytes(StandardCharsets.UTF_8));
		sm2.init(Cipher.DECRYPT_MODE, (PrivateKey) store.getKey("corp-enc", "12345678".toCharArray()));
		assertThat(new String(sm2.doFinal(secret), StandardCharsets.UTF_8)).isEqualTo("档案");

		// the token lists the pair
		CertificateAuthorityTests.Result list = assistant(jar, dir, "list", "--pkcs12", token.toString());
		assertThat(list.output()).contains(issued.certificate().serial())
			.contains(issued.encryption().certificate().serial());

		// an envelope made for another signing key is refused, and nothing is installed
		Path other = dir.resolve("other.p12");
		assistant(jar, dir, "init-soft-token", "--file", other.toString(), "--pin", "12345678");
		assertThat(assistant(jar, dir, "keygen", "--pkcs12", other.toString(), "--token", "file:other.p12", "--pin",
				"12345678", "--algorithm", "SM2", "--subject", "CN=other", "--out", dir.resolve("other.csr.pem").toString(),
				"--alias", "other").exit()).isZero();
		EnterpriseView second = this.enterprises.enrol(new EnrolEnterpriseCommand("北京示范二号有限公司",
				"91110105MA1GT0028J", "陈静", "110101199003071233", null, null), "staff:test");
		IssuedCertificate otherIssued = this.certificates.issue(second.id(),
				Files.readString(dir.resolve("other.csr.pem")), false, null, "staff:test");
		String swapped = otherIssued.pem() + otherIssued.chainPem() + otherIssued.encryption().pem()
				+ issued.encryption().envelopePem();
		Files.writeString(dir.resolve("swapped.pem"), swapped);
		CertificateAuthorityTests.Result refused = assistant(jar, dir, "install", "--pkcs12", other.toString(),
				"--token", "file:other.p12", "--pin", "12345678", "--cert", dir.resolve("swapped.pem").toString());
		assertThat(refused.exit()).isNotZero();
		assertThat(refused.output()).contains("NO_MATCHING_KEY").contains("envelope was not made for this signing key");
		CertificateAuthorityTests.Result untouched = assistant(jar, dir, "list", "--pkcs12", other.toString());
		assertThat(untouched.output()).doesNotContain(otherIssued.certificate().serial());
	}

	static CertificateAuthorityTests.Result assistant(Path jar, Path dir, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toAbsolutePath().toString()));
		command.addAll(List.of(args));
		command.addAll(List.of("--pkcs11-library", "none", "--state-dir", dir.resolve("state").toString()));
		return CertificateAuthorityTests.run(dir, command.toArray(String[]::new));
	}

	// --- helpers

	IssuedCertificate issue(KeyPair key) throws Exception {
		EnterpriseView enterprise = this.enterprises.enrol(new EnrolEnterpriseCommand("北京示范科技有限公司",
				"91110105MA1GT001XJ", "王小明", "110101199003071233", null, null), "staff:test");
		return this.certificates.issue(enterprise.id(), CertificateAuthorityTests.csr(key, "SM3withSM2"), true, null,
				"staff:test");
	}

	static KeyPair sm2Key() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", "BC");
		generator.initialize(new ECGenParameterSpec("sm2p256v1"));
		return generator.generateKeyPair();
	}

	static byte[] envelope(String pem) throws Exception {
		try (PemReader reader = new PemReader(new StringReader(pem))) {
			PemObject object;
			while ((object = reader.readPemObject()) != null) {
				if (KeyManagementCentre.PEM_TYPE.equals(object.getType())) {
					return object.getContent();
				}
			}
		}
		throw new AssertionError("no envelope in " + pem);
	}

	static X509Certificate parse(String pem) throws Exception {
		return (X509Certificate) CertificateFactory.getInstance("X.509", "BC")
			.generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
	}

	byte[] bytes(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
	}

	X509Certificate caCertificate(String path) throws Exception {
		return (X509Certificate) CertificateFactory.getInstance("X.509", "BC")
			.generateCertificate(new ByteArrayInputStream(bytes(path)));
	}

	BasicOCSPResp ocsp(BigInteger serial, X509Certificate issuer) throws Exception {
		CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
				new X509CertificateHolder(issuer.getEncoded()), serial);
		byte[] request = new OCSPReqBuilder().addRequest(id)
			.setRequestExtensions(new Extensions(
					new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(new byte[16]))))
			.build()
			.getEncoded();
		byte[] response = this.mvc.perform(post("/ca/ocsp").contentType("application/ocsp-request").content(request))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		OCSPResp resp = new OCSPResp(response);
		assertThat(resp.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
		return (BasicOCSPResp) resp.getResponseObject();
	}

}
