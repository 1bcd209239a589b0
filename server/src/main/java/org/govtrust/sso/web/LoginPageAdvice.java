package org.govtrust.sso.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.govtrust.sso.ClientService;
import org.govtrust.sso.ClientView;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Tells the login pages which government app is asking (name, department, logo) when the
 * person arrives from an authorization request, and whether the app asked for a stronger
 * sign-in. Reached directly, the pages simply sign the person in to their account.
 */
@ControllerAdvice(basePackages = "org.govtrust.login.web")
class LoginPageAdvice {

	private final ClientService clients;

	LoginPageAdvice(ClientService clients) {
		this.clients = clients;
	}

	@ModelAttribute("requestingApp")
	@Nullable
	ClientView requestingApp(HttpServletRequest request) {
		String next = request.getParameter("next");
		if (next == null || !next.startsWith("/oauth2/authorize?")) {
			return null;
		}
		try {
			String clientId = UriComponentsBuilder.fromUri(URI.create(next)).build().getQueryParams().getFirst("client_id");
			return clientId == null ? null : this.clients.find(clientId).orElse(null);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@ModelAttribute("stepUp")
	boolean stepUp(HttpServletRequest request) {
		return request.getParameter("stepUp") != null;
	}

}
