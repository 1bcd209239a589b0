package org.govtrust.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

import org.govtrust.assistant.crypto.Certs;
import org.govtrust.assistant.crypto.KeyAlgorithm;
import org.govtrust.assistant.crypto.Signatures;
import org.govtrust.assistant.http.LocalServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The loopback endpoint the login page calls. */
class LocalServerTest {

	static final String ORIGIN = "https://govtrust.example.gov.cn";

	@TempDir
	Path directory;

	Fixture fixture;

	X509Certificate certificate;

	LocalServer server;

	HttpClient client = HttpClient.newHttpClient();

	@BeforeEach
	void setUp() throws Exception {
		fixture = new Fixture(directory);
		TestCa ca = TestCa.create(KeyAlgorithm.EC, null);
		certificate = fixture.enrol(ca, KeyAlgorithm.EC, "login");
		fixture.keygen(KeyAlgorithm.EC, "pending", "CN=Pending,C=CN"); // a placeholder: not listed
		server = new LocalServer(fixture.assistant, 0, List.of(ORIGIN + "/login", "http://localhost:8080"),
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
		server.start();
	}

	@AfterEach
	void tearDown() {
		server.close();
	}

	@Test
	void bindsTheLoopbackAddressOnly() {
		assertThat(server.url()).startsWith("http://127.0.0.1:");
		assertThat(server.allowedOrigins()).containsExactlyInAnyOrder(ORIGIN, "http://localhost:8080");
	}

	@Test
	void statusListsTokensPinStateAndCertificatesWithCors() throws Exception {
		HttpResponse<String> response = get("/v1/status", ORIGIN);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
		assertThat(response.headers().firstValue("Vary")).contains("Origin");
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
		JsonNode json = Json.MAPPER.readTree(response.body());
		assertThat(json.path("version").asString()).isEqualTo("0.1.0");
		JsonNode token = json.path("tokens").get(0);
		assertThat(token.path("id").asString()).isEqualTo("file:enterprise.p12");
		assertThat(token.path("kind").asString()).isEqualTo("PKCS12");
		assertThat(token.path("pin").path("triesLeft").asInt()).isEqualTo(6);
		assertThat(token.path("pin").path("maxTries").asInt()).isEqualTo(6);
		assertThat(token.path("pin").path("locked").asBoolean()).isFalse();
		assertThat(token.path("certificates")).hasSize(1);
		JsonNode c = token.path("certificates").get(0);
		assertThat(c.path("alias").asString()).isEqualTo("login");
		assertThat(c.path("serial").asString()).isEqualTo(Certs.serialHex(certificate));
		assertThat(c.path("notAfter").asString()).isEqualTo(certificate.getNotAfter().toInstant().toString());
		assertThat(c.path("renewalDue").asBoolean()).isFalse();
		assertThat(c.path("subject").asString()).contains("示例科技有限公司");
		assertThat(Base64.getDecoder().decode(c.path("certificate").asString())).isEqualTo(certificate.getEncoded());
	}

	@Test
	void otherOriginsAreRefusedWithoutCorsHeaders() throws Exception {
		for (String origin : new String[] { "https://evil.example", "https://govtrust.example.gov.cn.evil.example", "null" }) {
			HttpResponse<String> response = get("/v1/status", origin);
			assertThat(response.statusCode()).isEqualTo(403);
			assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
			assertThat(Json.MAPPER.readTree(response.body()).path("error").asString()).isEqualTo("ORIGIN_NOT_ALLOWED");
		}
		HttpResponse<String> noOrigin = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/status")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(noOrigin.statusCode()).isEqualTo(403);
		HttpResponse<String> preflight = options("https://evil.example");
		assertThat(preflight.statusCode()).isEqualTo(403);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void preflightAllowsPrivateNetworkAccess() throws Exception {
		HttpResponse<String> response = options(ORIGIN);
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
		assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).contains("GET, POST");
		assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).contains("Content-Type");
		assertThat(response.headers().firstValue("Access-Control-Allow-Private-Network")).contains("true");
		assertThat(response.headers().firstValue("Access-Control-Max-Age")).contains("600");
		assertThat(response.headers().firstValue("Vary")).contains("Origin");
		assertThat(options("http://localhost:8080").statusCode()).isEqualTo(204);
	}

	@Test
	void hostMustBeTheLoopbackNameAndPort() throws Exception {
		assertThat(rawStatus("127.0.0.1:" + server.port())).isEqualTo(200);
		assertThat(rawStatus("localhost:" + server.port())).isEqualTo(200);
		assertThat(rawStatus("attacker.example:" + server.port())).isEqualTo(403);
		assertThat(rawStatus("127.0.0.1:1")).isEqualTo(403);
		assertThat(rawStatus(null)).isEqualTo(403);
	}

	@Test
	void signsAGovTrustChallengeForThePagesOrigin() throws Exception {
		String challenge = challenge(ORIGIN);
		HttpResponse<String> response = post("/v1/sign", ORIGIN, signBody(challenge, Fixture.PIN));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
		JsonNode json = Json.MAPPER.readTree(response.body());
		assertThat(json.path("algorithm").asString()).isEqualTo("SHA256withECDSA");
		X509Certificate signer = Certs.parse(Base64.getDecoder().decode(json.path("certificate").asString()));
		assertThat(signer).isEqualTo(certificate);
		byte[] signature = Base64.getDecoder().decode(json.path("signature").asString());
		assertThat(Signatures.verify("SHA256withECDSA", signer.getPublicKey(), challenge.getBytes(StandardCharsets.UTF_8),
				signature)).isTrue();
	}

	@Test
	void refusesAnythingThatIsNotALoginChallenge() throws Exception {
		String[] bad = { "please sign this contract", challenge(ORIGIN) + "\n", challenge(ORIGIN).replace("\n", "\r\n"),
				challenge(ORIGIN).replace("GovTrust certificate login", "GovTrust payment"),
				challenge(ORIGIN).replace("issued-at: 2025-05-01T08:00:00Z", "issued-at: yesterday"),
				challenge(ORIGIN).replace("challenge: ", "challenge: ###"),
				challenge(ORIGIN) + "\nextra: line" };
		for (String challenge : bad) {
			HttpResponse<String> response = post("/v1/sign", ORIGIN, signBody(challenge, Fixture.PIN));
			assertThat(response.statusCode()).as(challenge).isEqualTo(400);
			JsonNode json = Json.MAPPER.readTree(response.body());
			assertThat(json.path("error").asString()).isEqualTo("CHALLENGE_INVALID");
			assertThat(json.path("message").asString()).contains(" / ").contains("not a GovTrust login challenge");
		}
		// a refused challenge costs no PIN try
		assertThat(fixture.assistant.guard().status(fixture.token).triesLeft()).isEqualTo(6);
	}

	@Test
	void refusesAChallengeForAnotherOrigin() throws Exception {
		HttpResponse<String> response = post("/v1/sign", "http://localhost:8080", signBody(challenge(ORIGIN), Fixture.PIN));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Json.MAPPER.readTree(response.body()).path("error").asString()).isEqualTo("CHALLENGE_ORIGIN_MISMATCH");
	}

	@Test
	void wrongPinsCountDownThenLock() throws Exception {
		for (int left = 5; left >= 0; left--) {
			HttpResponse<String> response = post("/v1/sign", ORIGIN, signBody(challenge(ORIGIN), "000000"));
			assertThat(response.statusCode()).isEqualTo(401);
			JsonNode json = Json.MAPPER.readTree(response.body());
			assertThat(json.path("error").asString()).isEqualTo("PIN_INCORRECT");
			assertThat(json.path("triesLeft").asInt()).isEqualTo(left);
		}
		HttpResponse<String> locked = post("/v1/sign", ORIGIN, signBody(challenge(ORIGIN), Fixture.PIN));
		assertThat(locked.statusCode()).isEqualTo(423);
		assertThat(Json.MAPPER.readTree(locked.body()).path("error").asString()).isEqualTo("PIN_LOCKED");
		JsonNode status = Json.MAPPER.readTree(get("/v1/status", ORIGIN).body());
		assertThat(status.path("tokens").get(0).path("pin").path("locked").asBoolean()).isTrue();

		HttpResponse<String> unlock = post("/v1/unlock-request", ORIGIN, "{\"token\":\"file:enterprise.p12\"}");
		assertThat(unlock.statusCode()).isEqualTo(200);
		assertThat(Json.MAPPER.readTree(unlock.body()).path("code").asString()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{22}");
	}

	@Test
	void errorsForMissingTokensCertificatesAndBadBodies() throws Exception {
		ObjectNode body = (ObjectNode) Json.MAPPER.readTree(signBody(challenge(ORIGIN), Fixture.PIN));
		body.put("token", "pkcs11:0000");
		HttpResponse<String> absent = post("/v1/sign", ORIGIN, body.toString());
		assertThat(absent.statusCode()).isEqualTo(404);
		assertThat(Json.MAPPER.readTree(absent.body()).path("error").asString()).isEqualTo("TOKEN_ABSENT");

		body.put("token", "file:enterprise.p12");
		body.put("alias", "pending");
		HttpResponse<String> none = post("/v1/sign", ORIGIN, body.toString());
		assertThat(none.statusCode()).isEqualTo(404);
		assertThat(Json.MAPPER.readTree(none.body()).path("error").asString()).isEqualTo("NO_CERTIFICATE");

		for (String bad : new String[] { "not json", "[1,2]", "{\"challenge\":1,\"pin\":\"1\"}", "{\"pin\":\"123456\"}" }) {
			HttpResponse<String> response = post("/v1/sign", ORIGIN, bad);
			assertThat(response.statusCode()).as(bad).isEqualTo(400);
			assertThat(Json.MAPPER.readTree(response.body()).path("error").asString()).isEqualTo("BAD_REQUEST");
		}
		HttpResponse<String> large = post("/v1/sign", ORIGIN, "{\"challenge\":\"" + "a".repeat(70_000) + "\"}");
		assertThat(large.statusCode()).isEqualTo(413);
		assertThat(get("/v1/nothing", ORIGIN).statusCode()).isEqualTo(404);
		assertThat(get("/v1/sign", ORIGIN).statusCode()).isEqualTo(405);
	}

	static String challenge(String origin) {
		return "GovTrust certificate login\norigin: " + origin + "\nchallenge: q1w2e3r4t5y6u7i8o9p0-_AZ\nissued-at: 2025-05-01T08:00:00Z";
	}

	static String signBody(String challenge, String pin) {
		ObjectNode body = Json.MAPPER.createObjectNode();
		body.put("challenge", challenge);
		body.put("pin", pin);
		return body.toString();
	}

	private HttpResponse<String> get(String path, String origin) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create(server.url() + path)).header("Origin", origin).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String origin, String body) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create(server.url() + path))
			.header("Origin", origin)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> options(String origin) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/sign"))
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Private-Network", "true")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A raw HTTP/1.1 request, since HttpClient does not let the Host header be chosen. */
	private int rawStatus(String host) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", server.port())) {
			OutputStream out = socket.getOutputStream();
			String request = "GET /v1/status HTTP/1.1\r\n" + (host == null ? "" : "Host: " + host + "\r\n") + "Origin: " + ORIGIN
					+ "\r\nConnection: close\r\n\r\n";
			out.write(request.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
			return Integer.parseInt(statusLine.substring(9, 12));
		}
	}
}
