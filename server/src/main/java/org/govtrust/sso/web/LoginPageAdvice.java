package org.govtrust.sso.web;

import jakarta.servlet.http.HttpServletRequest;

import org.govtrust.shared.web.PageAddresses;
import org.govtrust.sso.ClientService;
import org.govtrust.sso.ClientView;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the login pages which government app is asking (name, department, logo) when the
 * person arrives from an authorization request, and whether the app asked for a stronger
 * sign-in or for a sign-in now (sso.config.SignInRequirementsFilter). Reached directly, the
 * pages simply sign the person in to their account.
 */
@ControllerAdvice(basePackages = "org.govtrust.login.web")
class LoginPageAdvice {

	/** Longer than any ID number, phone or login name: not a hint to show. */
	private static final int LOGIN_HINT_MAX = 64;

	private final ClientService clients;

	private final String authorizationEndpoint;

	LoginPageAdvice(ClientService clients, AuthorizationServerSettings settings) {
		this.clients = clients;
		this.authorizationEndpoint = settings.getAuthorizationEndpoint();
	}

	@ModelAttribute("requestingApp")
	@Nullable
	ClientView requestingApp(HttpServletRequest request) {
		String clientId = appRequestParameter(request, "client_id");
		return clientId == null ? null : this.clients.find(clientId).orElse(null);
	}

	/**
	 * The identifier the app suggests ({@code login_hint}: it may know the person's phone or
	 * login name), to fill in the identifier field; the person can change it.
	 */
	@ModelAttribute("loginHint")
	@Nullable
	String loginHint(HttpServletRequest request) {
		String hint = appRequestParameter(request, "login_hint");
		return (hint != null && hint.length() <= LOGIN_HINT_MAX && hint.chars().noneMatch(Character::isISOControl))
				? hint.strip() : null;
	}

	@ModelAttribute("stepUp")
	boolean stepUp(HttpServletRequest request) {
		return request.getParameter("stepUp") != null;
	}

	/**
	 * An app asks someone already signed in to sign in now ({@code prompt=login}, or a
	 * {@code max_age} their sign-in is older than): the authorization server sends them here
	 * with {@code again}, which the pages' forms carry on.
	 */
	@ModelAttribute("signInAgain")
	boolean signInAgain(HttpServletRequest request) {
		return forAnApp(request) && request.getParameter("again") != null && request.getParameter("stepUp") == null;
	}

	/** A parameter of the authorization request the sign-in goes on to, decoded. */
	private @Nullable String appRequestParameter(HttpServletRequest request, String name) {
		String next = request.getParameter("next");
		return (next != null && forAnApp(request)) ? PageAddresses.queryParameter(next, name) : null;
	}

	/** Whether the sign-in goes on to an authorization request. */
	private boolean forAnApp(HttpServletRequest request) {
		String next = request.getParameter("next");
		return next != null && next.startsWith(request.getContextPath() + this.authorizationEndpoint + "?");
	}

}
