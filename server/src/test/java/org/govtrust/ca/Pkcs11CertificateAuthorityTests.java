package org.govtrust.ca;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.stream.Stream;

import org.govtrust.support.GovTrustTest;
import org.govtrust.support.MutableClock;
import org.govtrust.support.Programs;
import org.govtrust.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The CA with its keys on a PKCS#11 token (SoftHSM2 plays the HSM): on first start the root
 * and issuing keys are generated on the token, and every certificate and CRL is signed there;
 * OpenSC's {@code pkcs11-tool} confirms independently that the keys live on the token as
 * sensitive, never-extractable private objects. The surefire run points {@code SOFTHSM2_CONF} at a token directory this
 * test initialises; skipped, and says so, without SoftHSM2.
 */
@GovTrustTest
@TestPropertySource(properties = { "govtrust.ca.keystore.type=PKCS11",
		"govtrust.ca.keystore.pkcs11-library=/usr/lib/softhsm/libsofthsm2.so",
		"govtrust.ca.keystore.pkcs11-pin=246810" })
class Pkcs11CertificateAuthorityTests {

	private static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");

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

	@BeforeAll
	static void emptyToken() throws Exception {
		String conf = System.getenv("SOFTHSM2_CONF");
		boolean available = Files.isRegularFile(LIBRARY) && Programs.onPath("softhsm2-util") && conf != null;
		if (!available) {
			System.err.println("SKIPPED the PKCS#11 CA key store test: SoftHSM2 is not installed "
					+ "(apt-get install softhsm2; .ci/run does this) or SOFTHSM2_CONF is not set by the build");
		}
		assumeTrue(available, "SoftHSM2 is not installed");
		Path tokens = Path.of(conf).getParent().resolve("tokens");
		if (Files.exists(tokens)) {
			try (Stream<Path> old = Files.walk(tokens)) {
				old.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
		Files.createDirectories(tokens);
		Files.writeString(Path.of(conf),
				"directories.tokendir = " + tokens.toAbsolutePath() + "\nobjectstore.backend = file\nlog.level = ERROR\n");
		CertificateAuthorityTests.Result init = CertificateAuthorityTests.run(Path.of("."), "softhsm2-util",
				"--init-token", "--free", "--label", "GovTrust CA", "--so-pin", "12345678", "--pin", "246810");
		assertThat(init.exit()).as(init.output()).isZero();
	}

	@BeforeEach
	void reset() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
	}

	@Test
	void theHierarchyIsMadeOnTheTokenAndSignsCertificatesAndCrlsThere() throws Exception {
		X509Certificate root = certificate(bytes("/ca/certs/root.cer"));
		X509Certificate issuing = certificate(bytes("/ca/certs/issuing.cer"));
		issuing.verify(root.getPublicKey());
		assertThat(issuing.getSigAlgName()).isEqualTo("SHA256withECDSA");

		KeyPair key = CertificateAuthorityTests.ecKey();
		EnterpriseView enterprise = this.enterprises.enrol(new EnrolEnterpriseCommand("北京示范科技有限公司",
				"91110105MA1GT001XJ", "王小明", "110101199003071233", null, null), "staff:test");
		IssuedCertificate issued = this.certificates.issue(enterprise.id(),
				CertificateAuthorityTests.csr(key, "SHA256withECDSA"), true, null, "staff:test");
		X509Certificate certificate = certificate(issued.pem().getBytes(StandardCharsets.US_ASCII));
		certificate.verify(issuing.getPublicKey());

		this.certificates.revoke(issued.certificate().serial(), RevocationReason.KEY_COMPROMISE, "staff:test");
		X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
			.generateCRL(new java.io.ByteArrayInputStream(bytes("/ca/crl/issuing.crl")));
		crl.verify(issuing.getPublicKey());
		assertThat(crl.isRevoked(certificate)).isTrue();

		// independently of Java: the two CA keys are private objects on the token
		if (!Programs.onPath("pkcs11-tool")) {
			System.err.println("SKIPPED the pkcs11-tool check of the CA keys' attributes: OpenSC is not installed "
					+ "(apt-get install opensc; .ci/run does this)");
		}
		if (Programs.onPath("pkcs11-tool")) {
			CertificateAuthorityTests.Result objects = CertificateAuthorityTests.run(Path.of("."), "pkcs11-tool",
					"--module", LIBRARY.toString(), "--token-label", "GovTrust CA", "--login", "--pin", "246810",
					"--list-objects", "--type", "privkey");
			assertThat(objects.exit()).as(objects.output()).isZero();
			assertThat(objects.output().split("Private Key Object", -1)).hasSize(3);
			assertThat(objects.output().split("sensitive, always sensitive, never extractable", -1)).hasSize(3);
		}
	}

	byte[] bytes(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
	}

	static X509Certificate certificate(byte[] bytes) throws Exception {
		return (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new java.io.ByteArrayInputStream(bytes));
	}

}
