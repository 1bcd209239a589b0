package org.govtrust.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.govtrust.assistant.crypto.Bc;
import org.govtrust.assistant.crypto.Certs;
import org.govtrust.assistant.crypto.KeyAlgorithm;
import org.govtrust.assistant.crypto.Signatures;
import org.govtrust.assistant.token.TokenCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/** renew: new key on the token, same subject, the old key proves possession, the server's certificate is installed. */
class RenewTest {

	@TempDir
	Path directory;

	TestServer server;

	TestCa ca;

	Fixture fixture;

	@BeforeEach
	void setUp() throws Exception {
		server = new TestServer();
		ca = TestCa.create(KeyAlgorithm.SM2, server.url);
		server.ca = ca;
		fixture = new Fixture(directory);
	}

	@AfterEach
	void tearDown() {
		server.close();
	}

	private X509Certificate enrolExpiringIn(Duration left) {
		Instant now = Instant.now();
		X509Certificate certificate = ca.issue(fixture.keygen(KeyAlgorithm.SM2, "login", "CN=示例科技有限公司,O=示例科技有限公司,C=CN"),
				now.minus(Duration.ofDays(300)), now.plus(left));
		fixture.install(certificate, ca.certificate);
		return certificate;
	}

	@Test
	void renewsWithinTheWindow() throws Exception {
		X509Certificate old = enrolExpiringIn(Duration.ofDays(12));
		AtomicReference<JsonNode> received = new AtomicReference<>();
		server.renewals = exchange -> {
			JsonNode body = Json.MAPPER.readTree(exchange.getRequestBody().readAllBytes());
			received.set(body);
			PKCS10CertificationRequest csr = Fixture.csr(body.path("csr").asString());
			X509Certificate current = Certs.parse(Base64.getDecoder().decode(body.path("certificate").asString()));
			boolean possession = Signatures.verify(body.path("algorithm").asString(), current.getPublicKey(), csr.getEncoded(),
					Base64.getDecoder().decode(body.path("signature").asString()));
			boolean csrValid;
			try {
				csrValid = csr.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Bc.provider())
					.build(csr.getSubjectPublicKeyInfo()));
			}
			catch (Exception e) {
				csrValid = false;
			}
			if (!possession || !csrValid) {
				TestServer.respond(exchange, 400, "application/problem+json",
						"{\"code\":\"PROOF_INVALID\",\"title\":\"Bad proof\",\"detail\":\"proof of possession failed\"}".getBytes());
				return;
			}
			X509Certificate issued = ca.issue(csr);
			String json = Json.MAPPER.createObjectNode()
				.put("certificate", Certs.pem(issued))
				.put("chain", Certs.pem(ca.certificate))
				.toString();
			TestServer.respond(exchange, 201, "application/json", json.getBytes(StandardCharsets.UTF_8));
		};

		Fixture.CliRun run = fixture.cli("renew", "--token", fixture.id(), "--server", server.url, "--pin", Fixture.PIN);
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).contains("证书已更新").contains("Renewed");
		assertThat(received.get().path("algorithm").asString()).isEqualTo("SM3withSM2");
		PKCS10CertificationRequest csr = Fixture.csr(received.get().path("csr").asString());
		assertThat(csr.getSubject().getEncoded()).isEqualTo(Certs.subjectOf(old).getEncoded());

		var certificates = Assistant.loginCertificates(fixture.token);
		assertThat(certificates).hasSize(2);
		TokenCertificate fresh = certificates.stream().filter(c -> !c.certificate().equals(old)).findFirst().orElseThrow();
		assertThat(fresh.certificate().getNotAfter()).isAfter(old.getNotAfter());
		assertThat(fixture.assistant.sign(fixture.id(), null, Fixture.PIN.toCharArray(), new byte[] { 1 }).certificate())
			.isEqualTo(fresh.certificate());
	}

	@Test
	void refusesBeforeTheWindow() {
		enrolExpiringIn(Duration.ofDays(200));
		Fixture.CliRun run = fixture.cli("renew", "--token", fixture.id(), "--server", server.url, "--pin", Fixture.PIN);
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).contains("RENEWAL_NOT_DUE").contains("还不需要更新").contains("does not need renewal yet");
	}

	@Test
	void serverProblemIsPrintedAndTheNewKeyIsRemoved() {
		enrolExpiringIn(Duration.ofDays(5));
		server.renewals = exchange -> TestServer.respond(exchange, 409, "application/problem+json",
				"{\"type\":\"about:blank\",\"code\":\"RENEWAL_PENDING\",\"title\":\"Conflict\",\"detail\":\"A renewal is already pending\"}"
					.getBytes(StandardCharsets.UTF_8));
		Fixture.CliRun run = fixture.cli("renew", "--token", fixture.id(), "--server", server.url, "--pin", Fixture.PIN);
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).contains("RENEWAL_PENDING").contains("A renewal is already pending").contains("409");
		assertThat(fixture.token.certificates()).hasSize(1);
	}
}
