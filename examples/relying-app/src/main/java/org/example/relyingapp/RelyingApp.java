package org.example.relyingapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * A department's app: its home page is public, "/me" needs a GovTrust sign-in and shows
 * what GovTrust vouched for; logout ends the GovTrust session too (RP-initiated logout).
 */
@SpringBootApplication
@RestController
public class RelyingApp {

	public static void main(String[] args) {
		SpringApplication.run(RelyingApp.class, args);
	}

	@Bean
	SecurityFilterChain security(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
		OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
		logout.setPostLogoutRedirectUri("{baseUrl}/");
		http.authorizeHttpRequests((authorize) -> authorize.requestMatchers("/").permitAll().anyRequest().authenticated())
			.oauth2Login((login) -> login.defaultSuccessUrl("/me", true))
			.logout((out) -> out.logoutSuccessHandler(logout));
		return http.build();
	}

	@GetMapping("/")
	String home() {
		return page("<h1>示例政务应用 / Example government app</h1>"
				+ "<p><a id=\"sign-in\" href=\"/me\">使用 GovTrust 统一身份认证登录 / Sign in with GovTrust</a></p>");
	}

	@GetMapping("/me")
	String me(@AuthenticationPrincipal OidcUser user, CsrfToken csrf) {
		return page("<h1>已登录 / Signed in</h1><dl>" + row("sub", user.getSubject()) + row("name", user.getFullName())
				+ row("acr", user.getClaimAsString("acr")) + row("amr", String.valueOf(user.getClaimAsStringList("amr")))
				+ "</dl><form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"" + csrf.getParameterName()
				+ "\" value=\"" + csrf.getToken() + "\">"
				+ "<button id=\"sign-out\" type=\"submit\">退出 / Sign out</button></form>");
	}

	private static String row(String name, String value) {
		return "<dt>" + name + "</dt><dd id=\"claim-" + name + "\">" + HtmlUtils.htmlEscape(value == null ? "" : value)
				+ "</dd>";
	}

	private static String page(String body) {
		return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>Example app</title></head><body>"
				+ body + "</body></html>";
	}

}
