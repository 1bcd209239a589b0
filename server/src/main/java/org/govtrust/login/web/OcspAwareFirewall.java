package org.govtrust.login.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring's strict firewall ({@link FirewallCharacters}), except for OCSP requests over GET:
 * their path is the base64 of the request with its slashes encoded as {@code %2F} (RFC 6960
 * A.1), which the strict firewall refuses. Those requests, and only those, go through a second
 * strict firewall that allows encoded slashes (and so the {@code %} they leave in the decoded
 * path); every other rule stays. Tomcat passes such slashes through still encoded
 * ({@code ca.config.CaConfiguration}), so they never change which path is asked for.
 */
final class OcspAwareFirewall implements HttpFirewall {

	/** Where OCSP requests over GET start ({@code ca.web.PkiPublicationController}). */
	private static final String OCSP_GET = "/ca/ocsp/";

	private final StrictHttpFirewall strict = FirewallCharacters.firewall();

	private final StrictHttpFirewall ocsp = FirewallCharacters.firewall();

	OcspAwareFirewall() {
		this.ocsp.setAllowUrlEncodedSlash(true);
		// Tomcat leaves %2F encoded in the decoded path too, where the strict firewall takes its
		// '%' for an encoded percent sign
		this.ocsp.setAllowUrlEncodedPercent(true);
		// a base64 may hold "//", which the request then carries as %2F%2F
		this.ocsp.setAllowUrlEncodedDoubleSlash(true);
	}

	@Override
	public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
		boolean ocspGet = ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
				&& request.getRequestURI().startsWith(request.getContextPath() + OCSP_GET);
		return (ocspGet ? this.ocsp : this.strict).getFirewalledRequest(request);
	}

	@Override
	public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
		return this.strict.getFirewalledResponse(response);
	}

}
