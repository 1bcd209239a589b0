package org.govtrust.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.govtrust.assistant.crypto.Bc;
import org.govtrust.assistant.crypto.Certs;
import org.govtrust.assistant.crypto.KeyAlgorithm;
import org.govtrust.assistant.crypto.Signatures;
import org.govtrust.assistant.token.TokenCertificate;
import org.govtrust.assistant.token.TokenKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SoftTokenTest {

	@TempDir
	Path directory;

	@Test
	void initCreatesAnEmptyProtectedStore() {
		Fixture fixture = new Fixture(directory);
		assertThat(fixture.token.id()).isEqualTo("file:enterprise.p12");
		assertThat(fixture.token.kind()).isEqualTo(TokenKind.PKCS12);
		assertThat(fixture.token.certificates()).isEmpty();
		assertThatThrownBy(() -> org.govtrust.assistant.token.SoftToken.create(fixture.file, "abcdef".toCharArray()))
			.isInstanceOf(AssistantException.class)
			.hasMessageContaining("already exists");
	}

	@ParameterizedTest
	@EnumSource(KeyAlgorithm.class)
	void keygenMakesAVerifyingCsrAndInstallThenSigns(KeyAlgorithm algorithm) throws Exception {
		Fixture fixture = new Fixture(directory);
		PKCS10CertificationRequest csr = fixture.keygen(algorithm, "k1", "CN=示例科技有限公司,O=示例科技有限公司,C=CN");
		assertThat(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Bc.provider())
			.build(csr.getSubjectPublicKeyInfo()))).isTrue();
		assertThat(csr.getSubject().toString()).contains("CN=示例科技有限公司");
		if (algorithm == KeyAlgorithm.SM2) {
			assertThat(csr.getSubjectPublicKeyInfo().getAlgorithm().getParameters()).isEqualTo(GMObjectIdentifiers.sm2p256v1);
			assertThat(csr.getSignatureAlgorithm().getAlgorithm()).isEqualTo(GMObjectIdentifiers.sm2sign_with_sm3);
		}
		// before install the key only has the placeholder, which is not a login certificate
		assertThat(fixture.token.certificates()).singleElement().satisfies(c -> assertThat(c.placeholder()).isTrue());
		assertThat(Assistant.loginCertificates(fixture.token)).isEmpty();

		TestCa ca = TestCa.create(algorithm, null);
		X509Certificate issued = ca.issue(csr);
		fixture.install(issued, ca.certificate);

		List<TokenCertificate> certificates = Assistant.loginCertificates(fixture.token);
		assertThat(certificates).singleElement().satisfies(c -> {
			assertThat(c.alias()).isEqualTo("k1");
			assertThat(c.certificate()).isEqualTo(issued);
		});
		byte[] data = "GovTrust certificate login".getBytes(StandardCharsets.UTF_8);
		Assistant.Signed signed = fixture.assistant.sign(fixture.id(), null, Fixture.PIN.toCharArray(), data);
		assertThat(signed.algorithm()).isEqualTo(algorithm.signatureAlgorithm());
		assertThat(Signatures.verify(signed.algorithm(), issued.getPublicKey(), data, signed.signature())).isTrue();
	}

	@Test
	void installRefusesACertificateForAnotherKey() {
		Fixture fixture = new Fixture(directory);
		fixture.keygen(KeyAlgorithm.EC, "k1", "CN=A,C=CN");
		TestCa ca = TestCa.create(KeyAlgorithm.EC, null);
		X509Certificate foreign = ca.issue(TestCa.keyPair(KeyAlgorithm.EC).getPublic(), Certs.subjectOf(ca.certificate),
				java.time.Instant.now(), java.time.Instant.now().plusSeconds(86400));
		assertThatThrownBy(() -> fixture.install(foreign))
			.isInstanceOfSatisfying(AssistantException.class, e -> {
				assertThat(e.problem()).isEqualTo(Problem.NO_MATCHING_KEY);
				assertThat(e.msg().zh()).contains("不匹配");
				assertThat(e.msg().en()).contains("matches no key");
			});
	}

	@Test
	void certificatesAreListedWithoutThePinAndTheFileIsStandardPkcs12() throws Exception {
		Fixture fixture = new Fixture(directory);
		TestCa ca = TestCa.create(KeyAlgorithm.EC, null);
		X509Certificate issued = fixture.enrol(ca, KeyAlgorithm.EC, "login");
		// a fresh object reads the file again, with no PIN
		assertThat(new org.govtrust.assistant.token.SoftToken(fixture.file).certificates()).extracting(TokenCertificate::certificate)
			.containsExactly(issued);
		// the JDK's own PKCS12 key store opens it with the PIN and finds the key entry and the chain
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (var in = Files.newInputStream(fixture.file)) {
			store.load(in, Fixture.PIN.toCharArray());
		}
		assertThat(store.isKeyEntry("login")).isTrue();
		assertThat(store.getCertificateChain("login")).hasSize(2);
		assertThat(store.getKey("login", Fixture.PIN.toCharArray())).isNotNull();
		// and keeps no plain private key bytes
		assertThat(new String(Files.readAllBytes(fixture.file), StandardCharsets.ISO_8859_1)).doesNotContain("BEGIN");
		assertThat(SubjectPublicKeyInfo.getInstance(issued.getPublicKey().getEncoded())).isNotNull();
	}

	@Test
	void pinChangeReencryptsTheStore() {
		Fixture fixture = new Fixture(directory);
		TestCa ca = TestCa.create(KeyAlgorithm.EC, null);
		fixture.enrol(ca, KeyAlgorithm.EC, "login");
		int left = fixture.assistant.guard().changePin(fixture.token, Fixture.PIN.toCharArray(), "987654".toCharArray());
		assertThat(left).isEqualTo(6);
		byte[] data = { 1, 2, 3 };
		assertThatThrownBy(() -> fixture.assistant.sign(fixture.id(), null, Fixture.PIN.toCharArray(), data))
			.isInstanceOfSatisfying(AssistantException.class, e -> assertThat(e.problem()).isEqualTo(Problem.PIN_INCORRECT));
		assertThat(fixture.assistant.sign(fixture.id(), null, "987654".toCharArray(), data).signature()).isNotEmpty();
	}

	@Test
	void pinResetIsNotPossibleOnASoftToken() {
		Fixture fixture = new Fixture(directory);
		assertThatThrownBy(() -> fixture.assistant.guard().resetPin(fixture.token, "x".toCharArray(), "1234567".toCharArray()))
			.isInstanceOfSatisfying(AssistantException.class, e -> {
				assertThat(e.problem()).isEqualTo(Problem.NOT_SUPPORTED);
				assertThat(e.msg().zh()).contains("重新申请证书");
				assertThat(e.msg().en()).contains("new certificate");
			});
	}

	@Test
	void signPicksTheValidCertificateWithTheLatestNotAfter() {
		Fixture fixture = new Fixture(directory);
		TestCa ca = TestCa.create(KeyAlgorithm.EC, null);
		java.time.Instant now = java.time.Instant.now();
		X509Certificate shorter = ca.issue(fixture.keygen(KeyAlgorithm.EC, "a", "CN=A,C=CN"), now.minusSeconds(60),
				now.plus(java.time.Duration.ofDays(100)));
		fixture.install(shorter);
		X509Certificate expired = ca.issue(fixture.keygen(KeyAlgorithm.EC, "b", "CN=A,C=CN"), now.minus(java.time.Duration.ofDays(400)),
				now.minus(java.time.Duration.ofDays(1)));
		fixture.install(expired);
		X509Certificate longer = ca.issue(fixture.keygen(KeyAlgorithm.EC, "c", "CN=A,C=CN"), now.minusSeconds(60),
				now.plus(java.time.Duration.ofDays(300)));
		fixture.install(longer);
		Assistant.Signed signed = fixture.assistant.sign(null, null, Fixture.PIN.toCharArray(), new byte[] { 7 });
		assertThat(signed.certificate()).isEqualTo(longer);
		assertThat(fixture.assistant.sign(null, "a", Fixture.PIN.toCharArray(), new byte[] { 7 }).certificate()).isEqualTo(shorter);
	}
}
