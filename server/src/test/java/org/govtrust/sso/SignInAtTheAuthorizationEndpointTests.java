package org.govtrust.sso;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.govtrust.support.MutableClock;
import org.govtrust.support.TestCitizens;
import org.govtrust.support.TestClockConfiguration;
import org.govtrust.support.TestDatabase;
import org.govtrust.support.TestPersons;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.jayway.jsonpath.JsonPath;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's sign-in for an app in three round trips, as Keycloak's takes, on a real server
 * (the container's forwards are what is tested; MockMvc only records them): the authorization
 * request is answered with the sign-in page at its own address, the form's POST with the
 * redirect to the app carrying its code, then the app exchanges the code. The form's fields
 * never reach the authorization request, and the session the POST started signs the next
 * request in without a form. The authorization server's own error page has the pages' headers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class SignInAtTheAuthorizationEndpointTests {

	static final String REDIRECT = "http://localhost:9000/callback";

	static final String PHONE = "19912345678";

	static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	JsonMapper json;

	@Autowired
	ClientService clients;

	private final HttpClient http = HttpClient.newHttpClient(); // follows no redirects

	private final Map<String, String> cookies = new LinkedHashMap<>();

	@BeforeEach
	void reset() throws Exception {
		TestDatabase.resetWithApps(this.jdbc);
		this.clock.reset();
		this.clients.register(new RegisterClientCommand("tax-app", "电子税务局", "税务局", null, List.of(REDIRECT),
				List.of(), List.of("openid", "profile"), false, false, "loa1", false, false, null));
		registerCitizen();
	}

	@Test
	void theSignInPageAnswersTheAuthorizationRequestAndTheFormAnswersWithTheCode() throws Exception {
		String verifier = "verifier-" + "q".repeat(40);
		String authorize = authorizeUrl(verifier, "s-1");

		// 1. the authorization request: the sign-in page, at the request's own address
		HttpResponse<String> page = send(HttpRequest.newBuilder(uri(authorize)).GET());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"requesting-app\"").contains("电子税务局").contains("action=\"/login\"");
		// the pages' headers and CSRF cookie, as on /login itself
		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				(csp) -> assertThat(csp).contains("frame-ancestors 'none'").contains("script-src 'self'"));
		assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
		assertThat(this.cookies).containsKey("XSRF-TOKEN").doesNotContainKey("SESSION");
		Map<String, String> form = hiddenFields(page.body());
		assertThat(form).containsKeys("_csrf", "next");

		// a wrong password: the page again, with the reason, and no code
		HttpResponse<String> wrong = postLogin(form, "Wrong-password-1");
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("LGN-");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM oauth2_authorization").query(Integer.class).single()).isZero();

		// 2. the form: answered with the redirect to the app, its code and state
		Map<String, String> again = hiddenFields(wrong.body());
		HttpResponse<String> signedIn = postLogin(again, TestCitizens.PASSWORD);
		assertThat(signedIn.statusCode()).isEqualTo(302);
		String location = signedIn.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith(REDIRECT + "?code=").contains("state=s-1");
		assertThat(this.cookies).containsKey("SESSION");
		// what was stored of the authorization request holds its own parameters only
		// (the login hint names the form's fields, so a reading by name alone would let them through)
		String stored = this.jdbc.sql("SELECT attributes FROM oauth2_authorization").query(String.class).single();
		assertThat(stored).contains("s-1").contains("tax-app").contains("password_csrf")
			.doesNotContain(TestCitizens.PASSWORD)
			.doesNotContain(again.get("_csrf"));

		// 3. the app's code exchange
		String code = URI.create(location).getQuery().replaceAll(".*code=([^&]+).*", "$1");
		HttpResponse<String> tokens = send(HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=tax-app&code=" + code
					+ "&code_verifier=" + verifier + "&redirect_uri=" + encode(REDIRECT))));
		assertThat(tokens.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(tokens.body(), "$.id_token")).isNotBlank();
		assertThat(tokens.headers().allValues("Set-Cookie")).isEmpty(); // no CSRF token for an API

		// the session the form's answer set signs the next authorization request in without a form
		HttpResponse<String> signedInAlready = send(HttpRequest.newBuilder(uri(authorizeUrl(verifier, "s-2"))).GET());
		assertThat(signedInAlready.statusCode()).isEqualTo(302);
		assertThat(signedInAlready.headers().firstValue("Location")).hasValueSatisfying(
				(next) -> assertThat(next).startsWith(REDIRECT + "?code=").contains("state=s-2"));
	}

	@Test
	void anAppAskingForASignInNowGetsItsCodeFromTheSignInItAskedFor() throws Exception {
		String verifier = "verifier-" + "r".repeat(40);
		HttpResponse<String> first = postLogin(hiddenFields(send(HttpRequest.newBuilder(uri(authorizeUrl(verifier, "s-1")))
			.GET()).body()), TestCitizens.PASSWORD);
		assertThat(first.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).startsWith(REDIRECT + "?code="));
		this.clock.advance(Duration.ofMinutes(5));

		// signed in already, the app asks for a sign-in now: the sign-in page, saying why
		HttpResponse<String> asked = send(HttpRequest.newBuilder(uri(authorizeUrl(verifier, "s-2") + "&prompt=login"))
			.GET());
		assertThat(asked.statusCode()).isEqualTo(302);
		String signInPage = asked.headers().firstValue("Location").orElseThrow();
		assertThat(signInPage).startsWith("http://localhost:" + this.port + "/login?again=1&next=");
		HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(signInPage)).GET());
		assertThat(page.body()).contains("id=\"sign-in-again\"").contains("id=\"requesting-app\"");

		// the form's answer is the code, for the request without the prompt the sign-in satisfied
		HttpResponse<String> signedIn = postLogin(hiddenFields(page.body()), TestCitizens.PASSWORD);
		assertThat(signedIn.statusCode()).isEqualTo(302);
		String location = signedIn.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith(REDIRECT + "?code=").contains("state=s-2");
		String code = URI.create(location).getQuery().replaceAll(".*code=([^&]+).*", "$1");
		HttpResponse<String> tokens = send(HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=tax-app&code=" + code
					+ "&code_verifier=" + verifier + "&redirect_uri=" + encode(REDIRECT))));
		String idToken = JsonPath.read(tokens.body(), "$.id_token");
		String claims = new String(Base64.getUrlDecoder().decode(idToken.split("\\.")[1]), StandardCharsets.UTF_8);
		// auth_time: the second sign-in's
		assertThat(JsonPath.<Number>read(claims, "$.auth_time").longValue())
			.isEqualTo(MutableClock.START.plus(Duration.ofMinutes(5)).getEpochSecond());
	}

	@Test
	void theLanguageTheAppAsksForIsTheSignInPagesAtTheAuthorizationEndpoint() throws Exception {
		HttpResponse<String> page = send(HttpRequest
			.newBuilder(uri(authorizeUrl("verifier-" + "u".repeat(40), "s-1") + "&ui_locales=en-GB%20zh-CN"))
			.GET());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Sign in").contains("id=\"requesting-app\"");
		assertThat(this.cookies).doesNotContainKey("govtrust_lang"); // nothing kept: the next app decides again
	}

	@Test
	void theAuthorizationServersErrorPageHasThePagesHeaders() throws Exception {
		HttpResponse<String> refused = send(HttpRequest
			.newBuilder(uri("/oauth2/authorize?response_type=code&client_id=no-such-app&scope=openid"))
			.GET());
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("SSO-1006");
		assertThat(refused.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				(csp) -> assertThat(csp).contains("frame-ancestors 'none'"));
		assertThat(refused.headers().firstValue("Referrer-Policy")).contains("same-origin");
	}

	@Test
	void aNextAddressThatCannotBeReadIsRedirectedToNotAnswered() throws Exception {
		Map<String, String> form = hiddenFields(send(HttpRequest.newBuilder(uri("/login")).GET()).body());
		form.put("next", "/oauth2/authorize?client_id=%zz");
		HttpResponse<String> signedIn = postLogin(form, TestCitizens.PASSWORD);
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).endsWith("/oauth2/authorize?client_id=%zz"));
	}

	@Test
	void aSignInWithoutAnAppStillRedirectsToTheAccount() throws Exception {
		HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/login")).GET());
		HttpResponse<String> signedIn = postLogin(hiddenFields(page.body()), TestCitizens.PASSWORD);
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).endsWith("/account"));
	}

	/**
	 * Registers the citizen through the JSON APIs on the real port (MockMvc's CSRF support would
	 * swap the running server's CSRF token store for its own).
	 */
	private void registerCitizen() throws Exception {
		String id = JsonPath.read(postJson("/api/v1/registrations", TestPersons.wang(PHONE)), "$.id");
		String code = JsonPath.read(send(HttpRequest.newBuilder(uri("/api/v1/simulator/sms-outbox?phone=" + PHONE)).GET())
			.body(), "$[0].code");
		postJson("/api/v1/registrations/" + id + "/phone-verification", Map.of("code", code));
		postJson("/api/v1/registrations/" + id + "/face-verification",
				Map.of("faceImage", Base64.getEncoder().encodeToString(TestPersons.faceImage())));
		postJson("/api/v1/registrations/" + id + "/account", Map.of("password", TestCitizens.PASSWORD));
		this.cookies.clear();
	}

	private String postJson(String path, Object body) throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body))));
		assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 299);
		return response.body();
	}

	private HttpResponse<String> postLogin(Map<String, String> hidden, String password) throws Exception {
		Map<String, String> fields = new LinkedHashMap<>(hidden);
		fields.put("identifier", TestPersons.WANG_ID);
		fields.put("password", password);
		String body = fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Sends with this browser's cookies, and keeps those the answer sets. */
	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		if (!this.cookies.isEmpty()) {
			request.header("Cookie", this.cookies.entrySet()
				.stream()
				.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
				.collect(Collectors.joining("; ")));
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		for (String set : response.headers().allValues("Set-Cookie")) {
			String pair = set.split(";", 2)[0];
			int equals = pair.indexOf('=');
			this.cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
		}
		return response;
	}

	private static Map<String, String> hiddenFields(String html) {
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher hidden = HIDDEN.matcher(html);
		while (hidden.find()) {
			fields.put(hidden.group(1), hidden.group(2).replace("&amp;", "&"));
		}
		return fields;
	}

	private String authorizeUrl(String verifier, String state) throws Exception {
		String challenge = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		return "/oauth2/authorize?response_type=code&client_id=tax-app&scope=openid%20profile&state=" + state
				+ "&nonce=n&login_hint=password_csrf&code_challenge=" + challenge
				+ "&code_challenge_method=S256&redirect_uri=" + encode(REDIRECT);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
