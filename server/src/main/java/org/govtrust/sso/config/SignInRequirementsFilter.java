package org.govtrust.sso.config;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.govtrust.identity.AccountService;
import org.govtrust.identity.RealNameLevel;
import org.govtrust.shared.security.SignedIn;
import org.govtrust.shared.web.ProblemWriter;
import org.govtrust.sso.AssuranceLevel;
import org.govtrust.sso.ClientService;
import org.govtrust.sso.ClientView;
import org.govtrust.sso.Levels;
import org.govtrust.sso.SsoError;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What an app's authorization request asks of the person's sign-in, enforced before the
 * authorization endpoint answers it (a GET or a form POST alike), so that no app has to check
 * it itself:
 * <ul>
 * <li><b>A level</b> ({@code acr_values}, or the level the app is registered with): a person
 * below it is sent to the SMS-code sign-in (which reaches LOA2) and comes back; a level that
 * cannot be reached online (LOA3: counter) is refused with the route to the counter.</li>
 * <li><b>A recent sign-in</b> (OpenID Connect Core 3.1.2.1): {@code prompt=login}, or more
 * than {@code max_age} seconds since the session's sign-in ({@code max_age=0}: always). The
 * person is sent to the sign-in page again, which says why. {@code prompt=select_account}
 * is answered the same way: a browser holds one person's session, and signing in is how
 * another one is chosen.</li>
 * <li><b>No page at all</b> ({@code prompt=none}): where the person would have to sign in (no
 * session, or one too old or below the level), the app hears {@code login_required} at its
 * redirect address instead; where no sign-in reaches the level (the counter, for a person),
 * {@code unmet_authentication_requirements}.</li>
 * <li><b>A clerk's session</b> (staff) is no sign-in to government apps: the sign-in page, or
 * {@code login_required}.</li>
 * </ul>
 * A sign-in these send the person to goes on with the request without {@code max_age} and
 * without {@code prompt}'s {@code login} and {@code select_account} ({@link #continuation}):
 * that sign-in is what they asked for, and asking again would send the person round in a
 * circle. The ID token's {@code auth_time} tells the app when it was.
 * <p>
 * Only a request the authorization server has validated (a known app, a registered redirect
 * address) is looked at: its own filter leaves it in the request's attributes, and only then
 * may anything be sent to the app's address. Everything else is the server's to refuse.
 */
final class SignInRequirementsFilter extends OncePerRequestFilter {

	/** Where the authorization server's validating filter leaves a valid authorization request. */
	static final String VALIDATED_REQUEST = OAuth2AuthorizationCodeRequestAuthenticationToken.class.getName();

	private static final String PROMPT = "prompt";

	private static final String MAX_AGE = "max_age";

	/** Not used here, and may carry personal claims: not copied into an address. */
	private static final String ID_TOKEN_HINT = "id_token_hint";

	/** {@code prompt}: no page may be shown. */
	private static final String NONE = "none";

	/** {@code prompt} values that a sign-in made now satisfies. */
	private static final Set<String> SIGN_IN_NOW = Set.of("login", "select_account");

	private static final String AUTH_ERROR_URI = "https://openid.net/specs/openid-connect-core-1_0.html#AuthError";

	private final ClientService clients;

	private final AccountService accounts;

	private final Clock clock;

	private final AuthorizationErrorResponses errors = new AuthorizationErrorResponses();

	SignInRequirementsFilter(ClientService clients, AccountService accounts, Clock clock) {
		this.clients = clients;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!(request.getAttribute(VALIDATED_REQUEST) instanceof OAuth2AuthorizationCodeRequestAuthenticationToken
				authorization)) {
			chain.doFilter(request, response);
			return;
		}
		boolean openId = authorization.getScopes().contains(OidcScopes.OPENID);
		Set<String> prompts = openId ? prompts(authorization) : Set.of();
		Long maxAge;
		try {
			maxAge = openId ? maxAge(authorization) : null;
		}
		catch (IllegalArgumentException ex) {
			refuse(OAuth2ErrorCodes.INVALID_REQUEST, "OpenID Connect 1.0 Authentication Request Parameter: max_age",
					authorization, request, response);
			return;
		}
		boolean silent = prompts.contains(NONE);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof SignedIn who)) {
			if (silent) {
				refuse("login_required", "OpenID Connect 1.0 Authentication Request Parameter: prompt", authorization,
						request, response);
				return;
			}
			chain.doFilter(request, response); // the entry point answers with the sign-in page
			return;
		}
		if (who.kind() == SignedIn.Kind.STAFF) {
			// a clerk's session is not a sign-in to government apps: a person or an enterprise signs in
			if (silent) {
				refuse("login_required", "A staff session does not sign in to apps", authorization, request, response);
				return;
			}
			response.sendRedirect(request.getContextPath() + "/login?next=" + encodedContinuation(request));
			return;
		}
		boolean signInNow = prompts.stream().anyMatch(SIGN_IN_NOW::contains) || (maxAge != null && (maxAge == 0
				|| Duration.between(who.authenticatedAt(), this.clock.instant()).compareTo(Duration.ofSeconds(maxAge)) > 0));
		AssuranceLevel required = required(authorization);
		RealNameLevel realName = (required != AssuranceLevel.LOA1 && who.kind() == SignedIn.Kind.CITIZEN)
				? this.accounts.account(who.id()).realNameLevel() : null;
		boolean below = required != AssuranceLevel.LOA1 && Levels.of(who, realName).compareTo(required) < 0;
		// the SMS code takes a person to LOA2, a USB key an enterprise to LOA4; the counter is no sign-in
		boolean reachableOnline = (who.kind() == SignedIn.Kind.CITIZEN) ? required == AssuranceLevel.LOA2
				: who.kind() == SignedIn.Kind.ENTERPRISE;
		boolean smsReaches = reachableOnline && who.kind() == SignedIn.Kind.CITIZEN;
		if (silent && below) {
			refuse(reachableOnline ? "login_required" : "unmet_authentication_requirements",
					"The app asks for " + required.uri() + " (acr_values or its registered level)", authorization,
					request, response);
			return;
		}
		if (silent && signInNow) {
			refuse("login_required", "OpenID Connect 1.0 Authentication Request Parameter: max_age", authorization,
					request, response);
			return;
		}
		// a sign-in now that a password would leave below the level (the real name alone does not
		// reach it) is the SMS code's, not a password and then the SMS code
		boolean passwordTooWeak = signInNow && smsReaches && Levels.ofPassword(realName).compareTo(required) < 0;
		if ((below || passwordTooWeak) && smsReaches) {
			// the SMS-code sign-in is a sign-in now as well
			response.sendRedirect(
					request.getContextPath() + "/login/sms?stepUp=LOA2&next=" + encodedContinuation(request));
			return;
		}
		if (below) {
			request.setAttribute(ProblemWriter.ERROR_CODE_ATTRIBUTE, SsoError.LEVEL_UNREACHABLE);
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
			return;
		}
		if (signInNow) {
			String page = (who.kind() == SignedIn.Kind.ENTERPRISE) ? "/login/certificate" : "/login";
			response.sendRedirect(request.getContextPath() + page + "?again=1&next=" + encodedContinuation(request));
			return;
		}
		chain.doFilter(request, response);
	}

	/** The level the app is registered with, or the higher one it asks for. */
	private AssuranceLevel required(OAuth2AuthorizationCodeRequestAuthenticationToken authorization) {
		ClientView client = this.clients.find(authorization.getClientId()).orElse(null);
		AssuranceLevel required = (client != null) ? client.requiredLevel() : AssuranceLevel.LOA1;
		AssuranceLevel asked = AssuranceLevel
			.highest((authorization.getAdditionalParameters().get("acr_values") instanceof String values) ? values : null);
		return (asked != null && asked.compareTo(required) > 0) ? asked : required;
	}

	private void refuse(String code, String description, OAuth2AuthorizationCodeRequestAuthenticationToken authorization,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.errors.onAuthenticationFailure(request, response, new OAuth2AuthorizationCodeRequestAuthenticationException(
				new OAuth2Error(code, description, AUTH_ERROR_URI), authorization));
	}

	private static Set<String> prompts(OAuth2AuthorizationCodeRequestAuthenticationToken authorization) {
		return (authorization.getAdditionalParameters().get(PROMPT) instanceof String prompt)
				? Set.copyOf(Arrays.asList(prompt.trim().split(" +"))) : Set.of();
	}

	/**
	 * {@code max_age}: whole seconds, 0 or more; sent empty, as if not sent (RFC 6749 3.1).
	 * @throws IllegalArgumentException for anything else
	 */
	private static @Nullable Long maxAge(OAuth2AuthorizationCodeRequestAuthenticationToken authorization) {
		Object value = authorization.getAdditionalParameters().get(MAX_AGE);
		if (value == null || "".equals(value)) {
			return null;
		}
		if (!(value instanceof String text) || !text.matches("[0-9]{1,10}")) {
			throw new IllegalArgumentException("max_age");
		}
		return Long.parseLong(text);
	}

	/**
	 * The authorization request as the GET that a sign-in for it goes on with: its parameters
	 * (a form POST's as well), without {@code max_age} and without {@code prompt}'s
	 * {@code login} and {@code select_account}, which that sign-in satisfies, and without
	 * {@code id_token_hint}, which GovTrust does not use here and which may hold personal claims
	 * that a form POST kept out of addresses, logs and the browser's history.
	 * @param request a validated authorization request
	 * @return the path and query, with the context path
	 */
	static String continuation(HttpServletRequest request) {
		StringBuilder target = new StringBuilder(request.getRequestURI());
		char separator = '?';
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			String name = parameter.getKey();
			if (MAX_AGE.equals(name) || ID_TOKEN_HINT.equals(name)) {
				continue;
			}
			for (String value : parameter.getValue()) {
				String kept = PROMPT.equals(name) ? Arrays.stream(value.split(" "))
					.filter((prompt) -> !prompt.isEmpty() && !SIGN_IN_NOW.contains(prompt))
					.collect(Collectors.joining(" ")) : value;
				if (PROMPT.equals(name) && kept.isEmpty()) {
					continue;
				}
				target.append(separator).append(encode(name)).append('=').append(encode(kept));
				separator = '&';
			}
		}
		return target.toString();
	}

	private static String encodedContinuation(HttpServletRequest request) {
		return URLEncoder.encode(continuation(request), StandardCharsets.UTF_8);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
