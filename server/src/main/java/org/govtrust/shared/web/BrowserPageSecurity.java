package org.govtrust.shared.web;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.util.StringUtils;

/**
 * The CSRF tokens and response headers of every security chain that can answer a browser with a
 * page: the login and staff chains, and the authorization server's, whose error pages (an
 * authorization request that cannot be answered to the app, a level that cannot be reached
 * online) are rendered on an error dispatch, which the filters of the chain the request
 * arrived through serve. One token store for all, so a form on any page (the layout's sign-out,
 * among others) is accepted by the chain it is sent to.
 * <ul>
 * <li>CSRF tokens in a cookie ({@code XSRF-TOKEN}, SameSite=Lax, readable by the pages' scripts);
 * forms carry the BREACH-masked token in a field, API clients echo the raw cookie value in
 * {@code X-XSRF-TOKEN} (the pattern Spring Security documents for JavaScript clients).</li>
 * <li>A strict Content-Security-Policy with no inline script, no framing, and a same-origin
 * referrer.</li>
 * </ul>
 */
public final class BrowserPageSecurity {

	/**
	 * No inline script; pages may call the key assistant on this computer's loopback address
	 * (any port: the port is the assistant's setting).
	 */
	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data: blob:; connect-src 'self' http://127.0.0.1:* http://localhost:*; object-src 'none'; "
			+ "base-uri 'self'; frame-ancestors 'none'";

	private BrowserPageSecurity() {
	}

	/**
	 * @param http the chain
	 * @param exempt the chain's requests that need no CSRF token (APIs called without a page)
	 * @param eagerToken whether every response makes sure the browser has the token cookie (for
	 * pages whose scripts read it), rather than only those that render a token
	 */
	public static void apply(HttpSecurity http, Customizer<CsrfConfigurer<HttpSecurity>> exempt, boolean eagerToken)
			throws Exception {
		CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
		csrfTokens.setCookieCustomizer((cookie) -> cookie.sameSite("Lax"));
		http.csrf((csrf) -> exempt.customize(csrf.csrfTokenRepository(csrfTokens)
			.csrfTokenRequestHandler(new FieldOrHeaderCsrfTokenRequestHandler(eagerToken))))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
	}

	/**
	 * Forms carry the BREACH-masked token in a field; API clients echo the raw cookie value in
	 * the {@code X-XSRF-TOKEN} header.
	 */
	static final class FieldOrHeaderCsrfTokenRequestHandler implements CsrfTokenRequestHandler {

		private final CsrfTokenRequestHandler plain = new CsrfTokenRequestAttributeHandler();

		private final CsrfTokenRequestHandler xor = new XorCsrfTokenRequestAttributeHandler();

		private final boolean eager;

		FieldOrHeaderCsrfTokenRequestHandler(boolean eager) {
			this.eager = eager;
		}

		@Override
		public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
			this.xor.handle(request, response, csrfToken);
			if (this.eager) {
				csrfToken.get();
			}
		}

		@Override
		public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
			String header = request.getHeader(csrfToken.getHeaderName());
			return StringUtils.hasText(header) ? this.plain.resolveCsrfTokenValue(request, csrfToken)
					: this.xor.resolveCsrfTokenValue(request, csrfToken);
		}

	}

}
