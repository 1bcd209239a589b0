package org.govtrust.identity.web;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.govtrust.identity.RegistrationService;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.WebUtils;

/**
 * A registration started on the pages ({@code /register/{id}/...}) answers only the browser
 * that started it: that browser keeps the registration's key in a cookie limited to the
 * registration's own path, and the registration stores the key's hash. Without it, the address
 * alone, left in the history of a shared computer (a service hall's terminal), would let the
 * next person set the password of someone who had just verified their face. The JSON API
 * ({@code /api/v1/registrations/{id}/...}) never receives that cookie, so it refuses such a
 * registration altogether; one started through the API is not tied to a browser. The CTID
 * return checks it itself ({@link RegistrationController}): the CTID app may open it elsewhere.
 * The registration is the one the handler receives (the decoded path variable), not a segment
 * read from the raw address, which percent-encoding could disguise.
 */
@Configuration(proxyBeanMethods = false)
class RegistrationBrowserCheck implements WebMvcConfigurer {

	static final String COOKIE = "GT_REGISTRATION";

	private final RegistrationService registrations;

	RegistrationBrowserCheck(RegistrationService registrations) {
		this.registrations = registrations;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				UUID id = registrationId(request);
				if (id != null) {
					RegistrationBrowserCheck.this.registrations.ensureContinuedInItsBrowser(id, key(request));
				}
				return true;
			}
		})
			.addPathPatterns("/register/*", "/register/*/**", "/api/v1/registrations/*", "/api/v1/registrations/*/**")
			.excludePathPatterns("/register/*/ctid/return");
	}

	/**
	 * Gives the starting browser its key, for as long as the registration is kept.
	 * @param key the key
	 * @param id the registration
	 * @param ttl how long an unfinished registration is kept
	 */
	static void keep(String key, UUID id, Duration ttl, HttpServletRequest request, HttpServletResponse response) {
		ResponseCookie cookie = ResponseCookie.from(COOKIE, key)
			.path(request.getContextPath() + "/register/" + id)
			.maxAge(ttl)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax") // sent when the CTID provider sends the person back
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	/** The registration key this browser sent (the cookie of the registration's path), if any. */
	static @Nullable String key(HttpServletRequest request) {
		Cookie cookie = WebUtils.getCookie(request, COOKIE);
		return (cookie != null) ? cookie.getValue() : null;
	}

	/** The registration the handler is about to receive, decoded as it receives it. */
	private static @Nullable UUID registrationId(HttpServletRequest request) {
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (!(variables instanceof Map<?, ?> map) || !(map.get("id") instanceof String id)) {
			return null; // no registration in the address (the start page)
		}
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return null; // not an id: the handler refuses it before reading anything
		}
	}

}
