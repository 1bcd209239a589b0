package org.govtrust.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

import org.bouncycastle.asn1.x509.CRLReason;
import org.govtrust.assistant.crypto.KeyAlgorithm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** diagnose against an in-test CA (issuer certificate, CRL, OCSP) and GovTrust server stub. */
class DiagnoseTest {

	@TempDir
	Path directory;

	TestServer server;

	TestCa ca;

	Fixture fixture;

	@BeforeEach
	void setUp() throws Exception {
		server = new TestServer();
		ca = TestCa.create(KeyAlgorithm.EC, server.url);
		server.ca = ca;
		fixture = new Fixture(directory);
	}

	@AfterEach
	void tearDown() {
		server.close();
	}

	private Fixture.CliRun diagnose() {
		return fixture.cli("diagnose", "--token", fixture.id(), "--server", server.url);
	}

	@Test
	void good() {
		fixture.enrol(ca, KeyAlgorithm.EC, "login");
		Fixture.CliRun run = diagnose();
		assertThat(run.exitCode()).as(run.out()).isZero();
		for (int step = 1; step <= 7; step++) {
			assertThat(run.out()).contains("[OK] " + step + ".");
		}
		assertThat(run.out()).doesNotContain("[FAIL]").doesNotContain("[WARN]");
		assertThat(run.out()).contains("OCSP：正常").contains("OCSP: good").contains("CRL: not listed");
		assertThat(server.ocspRequests.get()).isEqualTo(1);
		// steps come in order
		assertThat(run.out().indexOf("[OK] 1.")).isLessThan(run.out().indexOf("[OK] 4."));
		assertThat(run.out().indexOf("[OK] 4.")).isLessThan(run.out().indexOf("[OK] 7."));
	}

	@Test
	void revoked() {
		X509Certificate certificate = fixture.enrol(ca, KeyAlgorithm.EC, "login");
		server.ocspStatus.put(certificate.getSerialNumber(), TestCa.revoked(CRLReason.keyCompromise));
		server.crlEntries.put(certificate.getSerialNumber(), CRLReason.keyCompromise);
		Fixture.CliRun run = diagnose();
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains("[FAIL] 4.").contains("OCSP: revoked").contains("CRL: listed as revoked")
			.contains("keyCompromise").contains("密钥泄露").contains("/enterprise");
		assertThat(run.out()).contains("[OK] 5.");
	}

	@Test
	void revokedOnlyInTheCrl() {
		X509Certificate certificate = fixture.enrol(ca, KeyAlgorithm.EC, "login");
		server.crlEntries.put(certificate.getSerialNumber(), CRLReason.superseded);
		Fixture.CliRun run = diagnose();
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains("[FAIL] 4.").contains("OCSP: good").contains("CRL: listed as revoked").contains("superseded");
	}

	@Test
	void expired() {
		Instant now = Instant.now();
		X509Certificate certificate = ca.issue(fixture.keygen(KeyAlgorithm.EC, "old", "CN=A,C=CN"), now.minus(Duration.ofDays(400)),
				now.minus(Duration.ofDays(2)));
		fixture.install(certificate, ca.certificate);
		Fixture.CliRun run = diagnose();
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains("[FAIL] 3.").contains("已于 " + certificate.getNotAfter().toInstant() + " 过期")
			.contains("expired at " + certificate.getNotAfter().toInstant()).contains(server.url + "/enterprise");
	}

	@Test
	void renewalDueSoonIsAWarning() {
		Instant now = Instant.now();
		fixture.install(ca.issue(fixture.keygen(KeyAlgorithm.EC, "soon", "CN=A,C=CN"), now.minus(Duration.ofDays(300)),
				now.plus(Duration.ofDays(10)).plusSeconds(3600)), ca.certificate);
		Fixture.CliRun run = diagnose();
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("[WARN] 3.").contains("expires in 10 days").contains("renew --token " + fixture.id());
	}

	@Test
	void versionTooOld() {
		fixture.enrol(ca, KeyAlgorithm.EC, "login");
		server.assistantJson = "{\"latestVersion\":\"0.3.0\",\"minimumVersion\":\"0.2.0\",\"download\":\"https://govtrust.example/dl\"}";
		Fixture.CliRun run = diagnose();
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains("[FAIL] 7.").contains("0.2.0").contains("https://govtrust.example/dl").contains("[OK] 6.");
	}

	@Test
	void newerVersionIsAWarning() {
		fixture.enrol(ca, KeyAlgorithm.EC, "login");
		server.assistantJson = "{\"latestVersion\":\"0.1.1\",\"minimumVersion\":\"0.1.0\",\"download\":\"https://govtrust.example/dl\"}";
		Fixture.CliRun run = diagnose();
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("[WARN] 7.").contains("0.1.1");
	}

	@Test
	void lockedPinAndMissingTokenAreFailures() {
		fixture.enrol(ca, KeyAlgorithm.EC, "login");
		fixture.assistant.guard().store().setTriesLeft(fixture.id(), 0);
		Fixture.CliRun locked = diagnose();
		assertThat(locked.exitCode()).isEqualTo(1);
		assertThat(locked.out()).contains("[FAIL] 2.").contains("unlock-request");

		Fixture.CliRun absent = fixture.cli("diagnose", "--token", "pkcs11:feedface", "--server", server.url);
		assertThat(absent.exitCode()).isEqualTo(1);
		assertThat(absent.out()).contains("[FAIL] 1.").contains("[SKIP] 2.").contains("[OK] 6.");
	}

	@Test
	void unreachableServerIsAFailure() {
		fixture.enrol(ca, KeyAlgorithm.EC, "login");
		Fixture.CliRun run = fixture.cli("diagnose", "--token", fixture.id(), "--server", "http://127.0.0.1:1");
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains("[FAIL] 6.").contains("[SKIP] 7.").contains("127.0.0.1:1");
	}
}
