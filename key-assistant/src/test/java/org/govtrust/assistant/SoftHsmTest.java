package org.govtrust.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.govtrust.assistant.crypto.Bc;
import org.govtrust.assistant.crypto.Certs;
import org.govtrust.assistant.crypto.KeyAlgorithm;
import org.govtrust.assistant.crypto.Signatures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/**
 * The USB key path, with SoftHSM2 playing the USB key. Each test has its own token directory (SOFTHSM2_CONF);
 * since SoftHSM2 reads that variable once per process, the assistant runs as a subprocess with it set.
 * Skipped when SoftHSM2 is not installed.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // only a guard against a hung subprocess; nothing waits on a clock
class SoftHsmTest {

	static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");

	static final String ORIGIN = "https://govtrust.example.gov.cn";

	@TempDir
	Path directory;

	Path conf;

	String tokenId;

	@BeforeAll
	static void softHsmInstalled() {
		assumeTrue(Files.isRegularFile(LIBRARY), "SoftHSM2 is not installed (" + LIBRARY
				+ " missing): skipping the PKCS#11 tests. Install it with: apt-get install softhsm2 opensc");
		assumeTrue(onPath("softhsm2-util"), "softhsm2-util is not on the PATH: skipping the PKCS#11 tests. "
				+ "Install it with: apt-get install softhsm2");
	}

	@BeforeEach
	void initToken() throws Exception {
		Path tokens = Files.createDirectories(directory.resolve("tokens"));
		conf = directory.resolve("softhsm2.conf");
		Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
		Result init = exec(List.of("softhsm2-util", "--init-token", "--free", "--label", "T", "--so-pin", "12345678", "--pin", "123456"));
		assertThat(init.code()).as(init.all()).isZero();
		Result list = assistant("list");
		assertThat(list.code()).as(list.all()).isZero();
		Matcher matcher = Pattern.compile("pkcs11:[0-9a-f]+").matcher(list.out());
		assertThat(matcher.find()).as(list.out()).isTrue();
		tokenId = matcher.group();
		assertThat(list.out()).contains("标签 label: T").contains("6/6");
	}

	@Test
	void keysAreMadeOnTheTokenNonExtractableAndSignLogins() throws Exception {
		TestCa ca = TestCa.create(KeyAlgorithm.EC, null);
		X509Certificate ec = enrol(ca, KeyAlgorithm.EC, "ec");
		X509Certificate rsa = enrol(ca, KeyAlgorithm.RSA, "rsa");

		// independent check with OpenSC: both private keys are sensitive and were never extractable
		if (onPath("pkcs11-tool")) {
			Result objects = exec(List.of("pkcs11-tool", "--module", LIBRARY.toString(), "--token-label", "T", "--login", "--pin", "123456",
					"--list-objects", "--type", "privkey"));
			assertThat(objects.code()).as(objects.all()).isZero();
			assertThat(objects.out().split("Private Key Object")).hasSize(3);
			assertThat(objects.out().split("sensitive, always sensitive, never extractable")).hasSize(3);
		}

		Result sm2 = assistant("keygen", "--token", tokenId, "--algorithm", "SM2", "--subject", "CN=A,C=CN", "--out",
				directory.resolve("sm2.csr").toString(), "--pin", "123456");
		assertThat(sm2.code()).isEqualTo(1);
		assertThat(sm2.err()).contains("SM2").contains("SoftHSM2 has no SM2");

		X509Certificate foreign = ca.issue(TestCa.keyPair(KeyAlgorithm.EC).getPublic(), Certs.subjectOf(ec), ec.getNotBefore().toInstant(),
				ec.getNotAfter().toInstant());
		Path foreignFile = directory.resolve("foreign.cer");
		Files.write(foreignFile, foreign.getEncoded());
		Result refused = assistant("install", "--token", tokenId, "--cert", foreignFile.toString(), "--pin", "123456");
		assertThat(refused.code()).isEqualTo(1);
		assertThat(refused.err()).contains("NO_MATCHING_KEY");

		Result list = assistant("list");
		assertThat(list.out()).contains(Certs.serialHex(ec)).contains(Certs.serialHex(rsa)).doesNotContain("CSR made");

		Process serve = start("serve", "--server", ORIGIN, "--port", "0");
		try {
			String url = listeningUrl(serve);
			HttpClient client = HttpClient.newHttpClient();
			String challenge = LocalServerTest.challenge(ORIGIN);

			JsonNode wrong = sign(client, url, challenge, "000000", "ec", 401);
			assertThat(wrong.path("triesLeft").asInt()).isEqualTo(5);
			for (X509Certificate expected : new X509Certificate[] { ec, rsa }) {
				String alias = expected == ec ? "ec" : "rsa";
				JsonNode signed = sign(client, url, challenge, "123456", alias, 200);
				X509Certificate signer = Certs.parse(Base64.getDecoder().decode(signed.path("certificate").asString()));
				assertThat(signer).isEqualTo(expected);
				String algorithm = signed.path("algorithm").asString();
				assertThat(algorithm).isEqualTo(expected == ec ? "SHA256withECDSA" : "SHA256withRSA");
				assertThat(Signatures.verify(algorithm, signer.getPublicKey(), challenge.getBytes(StandardCharsets.UTF_8),
						Base64.getDecoder().decode(signed.path("signature").asString()))).isTrue();
			}
			// the token is logged out after each request: a wrong PIN right after a right one is still wrong
			assertThat(sign(client, url, challenge, "000001", "ec", 401).path("triesLeft").asInt()).isEqualTo(5);

			HttpResponse<String> status = client.send(HttpRequest.newBuilder(URI.create(url + "/v1/status")).header("Origin", ORIGIN).build(),
					HttpResponse.BodyHandlers.ofString());
			JsonNode token = Json.MAPPER.readTree(status.body()).path("tokens").get(0);
			assertThat(token.path("id").asString()).isEqualTo(tokenId);
			assertThat(token.path("kind").asString()).isEqualTo("PKCS11");
			assertThat(token.path("certificates")).hasSize(2);
		}
		finally {
			serve.destroy();
			serve.waitFor();
		}
	}

	@Test
	void pinChangeCounterStaffResetAndTheAssistantsOwnLock() throws Exception {
		Result change = assistant("pin", "change", "--token", tokenId, "--pin", "123456", "--new-pin", "654321");
		assertThat(change.code()).as(change.all()).isZero();
		assertThat(change.out()).contains("PIN 已修改").contains("6/6");
		Result old = assistant("pin", "verify", "--token", tokenId, "--pin", "123456");
		assertThat(old.code()).isEqualTo(1);
		assertThat(old.err()).contains("PIN_INCORRECT").contains("5 tries left");
		assertThat(assistant("pin", "verify", "--token", tokenId, "--pin", "654321").code()).isZero();

		Result wrongSo = assistant("pin", "reset", "--token", tokenId, "--so-pin", "87654321", "--new-pin", "111111");
		assertThat(wrongSo.code()).isEqualTo(1);
		assertThat(wrongSo.err()).contains("SO PIN");
		assistant("pin", "verify", "--token", tokenId, "--pin", "000000");
		Result reset = assistant("pin", "reset", "--token", tokenId, "--so-pin", "12345678", "--new-pin", "111111");
		assertThat(reset.code()).as(reset.all()).isZero();
		assertThat(reset.out()).contains("6/6");
		assertThat(assistant("pin", "verify", "--token", tokenId, "--pin", "111111").code()).isZero();
		if (onPath("pkcs11-tool")) {
			Result login = exec(List.of("pkcs11-tool", "--module", LIBRARY.toString(), "--token-label", "T", "--login", "--pin", "111111",
					"--list-objects"));
			assertThat(login.code()).as(login.all()).isZero();
		}

		// SoftHSM2 never locks its PIN: the assistant does, after --max-pin-tries wrong PINs, and then refuses even the right one
		for (int left = 2; left >= 0; left--) {
			Result wrong = assistant("pin", "verify", "--token", tokenId, "--pin", "000000", "--max-pin-tries", "3");
			assertThat(wrong.err()).contains(left + " tries left");
		}
		Result right = assistant("pin", "verify", "--token", tokenId, "--pin", "111111", "--max-pin-tries", "3");
		assertThat(right.code()).isEqualTo(1);
		assertThat(right.err()).contains("PIN_LOCKED").contains("pin reset");
		// counter staff reset with the SO PIN unlocks
		assertThat(assistant("pin", "reset", "--token", tokenId, "--so-pin", "12345678", "--new-pin", "222222", "--max-pin-tries", "3")
			.code()).isZero();
		assertThat(assistant("pin", "verify", "--token", tokenId, "--pin", "222222", "--max-pin-tries", "3").code()).isZero();
	}

	private X509Certificate enrol(TestCa ca, KeyAlgorithm algorithm, String alias) throws Exception {
		Path csrFile = directory.resolve(alias + ".csr.pem");
		Result keygen = assistant("keygen", "--token", tokenId, "--algorithm", algorithm.name(), "--subject",
				"CN=示例科技有限公司,O=示例科技有限公司,C=CN", "--out", csrFile.toString(), "--alias", alias, "--pin", "123456");
		assertThat(keygen.code()).as(keygen.all()).isZero();
		assertThat(keygen.out()).contains("CKA_EXTRACTABLE=false");
		PKCS10CertificationRequest csr = Fixture.csr(Files.readString(csrFile));
		assertThat(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Bc.provider())
			.build(csr.getSubjectPublicKeyInfo()))).isTrue();
		X509Certificate certificate = ca.issue(csr);
		Path certFile = directory.resolve(alias + ".cer");
		if (algorithm == KeyAlgorithm.EC) {
			Files.writeString(certFile, Certs.pem(certificate) + Certs.pem(ca.certificate));
		}
		else {
			Files.write(certFile, certificate.getEncoded());
		}
		Result install = assistant("install", "--token", tokenId, "--cert", certFile.toString(), "--pin", "123456");
		assertThat(install.code()).as(install.all()).isZero();
		assertThat(install.out()).contains(alias);
		return certificate;
	}

	private static JsonNode sign(HttpClient client, String url, String challenge, String pin, String alias, int expectedStatus)
			throws Exception {
		String body = Json.MAPPER.createObjectNode().put("challenge", challenge).put("pin", pin).put("alias", alias).toString();
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url + "/v1/sign"))
			.header("Origin", ORIGIN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
		return Json.MAPPER.readTree(response.body());
	}

	/** Reads the serve command's stdout until its "listening on" line. */
	private static String listeningUrl(Process serve) throws IOException {
		BufferedReader reader = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = reader.readLine()) != null) {
			if (line.startsWith("listening on ")) {
				return line.substring("listening on ".length()).trim();
			}
		}
		throw new AssertionError("serve ended without a listening line: " + new String(serve.getErrorStream().readAllBytes(),
				StandardCharsets.UTF_8));
	}

	record Result(int code, String out, String err) {

		String all() {
			return out + err;
		}
	}

	private Result assistant(String... args) throws Exception {
		Process process = start(args);
		process.getOutputStream().close();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		return new Result(process.waitFor(), out, err);
	}

	private Process start(String... args) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		String options = System.getProperty("govtrust.test.jvm.options",
				"--add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED");
		for (String option : options.trim().split("\\s+")) {
			if (!option.isEmpty()) {
				command.add(option);
			}
		}
		command.add("-cp");
		command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
		command.add(Main.class.getName());
		command.addAll(List.of(args));
		command.addAll(List.of("--pkcs11-library", LIBRARY.toString(), "--state-dir", directory.resolve("state").toString()));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().put("SOFTHSM2_CONF", conf.toString());
		builder.environment().remove("GOVTRUST_PKCS12");
		return builder.start();
	}

	private Result exec(List<String> command) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().put("SOFTHSM2_CONF", conf.toString());
		builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		Process process = builder.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		return new Result(process.waitFor(), out, err);
	}

	private static boolean onPath(String program) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String dir : path.split(File.pathSeparator)) {
			if (Files.isExecutable(Path.of(dir, program))) {
				return true;
			}
		}
		return false;
	}
}
