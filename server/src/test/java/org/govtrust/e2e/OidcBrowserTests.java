package org.govtrust.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import org.govtrust.identity.OperatorService;
import org.govtrust.sso.ClientService;
import org.govtrust.sso.RegisterClientCommand;
import org.govtrust.support.BrowserTest;
import org.govtrust.support.TestPersons;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A government app signs a citizen in through GovTrust in a real headless Chromium:
 * authorization code with PKCE through the real login page (which names the app), tokens
 * from the token endpoint, the app's higher level enforced by step-up to the SMS login,
 * RP-initiated logout, and the consent page of an app registered to ask first.
 */
class OidcBrowserTests extends BrowserTest {

	@Autowired
	ClientService clients;

	@Autowired
	OperatorService operators;

	@Test
	void appSignsACitizenInWithPkceThroughTheLoginPageAndOut() throws Exception {
		String redirect = "http://localhost:" + this.port + "/app-callback";
		this.clients.register(new RegisterClientCommand("tax-app", "电子税务局", "国家税务总局某省税务局", null,
				List.of(redirect), List.of("http://localhost:" + this.port + "/"), List.of("openid", "profile"), false,
				false, "loa1", false, false, null));
		importAndActivate();
		// a request that cannot be answered to the app: the reason, on GovTrust's own page
		this.page.open("/oauth2/authorize?response_type=code&client_id=tax-app&scope=openid&redirect_uri="
				+ URLEncoder.encode("http://localhost:9/elsewhere", StandardCharsets.UTF_8));
		assertThat(this.page.text("#error-code")).isEqualTo("SSO-1007");
		assertThat(this.page.text("#error-message")).contains("回调地址");
		this.page.open("/oauth2/authorize?response_type=code&client_id=no-such-app&scope=openid");
		assertThat(this.page.text("#error-code")).isEqualTo("SSO-1006");
		String verifier = "browser-verifier-" + "k".repeat(40);
		String challenge = Base64.getUrlEncoder().withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		this.page.open("/oauth2/authorize?response_type=code&client_id=tax-app&scope=openid%20profile&state=s-1"
				+ "&nonce=n-1&code_challenge=" + challenge + "&code_challenge_method=S256&redirect_uri="
				+ URLEncoder.encode(redirect, StandardCharsets.UTF_8));
		// the sign-in page answers at the authorization request's own address
		assertThat(this.page.url()).contains("/oauth2/authorize?");
		assertThat(this.page.text("#requesting-app")).contains("电子税务局").contains("国家税务总局某省税务局");
		this.page.fill("#identifier", TestPersons.WANG_ID);
		this.page.fill("#password", "Spring-2026!ok");
		this.page.submit("#login-submit");

		// this account is not real-name verified (migrated): password gives LOA1; the app
		// asking for loa2 sends the person to the SMS login and back
		assertThat(this.page.url()).startsWith(redirect).contains("state=s-1");
		this.page.open("/oauth2/authorize?response_type=code&client_id=tax-app&scope=openid&state=s-2&nonce=n-2"
				+ "&acr_values=loa2&code_challenge=" + challenge + "&code_challenge_method=S256&redirect_uri="
				+ URLEncoder.encode(redirect, StandardCharsets.UTF_8));
		assertThat(this.page.url()).contains("/login/sms?stepUp=LOA2");
		assertThat(this.page.text("#step-up")).contains("短信验证码");
		this.page.fill("#identifier", TestPersons.WANG_ID);
		this.page.submit("#sms-send");
		this.page.fill("#code", this.page.codeFromOutbox("13912340000"));
		this.page.submit("#sms-login");
		assertThat(this.page.url()).startsWith(redirect).contains("state=s-2");
		String code = this.page.url().replaceAll(".*[?&]code=([^&]+).*", "$1");

		HttpResponse<String> tokens = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/oauth2/token"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=tax-app&code=" + code
						+ "&code_verifier=" + verifier + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(tokens.statusCode()).isEqualTo(200);
		String idToken = JsonPath.read(tokens.body(), "$.id_token");
		String claims = new String(Base64.getUrlDecoder().decode(idToken.split("\\.")[1]), StandardCharsets.UTF_8);
		assertThat(claims).contains("\"acr\":\"urn:govtrust:loa:2\"").contains("\"amr\":[\"sms\"]");

		// RP-initiated logout ends the GovTrust session and returns to the app
		this.page.open("/connect/logout?id_token_hint=" + idToken + "&post_logout_redirect_uri="
				+ URLEncoder.encode("http://localhost:" + this.port + "/", StandardCharsets.UTF_8));
		this.page.open("/account");
		assertThat(this.page.url()).contains("/login?next=");
	}

	@Test
	void aCitizenAllowsAnAppThatAsksFirstOnTheConsentPage() throws Exception {
		String redirect = "http://localhost:" + this.port + "/app-callback";
		this.clients.register(new RegisterClientCommand("social-app", "社会保险查询", "人力资源和社会保障局", null,
				List.of(redirect), List.of(), List.of("openid", "profile", "phone"), false, true, "loa1", false, false,
				null));
		importAndActivate();
		String verifier = "browser-verifier-" + "m".repeat(40);
		String challenge = Base64.getUrlEncoder().withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		this.page.open("/oauth2/authorize?response_type=code&client_id=social-app&scope=openid%20profile%20phone"
				+ "&state=s-3&nonce=n-3&code_challenge=" + challenge + "&code_challenge_method=S256&redirect_uri="
				+ URLEncoder.encode(redirect, StandardCharsets.UTF_8));
		this.page.fill("#identifier", TestPersons.WANG_ID);
		this.page.fill("#password", "Spring-2026!ok");
		this.page.submit("#login-submit");

		// signed in, the app asks first: GovTrust's consent page names the app, the person and each scope
		assertThat(this.page.url()).contains("/oauth2/consent?");
		assertThat(this.page.text("#requesting-app")).contains("社会保险查询").contains("人力资源和社会保障局");
		assertThat(this.page.text("#signed-in-as")).contains("王*明");
		assertThat(this.page.text("#scope-openid")).contains("用户标识").contains("必需");
		assertThat(this.page.text("#scope-profile")).contains("姓名");
		assertThat(this.page.text("#scope-phone")).contains("手机号");
		this.page.screenshot("consent-page");
		this.page.click("#choose-phone");
		this.page.submit("#consent-allow");

		assertThat(this.page.url()).startsWith(redirect).contains("state=s-3").contains("code=");
		String code = this.page.url().replaceAll(".*[?&]code=([^&]+).*", "$1");
		HttpResponse<String> tokens = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/oauth2/token"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=social-app&code="
						+ code + "&code_verifier=" + verifier + "&redirect_uri="
						+ URLEncoder.encode(redirect, StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(tokens.statusCode()).isEqualTo(200);
		assertThat(List.of(JsonPath.<String>read(tokens.body(), "$.scope").split(" ")))
			.containsExactlyInAnyOrder("openid", "profile");
		String idToken = JsonPath.read(tokens.body(), "$.id_token");
		String claims = new String(Base64.getUrlDecoder().decode(idToken.split("\\.")[1]), StandardCharsets.UTF_8);
		assertThat(claims).contains("\"name\":\"王*明\"").doesNotContain("phone_number");
	}

	private void importAndActivate() throws Exception {
		java.util.UUID admin = this.jdbc.sql("SELECT id FROM idn_staff WHERE login_name = 'admin'")
			.query(java.util.UUID.class)
			.single();
		this.operators.importAccounts(admin, "name,idNumber,phone,status\n王小明," + TestPersons.WANG_ID + ",13912340000,\n");
		this.page.open("/activation");
		this.page.fill("#idNumber", TestPersons.WANG_ID);
		this.page.submit("#activation-id");
		this.page.fill("#phone", "13912340000");
		this.page.submit("#activation-send");
		this.page.fill("#code", this.page.codeFromOutbox("13912340000"));
		this.page.fill("#password", "Spring-2026!ok");
		this.page.submit("#activation-complete");
		this.page.submit("#nav-logout");
		this.clock.advance(java.time.Duration.ofMinutes(2));
	}

}
