package org.govtrust.sso;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.govtrust.identity.OperatorService;
import org.govtrust.login.ExpiredSessions;
import org.govtrust.login.SessionIds;
import org.govtrust.shared.web.ProblemWriter;
import org.govtrust.support.GovTrustTest;
import org.govtrust.support.MutableClock;
import org.govtrust.support.TestCitizens;
import org.govtrust.support.TestDatabase;
import org.govtrust.support.TestPersons;
import org.govtrust.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.util.HtmlUtils;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * OpenID Connect through GovTrust's own sign-in: authorization code with PKCE, claims with
 * the assurance level, refresh-token rotation, key rotation, client credentials, step-up,
 * refused redirect URIs, registration of apps by the administrator, and the consent page of
 * apps registered to ask first (allow, cancel, asked once, never for pre-approved apps).
 */
@GovTrustTest
class OidcFlowTests {

	static final String REDIRECT = "http://localhost:9000/login/oauth2/code/govtrust";

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	ClientService clients;

	@Autowired
	KeyRotation keyRotation;

	@Autowired
	OperatorService importer;

	@Autowired
	ExpiredSessions expiredSessions;

	@BeforeEach
	void reset() {
		TestDatabase.resetWithApps(this.jdbc);
		this.clock.reset();
	}

	@Test
	void discoveryAnnouncesTheProvider() throws Exception {
		this.mvc.perform(get("/.well-known/openid-configuration"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.authorization_endpoint").value(startsWith("http://localhost")))
			.andExpect(jsonPath("$.userinfo_endpoint").exists())
			.andExpect(jsonPath("$.end_session_endpoint").exists())
			.andExpect(jsonPath("$.jwks_uri").exists())
			.andExpect(jsonPath("$.acr_values_supported", contains("urn:govtrust:loa:1", "urn:govtrust:loa:2",
					"urn:govtrust:loa:3", "urn:govtrust:loa:4")))
			.andExpect(jsonPath("$.prompt_values_supported", contains("none", "login", "select_account")))
			.andExpect(jsonPath("$.subject_types_supported", contains("public", "pairwise")))
			.andExpect(jsonPath("$.tls_client_certificate_bound_access_tokens").value(false));
	}

	@Test
	void authorizationCodeWithPkceThroughTheLoginGivesTokensWithTheLevel() throws Exception {
		publicClient("tax-app", "LOA1");
		WebClient citizen = registeredCitizen();
		String verifier = "verifier-" + "x".repeat(40);
		String authorize = authorizeUrl("tax-app", challenge(verifier), "openid profile realname", null);

		// without a session GovTrust's own login page answers, and the sign-in comes back (the
		// container's forward itself: SignInAtTheAuthorizationEndpointTests)
		MvcResult anonymous = new WebClient(this.mvc, this.json).get(authorize).andExpect(status().isOk()).andReturn();
		assertThat(anonymous.getResponse().getForwardedUrl()).startsWith("/login?next=")
			.contains(URLEncoder.encode("/oauth2/authorize?", StandardCharsets.UTF_8));

		String code = code(citizen.get(authorize).andExpect(status().is3xxRedirection()).andReturn());
		String tokens = this.mvc.perform(post("/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("grant_type", "authorization_code")
			.param("code", code)
			.param("redirect_uri", REDIRECT)
			.param("client_id", "tax-app")
			.param("code_verifier", verifier))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Map<String, Object> idToken = claims(JsonPath.read(tokens, "$.id_token"));
		String accountId = this.jdbc.sql("SELECT id FROM idn_account").query(String.class).single();
		assertThat(idToken).containsEntry("sub", accountId)
			.containsEntry("acr", "urn:govtrust:loa:2")
			.containsEntry("amr", List.of("pwd"))
			.containsEntry("name", "王小明")
			.containsEntry("id_number", "1101**********1233")
			.containsEntry("nonce", "n-1");
		// sid: the session the code was granted in (the person's only one here)
		String sessionId = this.jdbc
			.sql("SELECT session_id FROM spring_session WHERE principal_name LIKE :name")
			.param("name", "%" + accountId)
			.query(String.class)
			.single()
			.trim();
		assertThat(idToken).containsEntry("sid", Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.US_ASCII))));
		// auth_time: when the session's sign-in was proven, as the login history recorded it (to the second)
		OffsetDateTime signedInAt = this.jdbc
			.sql("SELECT max(occurred_at) FROM lgn_event WHERE principal_id = :id AND succeeded = TRUE")
			.param("id", UUID.fromString(accountId))
			.query(OffsetDateTime.class)
			.single();
		assertThat(idToken).containsKey("auth_time");
		assertThat(((Number) idToken.get("auth_time")).longValue()).isEqualTo(signedInAt.toEpochSecond());
		// personal data is for the app (ID token, userinfo), not in the bearer token it hands to APIs
		assertThat(claims(JsonPath.read(tokens, "$.access_token"))).containsEntry("sub", accountId)
			.containsEntry("acr", "urn:govtrust:loa:2")
			.doesNotContainKeys("name", "id_number", "real_name_level", "phone_number");

		String accessToken = JsonPath.read(tokens, "$.access_token");
		this.mvc.perform(get("/userinfo").header("Authorization", "Bearer " + accessToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sub").value(accountId))
			.andExpect(jsonPath("$.acr").value("urn:govtrust:loa:2"))
			.andExpect(jsonPath("$.name").value("王小明"))
			.andExpect(jsonPath("$.id_number").value("1101**********1233"));

		// a rotated signing key keeps verifying the tokens it signed
		this.keyRotation.rotate();
		this.mvc.perform(get("/oauth2/jwks")).andExpect(jsonPath("$.keys.length()").value(2));
		this.mvc.perform(get("/userinfo").header("Authorization", "Bearer " + accessToken))
			.andExpect(status().isOk());
	}

	@Test
	void confidentialWebAppGetsRotatingRefreshTokens() throws Exception {
		WebAppTokens web = webAppSignIn(true);
		String basic = web.basic();
		String tokens = web.tokens();
		// registered pairwise: the subject is this app's own, not the account id
		String accountId = this.jdbc.sql("SELECT id FROM idn_account").query(String.class).single();
		assertThat(claims(JsonPath.read(tokens, "$.id_token")).get("sub")).isNotEqualTo(accountId);
		String refresh = JsonPath.read(tokens, "$.refresh_token");
		String refreshed = this.mvc.perform(post("/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("Authorization", basic)
			.param("grant_type", "refresh_token")
			.param("refresh_token", refresh))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<String>read(refreshed, "$.refresh_token")).isNotEqualTo(refresh);
		// the refreshed ID token names the same session and sign-in as the first
		Map<String, Object> first = claims(JsonPath.read(tokens, "$.id_token"));
		Map<String, Object> again = claims(JsonPath.read(refreshed, "$.id_token"));
		assertThat(again.get("sid")).isNotNull().isEqualTo(first.get("sid"));
		assertThat(again.get("auth_time")).isNotNull().isEqualTo(first.get("auth_time"));
		this.mvc.perform(post("/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("Authorization", basic)
			.param("grant_type", "refresh_token")
			.param("refresh_token", refresh))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_grant"));
	}

	@Test
	void userinfoAnswersOnlyTheCurrentAccessTokenOfAnAuthorization() throws Exception {
		WebAppTokens web = webAppSignIn(false);
		String basic = web.basic();
		String tokens = web.tokens();
		String verifier = web.verifier();
		String access = JsonPath.read(tokens, "$.access_token");
		String accountId = this.jdbc.sql("SELECT id FROM idn_account").query(String.class).single();
		userinfo("Bearer " + access).andExpect(status().isOk())
			.andExpect(jsonPath("$.sub").value(accountId))
			.andExpect(jsonPath("$.name").value("王*明"))
			.andExpect(jsonPath("$.acr").value("urn:govtrust:loa:2"));
		userinfo("bearer " + access).andExpect(status().isOk()); // the scheme's name is case-insensitive

		// the same header and claims signed by another key: a token GovTrust never issued
		java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		java.security.Signature signer = java.security.Signature.getInstance("SHA256withRSA");
		signer.initSign(generator.generateKeyPair().getPrivate());
		String signingInput = access.substring(0, access.lastIndexOf('.'));
		signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
		String forged = signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
		userinfo("Bearer " + forged).andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("invalid_token")))
			.andExpect(header().string("WWW-Authenticate",
					containsString("resource_metadata=\"http://localhost/.well-known/oauth-protected-resource/userinfo\"")));
		// an ID token or a refresh token is not an access token
		userinfo("Bearer " + JsonPath.<String>read(tokens, "$.id_token")).andExpect(status().isUnauthorized());
		userinfo("Bearer " + JsonPath.<String>read(tokens, "$.refresh_token")).andExpect(status().isUnauthorized());
		// a bearer header is not a sign-in anywhere else: the authorization endpoint shows the login page
		String asked = this.mvc
			.perform(get(URI.create(authorizeUrl("tax-web", challenge(verifier), "openid", null)))
				.header("Authorization", "Bearer " + access))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getForwardedUrl();
		assertThat(asked).startsWith("/login?next=");
		// malformed or missing
		userinfo("Bearer " + access + " extra").andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Bearer token is malformed")));
		userinfo("Bearer ").andExpect(status().isUnauthorized());
		this.mvc.perform(get("/userinfo")).andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate",
					"Bearer resource_metadata=\"http://localhost/.well-known/oauth-protected-resource/userinfo\""));
		// which names this server as the one that issues userinfo's tokens (RFC 9728)
		this.mvc.perform(get("/.well-known/oauth-protected-resource/userinfo"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.resource").value("http://localhost/userinfo"))
			.andExpect(jsonPath("$.authorization_servers[0]").value("http://localhost"))
			.andExpect(jsonPath("$.bearer_methods_supported[0]").value("header"))
			.andExpect(jsonPath("$.tls_client_certificate_bound_access_tokens").value(false));

		// a refresh replaces the access token: the old one no longer answers, the new one does
		String refreshed = this.mvc.perform(post("/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("Authorization", basic)
			.param("grant_type", "refresh_token")
			.param("refresh_token", JsonPath.<String>read(tokens, "$.refresh_token")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String current = JsonPath.read(refreshed, "$.access_token");
		userinfo("Bearer " + access).andExpect(status().isUnauthorized());
		userinfo("Bearer " + current).andExpect(status().isOk()).andExpect(jsonPath("$.sub").value(accountId));

		// expired (the row says so; every node reads it): refused
		Map<String, Object> times = this.jdbc
			.sql("SELECT access_token_issued_at, access_token_expires_at FROM oauth2_authorization")
			.query()
			.singleRow();
		this.jdbc.sql("UPDATE oauth2_authorization SET access_token_issued_at = :issued, access_token_expires_at = :expired")
			.param("issued", java.time.OffsetDateTime.now().minusHours(2))
			.param("expired", java.time.OffsetDateTime.now().minusHours(1))
			.update();
		userinfo("Bearer " + current).andExpect(status().isUnauthorized());
		this.jdbc.sql("UPDATE oauth2_authorization SET access_token_issued_at = :issued, access_token_expires_at = :expires")
			.param("issued", times.get("access_token_issued_at"))
			.param("expires", times.get("access_token_expires_at"))
			.update();
		userinfo("Bearer " + current).andExpect(status().isOk());

		// revoked (RFC 7009): refused at once
		this.mvc.perform(post("/oauth2/revoke").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("Authorization", basic)
			.param("token", current))
			.andExpect(status().isOk());
		userinfo("Bearer " + current).andExpect(status().isUnauthorized());

		// an app's own token (client credentials) speaks for no person
		String appToken = clientCredentialsToken(basic);
		userinfo("Bearer " + appToken).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.error").value("insufficient_scope"));
	}

	private ResultActions userinfo(String authorization) throws Exception {
		return this.mvc.perform(get("/userinfo").header("Authorization", authorization));
	}

	@Test
	void signingOutTellsEveryAppTheSessionSignedInToOverTheBackChannel() throws Exception {
		try (LogoutReceiver app = new LogoutReceiver()) {
			List<String> received = app.received();
			backChannelApp("app-one", app, false);
			backChannelApp("app-two", app, true); // pairwise
			WebClient citizen = registeredCitizen();
			for (String id : List.of("app-one", "app-two")) {
				signInTo(citizen, id);
			}
			citizen.post("/api/v1/logout", Map.of()).andExpect(status().isNoContent());

			awaitSize(received, 2); // sent after the sign-out, on a thread of their own
			String accountId = this.jdbc.sql("SELECT id FROM idn_account").query(String.class).single();
			for (String message : received) {
				String path = message.substring(0, message.indexOf(' '));
				Map<String, Object> claims = logoutToken(message);
				String client = path.substring("/bc/".length());
				assertThat(claims.get("aud")).asString().contains(client);
				assertThat(claims).containsKey("events").doesNotContainKey("nonce");
				// each app hears of the person under the subject it knows (app-two is pairwise)
				assertThat(claims.get("sub").equals(accountId)).isEqualTo(client.equals("app-one"));
			}
			assertThat(this.jdbc.sql("SELECT count(*) FROM oauth2_authorization").query(Long.class).single()).isZero();
		}
	}

	@Test
	void endingOneSessionTellsOnlyTheAppsSignedInToThroughIt() throws Exception {
		try (LogoutReceiver app = new LogoutReceiver()) {
			List<String> received = app.received();
			backChannelApp("app-one", app, false);
			backChannelApp("app-two", app, false);
			// one person on two browsers: the first signs in to app-one, the second to app-two
			WebClient first = registeredCitizen();
			WebClient second = new WebClient(this.mvc, this.json);
			second.post("/api/v1/login/password", Map.of("identifier", TestPersons.WANG_ID, "password",
					TestCitizens.PASSWORD)).andExpect(status().isOk());
			// app-one's code is granted in the first browser; the second is used after that, so it
			// is the person's most recently used session when the code is exchanged
			String verifier = "verifier-app-one-" + "q".repeat(40);
			String code = code(first.get(authorizeUrl("app-one", challenge(verifier), "openid", null))
				.andExpect(status().is3xxRedirection())
				.andReturn());
			this.clock.advance(java.time.Duration.ofSeconds(1));
			second.get("/api/v1/account").andExpect(status().isOk());
			Map<String, Object> appOne = claims(JsonPath.read(tokens("app-one", code, verifier), "$.id_token"));
			Map<String, Object> appTwo = signInTo(second, "app-two");
			assertThat(appOne.get("sid")).isNotNull().isNotEqualTo(appTwo.get("sid"));
			// the first browser signs in again (its session gets a new id); app-one still belongs to it
			this.clock.advance(java.time.Duration.ofMinutes(1)); // the registration's code was just sent
			first.post("/api/v1/login/sms-code", Map.of("identifier", TestPersons.WANG_ID))
				.andExpect(status().isAccepted());
			first.post("/api/v1/login/sms", Map.of("identifier", TestPersons.WANG_ID, "code",
					first.latestCode("19912345678"))).andExpect(status().isOk());

			first.post("/api/v1/logout", Map.of()).andExpect(status().isNoContent());

			// app-one's tokens are revoked and it hears of it, under the sid its ID token had
			assertThat(signedInApps()).containsExactly("app-two");
			awaitSize(received, 1);
			assertThat(received.get(0)).startsWith("/bc/app-one ");
			assertThat(logoutToken(received.get(0))).containsEntry("sid", appOne.get("sid"));
			// the second browser ends from a third: now app-two hears of it
			WebClient third = new WebClient(this.mvc, this.json);
			third.post("/api/v1/login/password", Map.of("identifier", TestPersons.WANG_ID, "password",
					TestCitizens.PASSWORD)).andExpect(status().isOk());
			// the account's list names each session by its sid, the name app-two's ID token gave it
			third.get("/api/v1/account/sessions")
				.andExpect(jsonPath("$[?(@.id == '" + appTwo.get("sid") + "')].current").value(false));
			third.delete("/api/v1/account/sessions/" + appTwo.get("sid")).andExpect(status().isNoContent());
			assertThat(signedInApps()).isEmpty();
			awaitSize(received, 2);
			assertThat(received.get(1)).startsWith("/bc/app-two ");
			assertThat(logoutToken(received.get(1))).containsEntry("sid", appTwo.get("sid"));
		}
	}

	@Test
	void someoneElseSigningInOnTheSameBrowserEndsTheFirstPersonsSession() throws Exception {
		try (LogoutReceiver app = new LogoutReceiver()) {
			List<String> received = app.received();
			backChannelApp("app-one", app, false);
			WebClient browser = registeredCitizen();
			Map<String, Object> wang = signInTo(browser, "app-one");
			importedAndSignedInWithPassword(); // 李雷, with an account of his own
			browser.post("/api/v1/login/password", Map.of("identifier", TestPersons.LI_ID, "password",
					TestCitizens.PASSWORD)).andExpect(status().isOk());

			assertThat(signedInApps()).isEmpty();
			awaitSize(received, 1);
			assertThat(logoutToken(received.get(0))).containsEntry("sid", wang.get("sid"))
				.containsEntry("sub", wang.get("sub"));
		}
	}

	@Test
	void anIdTokenFromBeforeAStepUpStillSignsTheBrowserOut() throws Exception {
		publicClient("tax-app", "LOA1");
		WebClient citizen = registeredCitizen();
		String verifier = "verifier-" + "s".repeat(40);
		String code = code(citizen.get(authorizeUrl("tax-app", challenge(verifier), "openid", null))
			.andExpect(status().is3xxRedirection())
			.andReturn());
		String idToken = JsonPath.read(tokens("tax-app", code, verifier), "$.id_token");
		// the person signs in again in the same browser: the session gets a new id
		this.clock.advance(java.time.Duration.ofMinutes(1));
		citizen.post("/api/v1/login/sms-code", Map.of("identifier", TestPersons.WANG_ID)).andExpect(status().isAccepted());
		citizen.post("/api/v1/login/sms", Map.of("identifier", TestPersons.WANG_ID, "code",
				citizen.latestCode("19912345678"))).andExpect(status().isOk());
		// an ID token issued now says when the SMS code was proven, a minute after the password
		String laterVerifier = "verifier-" + "t".repeat(40);
		String laterCode = code(citizen.get(authorizeUrl("tax-app", challenge(laterVerifier), "openid", null))
			.andExpect(status().is3xxRedirection())
			.andReturn());
		Map<String, Object> later = claims(JsonPath.read(tokens("tax-app", laterCode, laterVerifier), "$.id_token"));
		assertThat(later).containsEntry("amr", List.of("sms"));
		assertThat(((Number) later.get("auth_time")).longValue())
			.isEqualTo(((Number) claims(idToken).get("auth_time")).longValue() + 60);

		// the token in another browser of the same person is refused: not that session's
		WebClient other = registeredCitizenAgain();
		other.get("/connect/logout?id_token_hint=" + idToken).andExpect(status().isBadRequest());
		other.get("/api/v1/account").andExpect(status().isOk());

		MvcResult logout = citizen.get("/connect/logout?id_token_hint=" + idToken + "&post_logout_redirect_uri="
				+ URLEncoder.encode("http://localhost:9000/", StandardCharsets.UTF_8) + "&state=bye")
			.andReturn();
		assertThat(logout.getResponse().getRedirectedUrl()).isEqualTo("http://localhost:9000/?state=bye");
		citizen.get("/api/v1/account").andExpect(status().isUnauthorized());
		assertThat(signedInApps()).isEmpty();
	}

	private WebClient registeredCitizenAgain() throws Exception {
		WebClient browser = new WebClient(this.mvc, this.json);
		browser.post("/api/v1/login/password", Map.of("identifier", TestPersons.WANG_ID, "password",
				TestCitizens.PASSWORD)).andExpect(status().isOk());
		return browser;
	}

	@Test
	void signingOutEndsAnAppsSignInWithoutOpenIdToo() throws Exception {
		publicClient("tax-app", "LOA1");
		WebClient citizen = registeredCitizen();
		String verifier = "verifier-" + "p".repeat(40);
		// plain OAuth2 (no openid scope): an access token, no ID token
		String code = code(citizen.get(authorizeUrl("tax-app", challenge(verifier), "profile", null))
			.andExpect(status().is3xxRedirection())
			.andReturn());
		assertThat(tokens("tax-app", code, verifier)).contains("access_token").doesNotContain("id_token");
		assertThat(signedInApps()).containsExactly("tax-app");

		citizen.post("/api/v1/logout", Map.of()).andExpect(status().isNoContent());

		assertThat(signedInApps()).isEmpty();
	}

	@Test
	void aSessionThatTimesOutTellsItsApps() throws Exception {
		try (LogoutReceiver app = new LogoutReceiver()) {
			List<String> received = app.received();
			backChannelApp("app-one", app, false);
			WebClient citizen = registeredCitizen();
			Map<String, Object> idToken = signInTo(citizen, "app-one");
			WebClient other = registeredCitizenAgain(); // another session of the person, still in use
			// the first session's time runs out (Spring Session's clock: the row says when)
			this.jdbc.sql("UPDATE spring_session SET expiry_time = 0 WHERE session_id IN (:ids)")
				.param("ids", this.jdbc.sql("SELECT session_id FROM spring_session WHERE principal_name IS NOT NULL")
					.query(String.class)
					.list()
					.stream()
					.filter((id) -> SessionIds.sid(id.trim()).equals(idToken.get("sid")))
					.toList())
				.update();

			this.expiredSessions.endExpired();

			assertThat(signedInApps()).isEmpty();
			awaitSize(received, 1);
			assertThat(logoutToken(received.get(0))).containsEntry("sid", idToken.get("sid"));
			citizen.get("/api/v1/account").andExpect(status().isUnauthorized());
			other.get("/api/v1/account").andExpect(status().isOk());
		}
	}

	@Test
	void aSessionUsedAgainAfterItTimedOutStillTellsItsApps() throws Exception {
		try (LogoutReceiver app = new LogoutReceiver()) {
			List<String> received = app.received();
			backChannelApp("app-one", app, false);
			WebClient citizen = registeredCitizen();
			Map<String, Object> idToken = signInTo(citizen, "app-one");
			// timed out, as both the row and Spring Session's own reckoning say
			this.jdbc.sql("UPDATE spring_session SET expiry_time = 0, last_access_time = 0 WHERE principal_name IS NOT NULL")
				.update();

			// the browser comes back before the minute's job: it is signed out, as it should be,
			// and the session is left for the job (Spring Session deleted it there, silently)
			citizen.get("/api/v1/account").andExpect(status().isUnauthorized());
			assertThat(this.jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name IS NOT NULL")
				.query(Long.class)
				.single()).isOne();

			this.expiredSessions.endExpired();

			assertThat(signedInApps()).isEmpty();
			awaitSize(received, 1);
			assertThat(logoutToken(received.get(0))).containsEntry("sid", idToken.get("sid"));
		}
	}

	@Test
	void aRequestWaitingForConsentGoesWithItsSession() throws Exception {
		consentClient("social-app", false);
		WebClient citizen = registeredCitizen();
		consentPage(citizen.get(authorizeUrl("social-app", challenge("w".repeat(50)), "openid profile", null)));
		assertThat(signedInApps()).containsExactly("social-app"); // the request, waiting for an answer

		citizen.post("/api/v1/logout", Map.of()).andExpect(status().isNoContent());

		assertThat(signedInApps()).isEmpty();
	}

	@Test
	void appsHearOfAnOperatorsDeactivationOnlyOnceItHasCommitted() throws Exception {
		java.util.concurrent.CountDownLatch appAnswers = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch appCalled = new java.util.concurrent.CountDownLatch(1);
		List<Long> authorizationsWhenCalled = new java.util.concurrent.CopyOnWriteArrayList<>();
		com.sun.net.httpserver.HttpServer app = com.sun.net.httpserver.HttpServer
			.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
		app.createContext("/", (exchange) -> {
			// what every other connection sees at this moment: the sign-out has committed
			authorizationsWhenCalled
				.add(this.jdbc.sql("SELECT count(*) FROM oauth2_authorization").query(Long.class).single());
			appCalled.countDown();
			try {
				appAnswers.await(30, java.util.concurrent.TimeUnit.SECONDS); // a slow app
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		app.start();
		try {
			this.clients.register(new RegisterClientCommand("slow-app", "slow-app", "部门", null, List.of(REDIRECT),
					List.of(), List.of("openid"), false, false, "loa1", false, false,
					"http://localhost:" + app.getAddress().getPort() + "/bc"));
			signInTo(registeredCitizen(), "slow-app");
			UUID admin = this.jdbc.sql("SELECT id FROM idn_staff WHERE login_name = 'admin'").query(UUID.class).single();

			// one transaction that holds the counter ledger's and the audit trail's locks; the app
			// holds the logout token's request until the test ends
			this.importer.deactivate(admin, TestPersons.WANG_ID, "本人申请注销");

			assertThat(appCalled.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
			assertThat(authorizationsWhenCalled).containsExactly(0L);
		}
		finally {
			appAnswers.countDown();
			app.stop(0);
		}
	}

	@Test
	void authorizationWithoutPkceOrWithAnUnregisteredRedirectIsRefused() throws Exception {
		publicClient("tax-app", "LOA1");
		WebClient citizen = registeredCitizen();
		// nothing goes to an address the app has not registered: the person gets the reason
		citizen.get("/oauth2/authorize?response_type=code&client_id=tax-app&scope=openid&redirect_uri="
				+ URLEncoder.encode("http://localhost:9000/elsewhere", StandardCharsets.UTF_8))
			.andExpect(status().isBadRequest())
			.andExpect(request().attribute(ProblemWriter.ERROR_CODE_ATTRIBUTE, SsoError.AUTHORIZE_REDIRECT_URI));
		citizen.get("/oauth2/authorize?response_type=code&client_id=no-such-app&scope=openid&redirect_uri="
				+ URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8))
			.andExpect(status().isBadRequest())
			.andExpect(request().attribute(ProblemWriter.ERROR_CODE_ATTRIBUTE, SsoError.AUTHORIZE_UNKNOWN_APP));
		MvcResult noPkce = citizen.get("/oauth2/authorize?response_type=code&client_id=tax-app&scope=openid&state=s"
				+ "&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8))
			.andReturn();
		assertThat(noPkce.getResponse().getRedirectedUrl()).startsWith(REDIRECT)
			.contains("error=invalid_request")
			.contains("state=s");
	}

	@Test
	void appsAskingForAHigherLevelSendThePersonToTheSmsLoginOrToTheCounter() throws Exception {
		publicClient("tax-app", "LOA1");
		WebClient citizen = importedAndSignedInWithPassword();
		String verifier = "verifier-" + "y".repeat(40);
		MvcResult stepUp = citizen.get(authorizeUrl("tax-app", challenge(verifier), "openid", "urn:govtrust:loa:2"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(stepUp.getResponse().getRedirectedUrl()).startsWith("/login/sms?stepUp=LOA2&next=");
		// the page says why, and still does once the code is sent
		String next = nextOf(stepUp.getResponse().getRedirectedUrl(), "/login/sms?stepUp=LOA2&next=");
		assertThat(citizen.getPage(stepUp.getResponse().getRedirectedUrl()).andReturn().getResponse().getContentAsString())
			.contains("id=\"step-up\"")
			.doesNotContain("id=\"sign-in-again\"");
		assertThat(citizen
			.postText("/login/sms/code", MediaType.APPLICATION_FORM_URLENCODED_VALUE,
					"identifier=13912340001&stepUp=LOA2&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("id=\"step-up\"")
			.contains("<input type=\"hidden\" name=\"stepUp\" value=\"LOA2\">")
			.doesNotContain("id=\"sign-in-again\"");
		citizen.get(authorizeUrl("tax-app", challenge(verifier), "openid", "loa3"))
			.andExpect(status().isForbidden());
	}

	@Test
	void aLevelAskedForInAFormPostIsEnforcedAsInAGet() throws Exception {
		publicClient("tax-app", "LOA1");
		WebClient citizen = importedAndSignedInWithPassword();
		String verifier = "verifier-" + "p".repeat(40);
		String query = authorizeUrl("tax-app", challenge(verifier), "openid", "urn:govtrust:loa:2")
			.substring("/oauth2/authorize?".length());
		MvcResult stepUp = citizen.postText("/oauth2/authorize", MediaType.APPLICATION_FORM_URLENCODED_VALUE, query)
			.andExpect(status().is3xxRedirection())
			.andReturn();
		// the SMS sign-in goes on with the same request, as a GET
		String next = nextOf(stepUp.getResponse().getRedirectedUrl(), "/login/sms?stepUp=LOA2&next=");
		assertThat(next).startsWith("/oauth2/authorize?response_type=code&client_id=tax-app&")
			.contains("acr_values=urn%3Agovtrust%3Aloa%3A2")
			.contains("code_challenge=" + challenge(verifier));
		citizen.postText("/oauth2/authorize", MediaType.APPLICATION_FORM_URLENCODED_VALUE,
				query.replace("urn%3Agovtrust%3Aloa%3A2", "loa3"))
			.andExpect(status().isForbidden())
			.andExpect(request().attribute(ProblemWriter.ERROR_CODE_ATTRIBUTE, SsoError.LEVEL_UNREACHABLE));
		// without a session the sign-in page is a redirect for a POST, and it keeps the request
		MvcResult anonymous = new WebClient(this.mvc, this.json)
			.postText("/oauth2/authorize", MediaType.APPLICATION_FORM_URLENCODED_VALUE, query)
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(nextOf(anonymous.getResponse().getRedirectedUrl(), "/login?next="))
			.startsWith("/oauth2/authorize?response_type=code&client_id=tax-app&")
			.contains("code_challenge=" + challenge(verifier));
	}

	@Test
	void promptNoneAnswersTheAppWhereThePersonWouldHaveToSignIn() throws Exception {
		publicClient("tax-app", "LOA1");
		String verifier = "verifier-" + "n".repeat(40);
		String silent = authorizeUrl("tax-app", challenge(verifier), "openid", null) + "&prompt=none";
		// no session: no page, the app hears it (a GET and a form POST alike)
		WebClient stranger = new WebClient(this.mvc, this.json);
		assertThat(stranger.get(silent).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl())
			.startsWith(REDIRECT + "?error=login_required&")
			.contains("state=st-1");
		assertThat(stranger
			.postText("/oauth2/authorize", MediaType.APPLICATION_FORM_URLENCODED_VALUE,
					silent.substring("/oauth2/authorize?".length()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).startsWith(REDIRECT + "?error=login_required&");
		// a session: the code, without a page; an app that asks first and was not allowed yet hears that
		WebClient citizen = registeredCitizen();
		code(citizen.get(silent).andExpect(status().is3xxRedirection()).andReturn());
		consentClient("social-app", false);
		assertThat(citizen.get(authorizeUrl("social-app", challenge(verifier), "openid profile", null) + "&prompt=none")
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).startsWith(REDIRECT + "?error=consent_required&");
		// a session older than the app accepts, or below the level it asks for: the app hears it
		this.clock.advance(Duration.ofHours(1));
		assertThat(citizen.get(silent + "&max_age=600").andReturn().getResponse().getRedirectedUrl())
			.startsWith(REDIRECT + "?error=login_required&")
			.contains("max_age");
		WebClient passwordOnly = importedAndSignedInWithPassword();
		assertThat(passwordOnly.get(silent + "&acr_values=loa2").andReturn().getResponse().getRedirectedUrl())
			.startsWith(REDIRECT + "?error=login_required&")
			.contains("loa%3A2");
		// a level no sign-in reaches (the counter)
		assertThat(passwordOnly.get(silent + "&acr_values=loa3").andReturn().getResponse().getRedirectedUrl())
			.startsWith(REDIRECT + "?error=unmet_authentication_requirements&");
	}

	@Test
	void aSignInNowForALevelThatOnlyTheSmsCodeReachesGoesStraightToTheSmsSignIn() throws Exception {
		publicClient("tax-app", "LOA2");
		WebClient citizen = importedAndSignedInWithPassword(); // real name not verified: a password gives LOA1
		this.clock.advance(Duration.ofMinutes(2)); // a code a minute to a phone; activation sent one
		citizen.post("/api/v1/login/sms-code", Map.of("identifier", TestPersons.LI_ID)).andExpect(status().isAccepted());
		citizen.post("/api/v1/login/sms", Map.of("identifier", TestPersons.LI_ID, "code", citizen.latestCode("13912340001")))
			.andExpect(status().isOk());
		String authorize = authorizeUrl("tax-app", challenge("verifier-" + "m".repeat(40)), "openid", null);
		code(citizen.get(authorize).andExpect(status().is3xxRedirection()).andReturn()); // LOA2 by the SMS code
		// a password sign-in now would fall below the app's level: the SMS-code sign-in, once
		assertThat(nextOf(citizen.get(authorize + "&prompt=login").andReturn().getResponse().getRedirectedUrl(),
				"/login/sms?stepUp=LOA2&next=")).isEqualTo(authorize);
		// a real name verified online reaches it with a password: the sign-in page
		WebClient verified = registeredCitizen();
		assertThat(nextOf(verified.get(authorize + "&prompt=login").andReturn().getResponse().getRedirectedUrl(),
				"/login?again=1&next=")).isEqualTo(authorize);
	}

	@Test
	void aClerksSessionIsNoSignInToApps() throws Exception {
		publicClient("tax-app", "LOA1");
		WebClient staff = signInAdmin();
		String authorize = authorizeUrl("tax-app", challenge("verifier-" + "s".repeat(40)), "openid", null);
		assertThat(nextOf(staff.get(authorize).andExpect(status().is3xxRedirection()).andReturn().getResponse()
			.getRedirectedUrl(), "/login?next=")).isEqualTo(authorize);
		assertThat(staff.get(authorize + "&prompt=none").andReturn().getResponse().getRedirectedUrl())
			.startsWith(REDIRECT + "?error=login_required&");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM oauth2_authorization").query(Integer.class).single()).isZero();
	}

	@Test
	void promptLoginOrAnOlderSignInThanMaxAgeAsksForASignInNowThatGoesOnWithTheRequest() throws Exception {
		publicClient("tax-app", "LOA1");
		WebClient citizen = registeredCitizen();
		String verifier = "verifier-" + "l".repeat(40);
		String authorize = authorizeUrl("tax-app", challenge(verifier), "openid", null);
		// signed in a moment ago: max_age is met, the code comes at once (sent empty, it is not sent)
		code(citizen.get(authorize + "&max_age=3600").andExpect(status().is3xxRedirection()).andReturn());
		code(citizen.get(authorize + "&max_age=").andExpect(status().is3xxRedirection()).andReturn());
		// max_age=0 is prompt=login
		assertThat(nextOf(citizen.get(authorize + "&max_age=0").andReturn().getResponse().getRedirectedUrl(),
				"/login?again=1&next=")).isEqualTo(authorize);
		// without a session the sign-in page answers, and its sign-in goes on without them too
		assertThat(nextOf(new WebClient(this.mvc, this.json).get(authorize + "&prompt=login&max_age=60")
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getForwardedUrl(), "/login?next=")).isEqualTo(authorize);

		this.clock.advance(Duration.ofMinutes(90));
		for (String asked : List.of("&prompt=login", "&max_age=3600", "&prompt=select_account")) {
			String next = nextOf(citizen.get(authorize + asked)
				.andExpect(status().is3xxRedirection())
				.andReturn()
				.getResponse()
				.getRedirectedUrl(), "/login?again=1&next=");
			// the sign-in goes on with the same request, less what it satisfies
			assertThat(next).as(asked).isEqualTo(authorize);
		}
		String next = nextOf(citizen.get(authorize + "&prompt=login").andReturn().getResponse().getRedirectedUrl(),
				"/login?again=1&next=");
		// the page says why a signed-in person is asked to sign in, and its form carries it on
		assertThat(citizen.getPage("/login?again=1&lang=en&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("id=\"sign-in-again\"")
			.contains("sign in once more now")
			.contains("<input type=\"hidden\" name=\"again\" value=\"1\">");
		MvcResult signedIn = citizen
			.postText("/login", MediaType.APPLICATION_FORM_URLENCODED_VALUE,
					"identifier=" + TestPersons.WANG_ID + "&password="
							+ URLEncoder.encode(TestCitizens.PASSWORD, StandardCharsets.UTF_8) + "&next="
							+ URLEncoder.encode(next, StandardCharsets.UTF_8))
			.andReturn();
		// answered in place by the authorization endpoint (the forward itself: SignInAtTheAuthorizationEndpointTests)
		assertThat(signedIn.getResponse().getForwardedUrl()).startsWith("/oauth2/authorize?response_type=code&client_id=tax-app&")
			.doesNotContain("prompt");
		String code = code(citizen.get(next).andExpect(status().is3xxRedirection()).andReturn());
		// auth_time is the new sign-in's
		Map<String, Object> idToken = claims(JsonPath.read(tokens("tax-app", code, verifier), "$.id_token"));
		assertThat(((Number) idToken.get("auth_time")).longValue())
			.isEqualTo(MutableClock.START.plus(Duration.ofMinutes(90)).getEpochSecond());

		// max_age that is not a number of seconds: the app hears it
		assertThat(citizen.get(authorize + "&max_age=-5").andReturn().getResponse().getRedirectedUrl())
			.startsWith(REDIRECT + "?error=invalid_request&")
			.contains("max_age");
	}

	@Test
	void confidentialBackEndGetsClientCredentialsTokens() throws Exception {
		ClientView client = this.clients.register(new RegisterClientCommand("tax-backend", "税务后台", "税务局", null,
				List.of("https://tax.example.gov.cn/callback"), List.of(), List.of("openid"), true, false, "loa1", false,
				false, null));
		assertThat(client.clientSecret()).hasSizeGreaterThan(30);
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString(("tax-backend:" + client.clientSecret()).getBytes(StandardCharsets.UTF_8));
		String token = clientCredentialsToken(basic);
		// introspection (RFC 7662) and revocation (RFC 7009)
		this.mvc.perform(post("/oauth2/introspect").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("Authorization", basic)
			.param("token", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.active").value(true))
			.andExpect(jsonPath("$.client_id").value("tax-backend"));
		// the token is found through the index of token hashes (a primary-key lookup), not by a
		// scan of the token columns: without its index row it is unknown
		String hash = java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		String indexed = this.jdbc.sql("SELECT authorization_id FROM sso_token_index WHERE token_hash = :hash")
			.param("hash", hash)
			.query(String.class)
			.single();
		assertThat(this.jdbc.sql("SELECT count(*) FROM oauth2_authorization WHERE id = :id")
			.param("id", indexed)
			.query(Long.class)
			.single()).isOne();
		this.jdbc.sql("UPDATE sso_token_index SET token_hash = :other WHERE token_hash = :hash")
			.param("other", "0".repeat(64))
			.param("hash", hash)
			.update();
		this.mvc.perform(post("/oauth2/introspect").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("Authorization", basic)
			.param("token", token))
			.andExpect(jsonPath("$.active").value(false));
		this.jdbc.sql("UPDATE sso_token_index SET token_hash = :hash WHERE token_hash = :other")
			.param("other", "0".repeat(64))
			.param("hash", hash)
			.update();
		this.mvc.perform(post("/oauth2/revoke").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("Authorization", basic)
			.param("token", token))
			.andExpect(status().isOk());
		this.mvc.perform(post("/oauth2/introspect").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("Authorization", basic)
			.param("token", token))
			.andExpect(jsonPath("$.active").value(false));
		this.mvc.perform(post("/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("grant_type", "client_credentials")
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString("tax-backend:wrong".getBytes(StandardCharsets.UTF_8))))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.error").value("invalid_client"));
	}

	@Test
	void administratorRegistersAppsAndBadInputIsExplained() throws Exception {
		WebClient admin = signInAdmin();
		admin.post("/api/v1/staff/admin/clients", Map.of("clientId", "Bad Id", "name", "", "redirectUris",
				List.of("http://example.com/cb#frag"), "scopes", List.of("openid", "email")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field=='clientId')].code").value("SSO-1001"))
			.andExpect(jsonPath("$.errors[?(@.field=='name')].code").value("SSO-1004"))
			.andExpect(jsonPath("$.errors[?(@.field=='redirectUris')].code").value("SSO-1002"))
			.andExpect(jsonPath("$.errors[?(@.field=='scopes')].code").value("SSO-1003"));
		admin.post("/api/v1/staff/admin/clients", Map.of("clientId", "social-app", "name", "社保查询", "department",
				"人社局", "redirectUris", List.of(REDIRECT), "scopes", List.of("openid", "profile"), "requiredLevel",
				"loa2"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.requiredLevel").value("LOA2"))
			.andExpect(jsonPath("$.clientSecret").doesNotExist());
		admin.get("/api/v1/staff/admin/clients").andExpect(jsonPath("$[0].clientId").value("social-app"));
	}

	@Test
	void loginPageShowsWhichAppIsAsking() throws Exception {
		publicClient("tax-app", "LOA1");
		String next = authorizeUrl("tax-app", challenge("v".repeat(50)), "openid", null) + "&login_hint=13912340001";
		String page = this.mvc.perform(get(URI.create("/login?lang=zh-CN&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("电子税务局");
		// the identifier the app suggests is filled in; one that cannot be an identifier is not
		assertThat(page).contains("name=\"identifier\" type=\"text\" value=\"13912340001\"");
		assertThat(this.mvc.perform(get(URI.create("/login/sms?next=" + URLEncoder.encode(
				next.replace("13912340001", "x".repeat(65)), StandardCharsets.UTF_8))))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("电子税务局").contains("name=\"identifier\" type=\"text\" value=\"\"");
		// the language switch keeps the app (and where to go after signing in)
		Matcher link = Pattern.compile("id=\"lang-switch\" href=\"([^\"]+)\"").matcher(page);
		assertThat(link.find()).isTrue();
		String english = HtmlUtils.htmlUnescape(link.group(1));
		assertThat(english).startsWith("/login?next=").endsWith("&lang=en").doesNotContain("zh-CN");
		assertThat(this.mvc.perform(get(URI.create(english))).andReturn().getResponse().getContentAsString())
			.contains("电子税务局")
			.contains("Sign in");
	}

	@Test
	void theLanguageAnAppAsksForIsThePagesUntilThePersonChoosesOne() throws Exception {
		publicClient("tax-app", "LOA1");
		String page = "/login?next=" + URLEncoder.encode(
				authorizeUrl("tax-app", challenge("v".repeat(50)), "openid", null) + "&ui_locales=fr%20en-US",
				StandardCharsets.UTF_8);
		// no choice yet: the first language of the app's these pages have (a '+' is a space, as in any query),
		// for this page: nothing is kept, the next app decides again
		MvcResult english = this.mvc.perform(get(URI.create(page))).andExpect(status().isOk()).andReturn();
		assertThat(english.getResponse().getContentAsString()).contains("Sign in");
		assertThat(english.getResponse().getCookie("govtrust_lang")).isNull();
		assertThat(this.mvc.perform(get(URI.create(page.replace("%2520", "%2B"))))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Sign in");
		// other pages keep the person's language (here the default)
		assertThat(this.mvc.perform(get(URI.create("/register?ui_locales=en"))).andReturn().getResponse().getContentAsString())
			.doesNotContain("Register with your real name");
		// the person's own choice wins: a switch on the page, or one made before
		assertThat(this.mvc.perform(get(URI.create(page + "&lang=zh-CN"))).andReturn().getResponse().getContentAsString())
			.doesNotContain("Sign in");
		assertThat(this.mvc.perform(get(URI.create(page)).cookie(new Cookie("govtrust_lang", "zh-CN")))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("Sign in");
		// none of them here: Chinese
		assertThat(this.mvc.perform(get(URI.create(page.replace("%2520en-US", ""))))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("Sign in");
	}

	@Test
	void anAppThatAsksFirstShowsTheConsentPageAndGetsOnlyTheScopesThePersonAllowed() throws Exception {
		consentClient("social-app", false);
		WebClient citizen = registeredCitizen();
		String verifier = "verifier-" + "c".repeat(40);
		String consentPage = consentPage(citizen.get(
				authorizeUrl("social-app", challenge(verifier), "openid profile phone realname", null)));
		assertThat(consentPage).contains("client_id=social-app").contains("state=");

		String page = citizen.get(consentPage)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("社会保险查询")
			.contains("人力资源和社会保障局")
			.contains("当前登录账号：王*明")
			.contains("您在本平台的用户标识")
			.contains("您的姓名（部分隐藏")
			.contains("您的手机号（部分隐藏")
			.contains("您的完整姓名、身份证号和实名核验等级")
			.contains("只获得部分隐藏的身份证号")
			.doesNotContain("完整的 18 位身份证号")
			.contains("name=\"_csrf\"")
			.contains("id=\"consent-allow\"")
			.contains("id=\"consent-cancel\"");
		// openid is part of every answer, not a box to untick; the others are
		assertThat(page).contains("<input type=\"hidden\" name=\"scope\" value=\"openid\">")
			.doesNotContain("id=\"choose-openid\"")
			.contains("id=\"choose-profile\"")
			.contains("id=\"choose-phone\"")
			.contains("id=\"choose-realname\"");
		// the language switch reloads the same request
		assertThat(page).containsPattern("id=\"lang-switch\" href=\"/oauth2/consent\\?client_id=social-app&amp;[^\"]*state=[^\"]+lang=en\"");
		assertThat(citizen.get(consentPage + "&lang=en").andReturn().getResponse().getContentAsString())
			.contains("Your mobile number, partly hidden")
			.contains(">Allow<")
			.contains(">Cancel<");

		// the phone left unticked
		MvcResult answered = answer(citizen, "social-app", formState(page), "openid", "profile", "realname")
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String tokens = tokens("social-app", code(answered), verifier);
		assertThat(Set.of(JsonPath.<String>read(tokens, "$.scope").split(" "))).containsExactlyInAnyOrder("openid",
				"profile", "realname");
		Map<String, Object> idToken = claims(JsonPath.read(tokens, "$.id_token"));
		assertThat(idToken).containsEntry("name", "王小明")
			.containsEntry("id_number", "1101**********1233")
			.doesNotContainKey("phone_number");
		assertThat(claims(JsonPath.read(tokens, "$.access_token")).get("scope")).asString()
			.contains("profile")
			.doesNotContain("phone");
		assertThat(this.jdbc.sql("SELECT authorities FROM oauth2_authorization_consent").query(String.class).single())
			.contains("SCOPE_profile")
			.contains("SCOPE_realname")
			.doesNotContain("SCOPE_phone");
	}

	@Test
	void theConsentPageSaysWhenTheAppReceivesTheFullIdNumber() throws Exception {
		consentClient("housing-app", true);
		WebClient citizen = registeredCitizen();
		String verifier = "verifier-" + "f".repeat(40);
		String page = citizen.get(consentPage(citizen.get(
				authorizeUrl("housing-app", challenge(verifier), "openid realname", null))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("完整的 18 位身份证号").doesNotContain("只获得部分隐藏的身份证号");
		String tokens = tokens("housing-app",
				code(answer(citizen, "housing-app", formState(page), "openid", "realname").andReturn()), verifier);
		assertThat(claims(JsonPath.read(tokens, "$.id_token"))).containsEntry("id_number", TestPersons.WANG_ID);
	}

	@Test
	void cancelSendsThePersonBackToTheAppWithAccessDenied() throws Exception {
		consentClient("social-app", false);
		WebClient citizen = registeredCitizen();
		String consentPage = consentPage(citizen.get(
				authorizeUrl("social-app", challenge("v".repeat(50)), "openid profile", null)));
		String page = citizen.get(consentPage).andReturn().getResponse().getContentAsString();
		String location = answer(citizen, "social-app", formState(page))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith(REDIRECT).contains("error=access_denied").contains("state=st-1")
			.doesNotContain("code=");
		assertThat(this.jdbc.sql("SELECT count(*) FROM oauth2_authorization").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM oauth2_authorization_consent").query(Long.class).single())
			.isZero();
		// the answered request is gone: the page explains instead of asking again
		citizen.get(consentPage)
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("SSO-1005")));
	}

	@Test
	void cancelIsDeniedEvenWhenTheAppWasGrantedScopesEarlierAndKeepsThoseGrants() throws Exception {
		consentClient("social-app", false);
		WebClient citizen = registeredCitizen();
		String first = citizen.get(consentPage(citizen.get(
				authorizeUrl("social-app", challenge("v".repeat(50)), "openid profile", null))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		code(answer(citizen, "social-app", formState(first), "openid", "profile").andReturn());

		// now the app asks for more: what was granted shows as granted, only the phone is asked
		String page = citizen.get(consentPage(citizen.get(
				authorizeUrl("social-app", challenge("w".repeat(50)), "openid profile phone", null))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("此前已同意").doesNotContain("id=\"choose-profile\"").contains("id=\"choose-phone\"");
		String location = answer(citizen, "social-app", formState(page))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith(REDIRECT).contains("error=access_denied").doesNotContain("code=");
		assertThat(this.jdbc.sql("SELECT authorities FROM oauth2_authorization_consent").query(String.class).single())
			.contains("SCOPE_profile")
			.doesNotContain("SCOPE_phone");
	}

	@Test
	void aSecondAuthorizationForScopesAlreadyAllowedDoesNotAskAgain() throws Exception {
		consentClient("social-app", false);
		WebClient citizen = registeredCitizen();
		String page = citizen.get(consentPage(citizen.get(
				authorizeUrl("social-app", challenge("v".repeat(50)), "openid profile phone", null))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		code(answer(citizen, "social-app", formState(page), "openid", "profile", "phone").andReturn());

		String verifier = "verifier-" + "s".repeat(40);
		for (String scope : List.of("openid profile phone", "openid phone")) {
			MvcResult again = citizen.get(authorizeUrl("social-app", challenge(verifier), scope, null))
				.andExpect(status().is3xxRedirection())
				.andReturn();
			assertThat(again.getResponse().getRedirectedUrl()).doesNotContain("/oauth2/consent");
			code(again);
		}
		String tokens = tokens("social-app", code(citizen.get(
				authorizeUrl("social-app", challenge(verifier), "openid profile phone", null)).andReturn()), verifier);
		assertThat(claims(JsonPath.read(tokens, "$.id_token"))).containsEntry("name", "王*明")
			.containsEntry("phone_number", "199****5678");
	}

	@Test
	void preApprovedAppsNeverShowTheConsentPage() throws Exception {
		publicClient("tax-app", "LOA1");
		WebClient citizen = registeredCitizen();
		MvcResult result = citizen.get(authorizeUrl("tax-app", challenge("v".repeat(50)), "openid profile realname", null))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("/oauth2/consent");
		code(result);
		assertThat(this.jdbc.sql("SELECT count(*) FROM oauth2_authorization_consent").query(Long.class).single())
			.isZero();
	}

	@Test
	void theConsentPageWithoutARequestWaitingForThisPersonExplainsWhatToDo() throws Exception {
		consentClient("social-app", false);
		publicClient("tax-app", "LOA1");
		WebClient citizen = registeredCitizen();
		String consentPage = consentPage(citizen.get(
				authorizeUrl("social-app", challenge("v".repeat(50)), "openid profile", null)));
		String state = consentPage.replaceAll(".*[?&]state=([^&]+).*", "$1");
		for (String wrong : List.of("/oauth2/consent?client_id=no-such-app&scope=openid%20profile&state=" + state,
				"/oauth2/consent?client_id=social-app&scope=openid%20profile",
				"/oauth2/consent?client_id=tax-app&scope=openid%20profile&state=" + state,
				"/oauth2/consent?client_id=social-app&scope=openid%20profile&state=" + state + "x")) {
			citizen.get(wrong)
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("SSO-1005")))
				.andExpect(content().string(containsString("请回到您要使用的应用，重新点击登录")));
		}
		// someone else's request is not theirs to answer
		WebClient other = TestCitizens.registeredAndSignedIn(this.mvc, this.json, TestPersons.aygul("19912345679"),
				"19912345679");
		other.get(consentPage).andExpect(status().isBadRequest());
		// without a session: sign in first, then back to the page
		MvcResult anonymous = new WebClient(this.mvc, this.json).get(consentPage)
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(anonymous.getResponse().getRedirectedUrl()).startsWith("/login?next=")
			.contains(URLEncoder.encode("/oauth2/consent?client_id=social-app", StandardCharsets.UTF_8));
		citizen.get(consentPage).andExpect(status().isOk());
	}

	// --- helpers ---

	/** The signed-in citizen goes to a public app, which exchanges its code for tokens. */
	/** Signs a citizen in to an app; answers the app's ID token's claims. */
	private Map<String, Object> signInTo(WebClient citizen, String clientId) throws Exception {
		String verifier = "verifier-" + clientId + "-" + "q".repeat(40);
		String code = code(citizen.get(authorizeUrl(clientId, challenge(verifier), "openid", null))
			.andExpect(status().is3xxRedirection())
			.andReturn());
		return claims(JsonPath.read(tokens(clientId, code, verifier), "$.id_token"));
	}

	/** The apps a person is still signed in to, by client id. */
	private List<String> signedInApps() {
		return this.jdbc.sql("""
				SELECT c.client_id FROM oauth2_authorization a JOIN oauth2_registered_client c
				ON c.id = a.registered_client_id ORDER BY c.client_id""").query(String.class).list();
	}

	/** Registers an app whose back-channel logout URI is {@code /bc/<clientId>} on the receiver. */
	private void backChannelApp(String clientId, LogoutReceiver receiver, boolean pairwise) {
		this.clients.register(new RegisterClientCommand(clientId, clientId, "部门", null, List.of(REDIRECT), List.of(),
				List.of("openid"), false, false, "loa1", pairwise, false,
				"http://localhost:" + receiver.port() + "/bc/" + clientId));
	}

	/** Relying apps' back-channel logout endpoints on a port of their own: what they receive, as "path body". */
	private static final class LogoutReceiver implements AutoCloseable {

		private final List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();

		private final com.sun.net.httpserver.HttpServer server;

		LogoutReceiver() throws java.io.IOException {
			this.server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
			this.server.createContext("/", (exchange) -> {
				this.received.add(exchange.getRequestURI().getPath() + " "
						+ new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
				exchange.sendResponseHeaders(200, -1);
				exchange.close();
			});
			this.server.start();
		}

		List<String> received() {
			return this.received;
		}

		int port() {
			return this.server.getAddress().getPort();
		}

		@Override
		public void close() {
			this.server.stop(0);
		}

	}

	/** The logout token in what an app received. */
	private Map<String, Object> logoutToken(String message) {
		return claims(java.net.URLDecoder.decode(message.substring(message.indexOf("logout_token=") + 13),
				StandardCharsets.UTF_8));
	}

	private static void awaitSize(List<String> received, int size) throws InterruptedException {
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
		while (received.size() < size && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(received).hasSize(size);
	}

	/** An app's own access token (client credentials), authenticated with {@code basic}. */
	private String clientCredentialsToken(String basic) throws Exception {
		return JsonPath.read(this.mvc.perform(post("/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("grant_type", "client_credentials")
			.header("Authorization", basic))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.access_token");
	}

	/** A confidential web app ("tax-web", openid profile) that signed a registered citizen in. */
	private record WebAppTokens(String basic, String tokens, String verifier) {
	}

	private WebAppTokens webAppSignIn(boolean pairwise) throws Exception {
		ClientView web = this.clients.register(new RegisterClientCommand("tax-web", "电子税务局网页版", "税务局", null,
				List.of(REDIRECT), List.of(), List.of("openid", "profile"), true, false, "loa1", pairwise, false, null));
		WebClient citizen = registeredCitizen();
		String verifier = "verifier-" + "z".repeat(40);
		String code = code(citizen.get(authorizeUrl("tax-web", challenge(verifier), "openid profile", null))
			.andExpect(status().is3xxRedirection())
			.andReturn());
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString(("tax-web:" + web.clientSecret()).getBytes(StandardCharsets.UTF_8));
		String tokens = this.mvc.perform(post("/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("Authorization", basic)
			.param("grant_type", "authorization_code")
			.param("code", code)
			.param("redirect_uri", REDIRECT)
			.param("code_verifier", verifier))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return new WebAppTokens(basic, tokens, verifier);
	}

	private void publicClient(String clientId, String level) {
		this.clients.register(new RegisterClientCommand(clientId, "电子税务局", "税务局", null, List.of(REDIRECT),
				List.of("http://localhost:9000/"), List.of("openid", "profile", "realname"), false, false, level, false,
				false, null));
	}

	private void consentClient(String clientId, boolean fullIdNumber) {
		this.clients.register(new RegisterClientCommand(clientId, "社会保险查询", "人力资源和社会保障局", null,
				List.of(REDIRECT), List.of(), List.of("openid", "profile", "phone", "realname"), false, true, "loa1",
				false, fullIdNumber, null));
	}

	/** Where the authorization endpoint sent the person to consent. */
	private static String consentPage(ResultActions authorization) throws Exception {
		String location = authorization.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("http://localhost/oauth2/consent?");
		return location.substring("http://localhost".length());
	}

	/** The state the consent page's form posts back. */
	private static String formState(String page) {
		Matcher state = Pattern.compile("name=\"state\" value=\"([^\"]+)\"").matcher(page);
		assertThat(state.find()).as("state in the consent form").isTrue();
		return state.group(1);
	}

	/** The consent form's answer, as the browser posts it: no scope at all is Cancel. */
	private static ResultActions answer(WebClient citizen, String clientId, String state, String... scopes)
			throws Exception {
		StringBuilder body = new StringBuilder("client_id=").append(clientId)
			.append("&state=")
			.append(URLEncoder.encode(state, StandardCharsets.UTF_8));
		for (String scope : scopes) {
			body.append("&scope=").append(scope);
		}
		return citizen.postText("/oauth2/authorize", MediaType.APPLICATION_FORM_URLENCODED_VALUE, body.toString());
	}

	private String tokens(String clientId, String code, String verifier) throws Exception {
		return this.mvc.perform(post("/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("grant_type", "authorization_code")
			.param("code", code)
			.param("redirect_uri", REDIRECT)
			.param("client_id", clientId)
			.param("code_verifier", verifier))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static String authorizeUrl(String clientId, String challenge, String scope, String acrValues) {
		return "/oauth2/authorize?response_type=code&client_id=" + clientId + "&scope="
				+ URLEncoder.encode(scope, StandardCharsets.UTF_8).replace("+", "%20") + "&state=st-1&nonce=n-1&redirect_uri="
				+ URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8) + "&code_challenge=" + challenge
				+ "&code_challenge_method=S256" + (acrValues == null ? ""
						: "&acr_values=" + URLEncoder.encode(acrValues, StandardCharsets.UTF_8).replace("+", "%20"));
	}

	/** The {@code next} of a redirect to a sign-in page, decoded. */
	private static String nextOf(String location, String page) {
		assertThat(location).startsWith(page);
		return URLDecoder.decode(location.substring(page.length()), StandardCharsets.UTF_8);
	}

	private static String challenge(String verifier) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
	}

	private static String code(MvcResult result) {
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).startsWith(REDIRECT).contains("state=st-1");
		return location.replaceAll(".*[?&]code=([^&]+).*", "$1");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> claims(String jwt) {
		String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
		return this.json.readValue(payload, Map.class);
	}

	private WebClient registeredCitizen() throws Exception {
		return TestCitizens.registeredAndSignedIn(this.mvc, this.json, TestPersons.wang("19912345678"), "19912345678");
	}

	private WebClient importedAndSignedInWithPassword() throws Exception {
		UUID admin = this.jdbc.sql("SELECT id FROM idn_staff WHERE login_name = 'admin'")
			.query(UUID.class)
			.single();
		WebClient citizen = new WebClient(this.mvc, this.json);
		this.importer.importAccounts(admin, "name,idNumber,phone,status\n李雷," + TestPersons.LI_ID + ",13912340001,\n");
		citizen.post("/api/v1/activations/sms-code", Map.of("idNumber", TestPersons.LI_ID, "phone", "13912340001"));
		citizen.post("/api/v1/activations/completion", Map.of("idNumber", TestPersons.LI_ID, "code",
				citizen.latestCode("13912340001"), "password", "Spring-2026!ok"));
		WebClient passwordOnly = new WebClient(this.mvc, this.json);
		passwordOnly.post("/api/v1/login/password", Map.of("identifier", TestPersons.LI_ID, "password", "Spring-2026!ok"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.method").value("PASSWORD"));
		return passwordOnly;
	}

	private WebClient signInAdmin() throws Exception {
		WebClient staff = new WebClient(this.mvc, this.json);
		staff.post("/api/v1/staff/login/password", Map.of("loginName", "admin", "password", "Console-Pass-2026"))
			.andExpect(status().isAccepted());
		staff.post("/api/v1/staff/login/code", Map.of("code", staff.latestCode("13800000000")))
			.andExpect(status().isOk());
		return staff;
	}

}
