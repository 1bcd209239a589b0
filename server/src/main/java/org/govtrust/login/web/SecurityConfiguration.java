package org.govtrust.login.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.govtrust.login.LoginError;
import org.govtrust.shared.error.SharedError;
import org.govtrust.shared.web.BrowserPageSecurity;
import org.govtrust.shared.web.PageAddresses;
import org.govtrust.shared.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Who may open what. Two chains, each small and explicit:
 * <ul>
 * <li>{@code /staff/**} and {@code /api/v1/staff/**}: staff consoles, by role; sign-in at
 * {@code /staff/login} with password and SMS code.</li>
 * <li>everything else: {@code /account/**} and {@code /api/v1/account/**} need a signed-in
 * citizen; registration, activation, password reset and login are open.</li>
 * </ul>
 * Both: the pages' CSRF tokens and headers ({@link BrowserPageSecurity}), sessions in the
 * database. The anonymous step-by-step APIs (registration, activation, password reset, login)
 * carry no session authority and are exempt from CSRF.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String[] ANONYMOUS_APIS = { "/api/v1/registrations/**", "/api/v1/login/**", "/api/v1/ca/**", "/ca/**",
			"/api/v1/password-resets/**", "/api/v1/activations/**", "/api/v1/simulator/**", "/api/v1/staff/login/**" };

	/**
	 * Spring's firewall, with its character rules checked without regular expressions, and
	 * encoded slashes allowed in OCSP requests over GET only.
	 */
	@Bean
	WebSecurityCustomizer firewall() {
		OcspAwareFirewall firewall = new OcspAwareFirewall();
		return (web) -> web.httpFirewall(firewall);
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	@Bean
	@Order(1)
	SecurityFilterChain staffSecurityFilterChain(HttpSecurity http, ProblemWriter problems,
			SecurityContextRepository contexts) throws Exception {
		http.securityMatcher("/staff/**", "/api/v1/staff/**")
			.authorizeHttpRequests((authorize) -> authorize.requestMatchers("/staff/login", "/staff/login/**", "/api/v1/staff/login/**")
				.permitAll()
				.requestMatchers("/staff/admin/**", "/api/v1/staff/admin/**")
				.hasRole("ADMIN")
				.requestMatchers("/staff/counter/**", "/api/v1/staff/counter/**")
				.hasRole("CLERK")
				.requestMatchers("/staff/operator/**", "/api/v1/staff/operator/**")
				.hasRole("OPERATOR")
				.requestMatchers("/staff/ra/**", "/api/v1/staff/ra/**")
				.hasRole("RA_OFFICER")
				.requestMatchers("/staff/ledger/**", "/api/v1/staff/ledger/**")
				.hasAnyRole("AUDITOR", "ADMIN", "OPERATOR")
				.anyRequest()
				.hasAnyRole("CLERK", "OPERATOR", "ADMIN", "AUDITOR", "RA_OFFICER"));
		common(http, problems, contexts, "/staff/login");
		return http.build();
	}

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	SecurityFilterChain defaultSecurityFilterChain(HttpSecurity http, ProblemWriter problems,
			SecurityContextRepository contexts) throws Exception {
		http.authorizeHttpRequests((authorize) -> authorize.requestMatchers("/account/**", "/api/v1/account/**")
			.hasRole("CITIZEN")
			.requestMatchers("/enterprise/assistant")
			.permitAll()
			.requestMatchers("/enterprise/**", "/api/v1/enterprise/**")
			.hasAnyRole("CITIZEN", "ENTERPRISE")
			.anyRequest()
			.permitAll());
		common(http, problems, contexts, "/login");
		return http.build();
	}

	private static void common(HttpSecurity http, ProblemWriter problems, SecurityContextRepository contexts,
			String loginPage) throws Exception {
		BrowserPageSecurity.apply(http, (csrf) -> csrf.ignoringRequestMatchers(ANONYMOUS_APIS), true);
		http.securityContext((context) -> context.securityContextRepository(contexts))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint(problems, loginPage))
				.accessDeniedHandler(accessDenied(problems)))
			.requestCache((cache) -> cache.disable())
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable());
	}

	private static AuthenticationEntryPoint entryPoint(ProblemWriter problems, String loginPage) {
		return (request, response, ex) -> {
			if (ProblemWriter.isApi(request)) {
				problems.write(request, response, LoginError.SIGN_IN_REQUIRED, null);
				return;
			}
			// back to this page after signing in; after a form sent from a session that had ended,
			// to the page the form was on (the form's own address takes no GET)
			String target = PageAddresses.of(request);
			response.sendRedirect(request.getContextPath() + loginPage
					+ ((target != null) ? "?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8) : ""));
		};
	}

	private static AccessDeniedHandler accessDenied(ProblemWriter problems) {
		return (HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex) -> {
			Object code = (ex instanceof CsrfException) ? SharedError.FORM_EXPIRED : LoginError.FORBIDDEN;
			if (ProblemWriter.isApi(request)) {
				problems.write(request, response, (org.govtrust.shared.error.ErrorCode) code, null);
				return;
			}
			request.setAttribute(ProblemWriter.ERROR_CODE_ATTRIBUTE, code);
			sendError(response);
		};
	}

	private static void sendError(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_FORBIDDEN);
	}

}
