package org.govtrust.e2e;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.govtrust.ca.CertificateService;
import org.govtrust.ca.CertificateStatus;
import org.govtrust.ca.EnrolEnterpriseCommand;
import org.govtrust.ca.EnterpriseService;
import org.govtrust.ca.EnterpriseView;
import org.govtrust.ca.IssuedCertificate;
import org.govtrust.ca.RevocationReason;
import org.govtrust.sso.ClientService;
import org.govtrust.sso.RegisterClientCommand;
import org.govtrust.support.BrowserTest;
import org.govtrust.support.Programs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole USB-key chain with nothing simulated but the USB key itself (SoftHSM2): the key
 * assistant's runnable jar makes the key and the request on the token, the RA issues, the
 * assistant installs the certificate and serves the login page on 127.0.0.1; a government
 * app's authorization request goes through the real login page in headless Chromium, the
 * person types the PIN, the assistant signs the challenge and the app's ID token names the
 * enterprise at the USB-key level. Then the RA revokes and the next login is refused with the
 * revocation text.
 * <p>
 * Needs SoftHSM2 ({@code apt-get install softhsm2}), Chromium and the assistant's jar (built
 * by {@code ./mvnw verify} from the root before the server's tests); skipped, and says so,
 * without them.
 */
class CertificateLoginBrowserTests extends BrowserTest {

	private static final Path SOFTHSM = Path.of("/usr/lib/softhsm/libsofthsm2.so");

	private static final Path ASSISTANT_JAR = Path.of("..", "key-assistant", "target", "key-assistant.jar");

	private static final int ASSISTANT_PORT = freePort();

	private static final String PIN = "246810";

	@DynamicPropertySource
	static void assistantUrl(DynamicPropertyRegistry registry) {
		registry.add("govtrust.ca.assistant.url", () -> "http://127.0.0.1:" + ASSISTANT_PORT);
	}

	@Autowired
	EnterpriseService enterprises;

	@Autowired
	CertificateService certificates;

	@Autowired
	ClientService clients;

	@TempDir
	Path directory;

	private Path softhsmConf;

	private Process assistant;

	@BeforeEach
	void requirements() {
		boolean softhsm = Files.isRegularFile(SOFTHSM) && Programs.onPath("softhsm2-util");
		boolean jar = Files.isRegularFile(ASSISTANT_JAR);
		if (!softhsm || !jar) {
			System.err.println("SKIPPED the USB-key end-to-end test: "
					+ (softhsm ? "" : "SoftHSM2 is not installed (apt-get install softhsm2; .ci/run does this) ")
					+ (jar ? "" : ASSISTANT_JAR.toAbsolutePath().normalize()
							+ " is missing (./mvnw verify from the root builds it before these tests)"));
		}
		assumeTrue(softhsm, "SoftHSM2 is not installed");
		assumeTrue(jar, "the key assistant's jar is not built");
	}

	@AfterEach
	void stopAssistant() throws InterruptedException {
		if (this.assistant != null) {
			this.assistant.destroy();
			this.assistant.waitFor();
		}
	}

	@Test
	void enterpriseSignsInWithItsUsbKeyThroughTheAssistantUntilTheCertificateIsRevoked() throws Exception {
		// the USB key: an empty SoftHSM2 token, as handed out at the RA office
		Path tokens = Files.createDirectories(this.directory.resolve("tokens"));
		this.softhsmConf = this.directory.resolve("softhsm2.conf");
		Files.writeString(this.softhsmConf,
				"directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
		Run init = run(List.of("softhsm2-util", "--init-token", "--free", "--label", "GovTrust-E2E", "--so-pin",
				"12345678", "--pin", PIN));
		assertThat(init.code()).as(init.all()).isZero();
		Run list = assistant("list");
		assertThat(list.code()).as(list.all()).isZero();
		Matcher serial = Pattern.compile("pkcs11:[0-9a-f]+").matcher(list.out());
		assertThat(serial.find()).as(list.out()).isTrue();
		String token = serial.group();

		// the RA enrols the enterprise; the assistant makes the key and request on the token
		EnterpriseView enterprise = this.enterprises.enrol(new EnrolEnterpriseCommand("北京示范科技有限公司",
				"91110105MA1GT001XJ", "王小明", "110101199003071233", null, null), "ra-officer");
		Path csr = this.directory.resolve("request.csr.pem");
		Run keygen = assistant("keygen", "--token", token, "--algorithm", "EC", "--subject",
				"CN=北京示范科技有限公司,O=北京示范科技有限公司,C=CN", "--out", csr.toString(), "--pin", PIN);
		assertThat(keygen.code()).as(keygen.all()).isZero();
		IssuedCertificate issued = this.certificates.issue(enterprise.id(), Files.readString(csr), true, null,
				"ra-officer");
		Path certificate = this.directory.resolve("issued.pem");
		Files.writeString(certificate, issued.pem() + issued.chainPem());
		Run install = assistant("install", "--token", token, "--cert", certificate.toString(), "--pin", PIN);
		assertThat(install.code()).as(install.all()).isZero();

		// the assistant serves this computer's browser on loopback
		this.assistant = serve("--server", "http://localhost:" + this.port, "--port", String.valueOf(ASSISTANT_PORT));
		assertThat(listeningLine(this.assistant)).isEqualTo("http://127.0.0.1:" + ASSISTANT_PORT);

		String redirect = "http://localhost:" + this.port + "/app-callback";
		this.clients.register(new RegisterClientCommand("tax-app", "电子税务局", "国家税务总局某省税务局", null,
				List.of(redirect), List.of(), List.of("openid", "profile"), false, false, "loa1", false, false,
				null));
		String verifier = "usb-key-verifier-" + "k".repeat(40);
		String code = signInWithTheKey(redirect, verifier, "s-1", true);
		assertThat(code).isNotNull();

		HttpResponse<String> tokensResponse = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/oauth2/token"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=tax-app&code=" + code
						+ "&code_verifier=" + verifier + "&redirect_uri="
						+ URLEncoder.encode(redirect, StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(tokensResponse.statusCode()).as(tokensResponse.body()).isEqualTo(200);
		String idToken = JsonPath.read(tokensResponse.body(), "$.id_token");
		String claims = new String(Base64.getUrlDecoder().decode(idToken.split("\\.")[1]), StandardCharsets.UTF_8);
		assertThat(JsonPath.<String>read(claims, "$.acr")).isEqualTo("urn:govtrust:loa:4");
		assertThat(JsonPath.<List<String>>read(claims, "$.amr")).containsExactly("hwk", "pin");
		assertThat(JsonPath.<String>read(claims, "$.subject_type")).isEqualTo("legal_person");
		assertThat(JsonPath.<String>read(claims, "$.enterprise_name")).isEqualTo("北京示范科技有限公司");
		assertThat(JsonPath.<String>read(claims, "$.credit_code")).isEqualTo("91110105MA1GT001XJ");
		assertThat(JsonPath.<String>read(claims, "$.holder_name")).isEqualTo("王小明");
		assertThat(JsonPath.<String>read(claims, "$.certificate_serial"))
			.isEqualTo(issued.certificate().serial());
		// the access token names the enterprise, not the holder (a person)
		String access = JsonPath.read(tokensResponse.body(), "$.access_token");
		String accessClaims = new String(Base64.getUrlDecoder().decode(access.split("\\.")[1]), StandardCharsets.UTF_8);
		assertThat(JsonPath.<String>read(accessClaims, "$.credit_code")).isEqualTo("91110105MA1GT001XJ");
		assertThat(accessClaims).doesNotContain("holder_name").doesNotContain("王小明");

		// the RA revokes; a new login with the same key is refused with the date and the reason
		this.certificates.revoke(issued.certificate().serial(), RevocationReason.KEY_COMPROMISE, "ra-officer");
		assertThat(this.certificates.get(issued.certificate().serial()).status()).isEqualTo(CertificateStatus.REVOKED);
		this.browser.manage().deleteAllCookies();
		assertThat(signInWithTheKey(redirect, verifier, "s-2", false)).isNull();
		String refusal = this.page.text("#certificate-error");
		assertThat(refusal).contains("CA-3007").contains("2026-11-22").contains("密钥泄露");
		assertThat(this.page.url()).contains("/login/certificate");
	}

	/**
	 * Starts at the app's authorization request, takes the USB-key tab, enters the PIN (after
	 * a wrong one, if asked); returns the authorization code, or null when the page shows an
	 * error instead.
	 */
	private String signInWithTheKey(String redirect, String verifier, String state, boolean wrongPinFirst)
			throws Exception {
		String challenge = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(
					MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		this.page.open("/oauth2/authorize?response_type=code&client_id=tax-app&scope=openid%20profile&state=" + state
				+ "&nonce=n-" + state + "&code_challenge=" + challenge + "&code_challenge_method=S256&redirect_uri="
				+ URLEncoder.encode(redirect, StandardCharsets.UTF_8));
		// the sign-in page answers at the authorization request's own address
		assertThat(this.page.url()).contains("/oauth2/authorize?");
		this.page.submit("#tab-certificate");
		assertThat(this.page.text("#requesting-app")).contains("电子税务局");
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		// the page found the assistant and lists the certificate on the key with its PIN tries
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("certificate-form")));
		WebElement choice = this.browser.findElement(By.cssSelector("#certificate-choice option"));
		assertThat(choice.getText()).contains("北京示范科技有限公司").contains("GovTrust-E2E");
		assertThat(this.page.text("#pin-state")).contains("6");
		if (wrongPinFirst) {
			// a mistyped PIN: the assistant's count of tries left, on the page, and no sign-in
			this.page.fill("#pin", "000000");
			this.page.click("#certificate-submit");
			wait.until((driver) -> !driver.findElement(By.id("certificate-error")).getText().isBlank());
			assertThat(this.page.text("#certificate-error")).contains("CA-3102").contains("5");
			assertThat(this.page.text("#pin-state")).contains("5");
		}
		this.page.fill("#pin", PIN);
		this.page.click("#certificate-submit");
		wait.until((driver) -> this.page.url().startsWith(redirect)
				|| !driver.findElement(By.id("certificate-error")).getText().isBlank());
		if (!this.page.url().startsWith(redirect)) {
			return null;
		}
		assertThat(this.page.url()).contains("state=" + state);
		return this.page.url().replaceAll(".*[?&]code=([^&]+).*", "$1");
	}

	private Run assistant(String... args) throws Exception {
		Process process = start(args);
		process.getOutputStream().close();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		return new Run(process.waitFor(), out, err);
	}

	/** The assistant as a person runs it: {@code java -jar key-assistant.jar ...}. */
	private Process start(String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", ASSISTANT_JAR.toString()));
		command.addAll(List.of(args));
		command.addAll(List.of("--pkcs11-library", SOFTHSM.toString(), "--state-dir",
				this.directory.resolve("assistant-state").toString()));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().put("SOFTHSM2_CONF", this.softhsmConf.toString());
		builder.environment().remove("GOVTRUST_PKCS12");
		if ("serve".equals(args[0])) {
			builder.redirectErrorStream(true);
		}
		return builder.start();
	}

	/** The local endpoint, its output (one line a request) drained in the background. */
	private Process serve(String... args) throws IOException {
		String[] command = new String[args.length + 1];
		command[0] = "serve";
		System.arraycopy(args, 0, command, 1, args.length);
		return start(command);
	}

	private Run run(List<String> command) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().put("SOFTHSM2_CONF", this.softhsmConf.toString());
		builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		Process process = builder.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		return new Run(process.waitFor(), out, err);
	}

	/** Reads the serve command's output up to its "listening on" line. */
	private static String listeningLine(Process serve) throws IOException {
		BufferedReader reader = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
		StringBuilder output = new StringBuilder();
		String line;
		while ((line = reader.readLine()) != null) {
			if (line.startsWith("listening on ")) {
				Thread drain = new Thread(() -> {
					try {
						reader.transferTo(Writer.nullWriter());
					}
					catch (IOException ex) {
						// the assistant was stopped
					}
				}, "assistant-output");
				drain.setDaemon(true);
				drain.start();
				return line.substring("listening on ".length()).trim();
			}
			output.append(line).append('\n');
		}
		throw new AssertionError("the assistant ended without listening: " + output);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Run(int code, String out, String err) {

		String all() {
			return this.out + this.err;
		}

	}

}
