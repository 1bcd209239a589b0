package org.govtrust.login.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.govtrust.login.ContinuedInPlace;
import org.govtrust.login.LoginService;
import org.govtrust.login.SessionService;
import org.govtrust.shared.security.SignedIn;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Puts a signed-in person into a fresh session (new session id against fixation), and
 * takes them out again.
 */
@Component
class SignInSupport {

	private final SecurityContextRepository contexts;

	private final SessionService sessions;

	private final List<ContinuedInPlace> continuedInPlace;

	SignInSupport(SecurityContextRepository contexts, SessionService sessions,
			ObjectProvider<ContinuedInPlace> continuedInPlace) {
		this.contexts = contexts;
		this.sessions = sessions;
		this.continuedInPlace = continuedInPlace.orderedStream().toList();
	}

	void signIn(SignedIn who, HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(true);
		Authentication before = SecurityContextHolder.getContext().getAuthentication();
		String previousId = session.getId();
		request.changeSessionId();
		if (before != null && before.getPrincipal() instanceof SignedIn was && was.getName().equals(who.getName())) {
			// signed in again (a step-up): the apps signed in to under the old id still belong to this session
			session.setAttribute(SessionService.EARLIER_IDS,
					SessionService.withEarlierId(session.getAttribute(SessionService.EARLIER_IDS), previousId));
		}
		else {
			Object earlierIds = session.getAttribute(SessionService.EARLIER_IDS);
			session.removeAttribute(SessionService.EARLIER_IDS);
			if (before != null && before.getPrincipal() instanceof SignedIn was) {
				// someone else signs in on this browser: the previous person's session ends here
				this.sessions.signedOut(was.getName(), previousId, earlierIds);
			}
		}
		List<GrantedAuthority> authorities = new ArrayList<>();
		if (who.kind() == SignedIn.Kind.CITIZEN) {
			authorities.add(new SimpleGrantedAuthority("ROLE_CITIZEN"));
		}
		else if (who.kind() == SignedIn.Kind.ENTERPRISE) {
			authorities.add(new SimpleGrantedAuthority("ROLE_ENTERPRISE"));
		}
		else {
			who.roleSet().forEach((role) -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
		}
		// the factor and when it was proven: tokens carry it as auth_time
		String factor = switch (who.method()) {
			case "PASSWORD" -> FactorGrantedAuthority.PASSWORD_AUTHORITY;
			case "CERTIFICATE", "SOFT_CERTIFICATE" -> FactorGrantedAuthority.X509_AUTHORITY;
			default -> FactorGrantedAuthority.OTT_AUTHORITY;
		};
		authorities.add(FactorGrantedAuthority.withAuthority(factor).issuedAt(who.authenticatedAt()).build());
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(who, null,
				authorities);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		LoginService.Client client = client(request);
		session.setAttribute(SessionService.USER_AGENT, client.userAgent());
		session.setAttribute(SessionService.ADDRESS, client.maskedAddress());
		session.removeAttribute(StaffLoginController.PENDING);
		session.removeAttribute(StaffLoginController.PENDING_AT);
	}

	void signOut(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		if (session == null) {
			SecurityContextHolder.clearContext();
			return;
		}
		String sessionId = session.getId();
		Object earlierIds = session.getAttribute(SessionService.EARLIER_IDS);
		session.invalidate();
		SecurityContextHolder.clearContext();
		if (authentication != null && authentication.getPrincipal() instanceof SignedIn who) {
			this.sessions.signedOut(who.getName(), sessionId, earlierIds);
		}
	}

	static LoginService.Client client(HttpServletRequest request) {
		String agent = request.getHeader("User-Agent");
		return new LoginService.Client(request.getRemoteAddr(), agent == null ? "" : agent);
	}

	/**
	 * Sends a browser that has just signed in on to {@code next} ({@link #safeNext}): within this
	 * response where a {@link ContinuedInPlace} says so, as the GET a redirect would have led to
	 * ({@link ContinuationRequest}), otherwise by a redirect.
	 * @param next the requested target
	 * @param fallback where to go otherwise
	 * @return the view to answer with, or {@code null} when this response has been answered
	 */
	@Nullable String goOn(@Nullable String next, String fallback, HttpServletRequest request,
			HttpServletResponse response) throws ServletException, IOException {
		String target = safeNext(next, fallback);
		String contextPath = request.getContextPath();
		if (target.startsWith(contextPath + "/")) {
			String inApplication = target.substring(contextPath.length());
			int query = inApplication.indexOf('?');
			String path = (query < 0) ? inApplication : inApplication.substring(0, query);
			ContinuationRequest continued = this.continuedInPlace.stream()
				.anyMatch((continuation) -> continuation.continuesInPlace(path))
						? ContinuationRequest.of(request, inApplication) : null;
			if (continued != null) {
				request.getRequestDispatcher(inApplication).forward(continued, response);
				return null;
			}
		}
		return "redirect:" + target;
	}

	/**
	 * Where to go after signing in: a local path only, never another site. No backslash, space
	 * or control character anywhere: browsers drop tabs and line breaks from an address and read
	 * a backslash as {@code /}, so {@code /<tab>/elsewhere} would become {@code //elsewhere}.
	 * @param next the requested target
	 * @param fallback where to go otherwise
	 * @return the target
	 */
	static String safeNext(@Nullable String next, String fallback) {
		if (next == null || !next.startsWith("/") || next.startsWith("//")) {
			return fallback;
		}
		for (int i = 0; i < next.length(); i++) {
			char c = next.charAt(i);
			if (c <= ' ' || c == '\\' || c == 0x7f) {
				return fallback;
			}
		}
		return next;
	}

}
