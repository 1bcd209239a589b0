package org.govtrust.sso.config;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.govtrust.identity.AccountService;
import org.govtrust.shared.security.SignedIn;
import org.govtrust.shared.web.ProblemWriter;
import org.govtrust.sso.AssuranceLevel;
import org.govtrust.sso.ClientService;
import org.govtrust.sso.ClientView;
import org.govtrust.sso.Levels;
import org.govtrust.sso.SsoError;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Enforces the level an app asks for ({@code acr_values}) or is registered with, before the
 * authorization endpoint answers: a person below it is sent to the SMS-code login (which
 * reaches LOA2) and comes back; a level that cannot be reached online (LOA3: counter) is
 * refused with the route to the counter. The app never has to check this itself.
 */
class StepUpFilter extends OncePerRequestFilter {

	private final ClientService clients;

	private final AccountService accounts;

	StepUpFilter(ClientService clients, AccountService accounts) {
		this.clients = clients;
		this.accounts = accounts;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) || !request.getRequestURI().endsWith("/oauth2/authorize");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String clientId = request.getParameter("client_id");
		if (authentication == null || !(authentication.getPrincipal() instanceof SignedIn who)
				|| who.kind() == SignedIn.Kind.STAFF || clientId == null) {
			chain.doFilter(request, response);
			return;
		}
		ClientView client = this.clients.find(clientId).orElse(null);
		if (client == null) {
			chain.doFilter(request, response);
			return;
		}
		AssuranceLevel required = client.requiredLevel();
		AssuranceLevel asked = AssuranceLevel.highest(request.getParameter("acr_values"));
		if (asked != null && asked.compareTo(required) > 0) {
			required = asked;
		}
		if (required == AssuranceLevel.LOA1) { // every signed-in person has it: no need to read the account
			chain.doFilter(request, response);
			return;
		}
		AssuranceLevel current = Levels.of(who,
				who.kind() == SignedIn.Kind.CITIZEN ? this.accounts.account(who.id()).realNameLevel() : null);
		if (current.compareTo(required) >= 0) {
			chain.doFilter(request, response);
			return;
		}
		if (required == AssuranceLevel.LOA2 && who.kind() == SignedIn.Kind.CITIZEN) {
			String target = request.getRequestURI() + "?" + request.getQueryString();
			response.sendRedirect(request.getContextPath() + "/login/sms?stepUp=LOA2&next="
					+ URLEncoder.encode(target, StandardCharsets.UTF_8));
			return;
		}
		request.setAttribute(ProblemWriter.ERROR_CODE_ATTRIBUTE, SsoError.LEVEL_UNREACHABLE);
		response.sendError(HttpServletResponse.SC_FORBIDDEN);
	}

}
