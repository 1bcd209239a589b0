package org.govtrust.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

import org.govtrust.assistant.crypto.Certs;
import org.govtrust.assistant.crypto.KeyAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

	@TempDir
	Path directory;

	@Test
	void helpNamesEveryCommandInBothLanguages() {
		Fixture.CliRun run = Fixture.CliRun.run(new String[] { "help" }, "");
		assertThat(run.exitCode()).isZero();
		for (String command : new String[] { "list", "show", "pin verify", "pin change", "pin reset", "export", "keygen", "install",
				"unlock-request", "unlock --token", "renew", "diagnose", "serve", "init-soft-token", "version", "help" }) {
			assertThat(run.out()).contains(command);
		}
		assertThat(run.out()).contains("命令 Commands").contains("--pkcs11-library").contains("--state-dir").contains("--max-pin-tries");
	}

	@Test
	void versionAndUsageErrors() {
		assertThat(Fixture.CliRun.run(new String[] { "version" }, "").out()).contains("版本 0.1.0").contains("version 0.1.0");
		Fixture.CliRun unknown = Fixture.CliRun.run(new String[] { "frobnicate" }, "");
		assertThat(unknown.exitCode()).isEqualTo(2);
		assertThat(unknown.err()).contains("未知命令").contains("Unknown command");
		Fixture.CliRun badOption = Fixture.CliRun.run(new String[] { "list", "--colour" }, "");
		assertThat(badOption.exitCode()).isEqualTo(2);
		assertThat(badOption.err()).contains("未知选项").contains("Unknown option");
		Fixture.CliRun missingValue = Fixture.CliRun.run(new String[] { "show", "--token", "--pin", "1" }, "");
		assertThat(missingValue.exitCode()).isEqualTo(2);
		assertThat(missingValue.err()).contains("--token").contains("needs a value");
	}

	@Test
	void softTokenQuickStartThroughTheCommandLine() throws Exception {
		Path file = directory.resolve("corp.p12");
		Path state = directory.resolve("state");
		String[] common = { "--pkcs11-library", "none", "--pkcs12", file.toString(), "--state-dir", state.toString() };
		Fixture.CliRun init = run(common, "123456\n", "init-soft-token", "--file", file.toString());
		assertThat(init.exitCode()).as(init.err()).isZero();
		assertThat(init.out()).contains("file:corp.p12");

		Path csrFile = directory.resolve("req.csr.pem");
		Fixture.CliRun keygen = run(common, "123456\n", "keygen", "--token", "file:corp.p12", "--algorithm", "SM2", "--subject",
				"CN=示例科技有限公司,O=示例科技有限公司,C=CN", "--out", csrFile.toString(), "--alias", "corp");
		assertThat(keygen.exitCode()).as(keygen.err()).isZero();
		assertThat(keygen.err()).contains("请输入 PIN").contains("Enter the PIN");

		TestCa ca = TestCa.create(KeyAlgorithm.SM2, "http://127.0.0.1:9/ca");
		Instant now = Instant.now();
		X509Certificate issued = ca.issue(Fixture.csr(Files.readString(csrFile)), now.minus(Duration.ofDays(1)),
				now.plus(Duration.ofDays(20)));
		Path certFile = directory.resolve("issued.pem");
		Files.writeString(certFile, Certs.pem(issued) + Certs.pem(ca.certificate));
		Fixture.CliRun install = run(common, "", "install", "--token", "file:corp.p12", "--cert", certFile.toString(), "--pin", "123456");
		assertThat(install.exitCode()).as(install.err()).isZero();
		assertThat(install.out()).contains("证书已安装").contains("installed").contains("corp");

		Fixture.CliRun list = run(common, "", "list");
		assertThat(list.out()).contains("file:corp.p12").contains("6/6").contains(Certs.serialHex(issued))
			.contains("需要更新 renewal due").contains("expires in 19 days");

		Fixture.CliRun show = run(common, "", "show", "--token", "file:corp.p12");
		assertThat(show.out()).contains(TestCa.CREDIT_CODE).contains("SM3withSM2").contains("http://127.0.0.1:9/ca/ocsp")
			.contains("http://127.0.0.1:9/ca/ca.cer").contains("http://127.0.0.1:9/ca/ca.crl").contains("数字签名 digitalSignature")
			.contains(Certs.sha256Fingerprint(issued)).contains("颁发者 Issuer");

		Path der = directory.resolve("out.cer");
		assertThat(run(common, "", "export", "--token", "file:corp.p12", "--out", der.toString()).exitCode()).isZero();
		assertThat(Files.readAllBytes(der)).isEqualTo(issued.getEncoded());
		Path pem = directory.resolve("out.pem");
		assertThat(run(common, "", "export", "--token", "file:corp.p12", "--out", pem.toString(), "--pem").exitCode()).isZero();
		assertThat(Files.readString(pem, StandardCharsets.US_ASCII)).startsWith("-----BEGIN CERTIFICATE-----");

		Fixture.CliRun wrong = run(common, "", "pin", "verify", "--token", "file:corp.p12", "--pin", "999999");
		assertThat(wrong.exitCode()).isEqualTo(1);
		assertThat(wrong.err()).contains("PIN_INCORRECT").contains("还可尝试 5 次").contains("5 tries left");
		Fixture.CliRun right = run(common, "", "pin", "verify", "--token", "file:corp.p12", "--pin", "123456");
		assertThat(right.out()).contains("PIN 正确").contains("6/6");
		Fixture.CliRun change = run(common, "", "pin", "change", "--token", "file:corp.p12", "--pin", "123456", "--new-pin", "24681357");
		assertThat(change.exitCode()).as(change.err()).isZero();
		assertThat(run(common, "", "pin", "verify", "--token", "file:corp.p12", "--pin", "24681357").exitCode()).isZero();

		Fixture.CliRun absent = run(common, "", "show", "--token", "pkcs11:nothing");
		assertThat(absent.exitCode()).isEqualTo(1);
		assertThat(absent.err()).contains("TOKEN_ABSENT").contains("找不到令牌").contains("not found");
	}

	private static Fixture.CliRun run(String[] common, String stdin, String... args) {
		String[] all = new String[args.length + common.length];
		System.arraycopy(args, 0, all, 0, args.length);
		System.arraycopy(common, 0, all, args.length, common.length);
		return Fixture.CliRun.run(all, stdin);
	}
}
