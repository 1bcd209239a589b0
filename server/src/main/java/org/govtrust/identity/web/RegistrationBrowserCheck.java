package org.govtrust.identity.web;

import java.time.Duration;
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
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.WebUtils;

/**
 * The pages of a registration ({@code /register/{id}/...}) answer only the browser that
 * started it: that browser keeps the registration's key in a cookie limited to the
 * registration's own path, and the registration stores the key's hash. Without it, the address
 * alone, left in the history of a shared computer (a service hall's terminal), would let the
 * next person set the password of someone who had just verified their face. The CTID return
 * checks it itself ({@link RegistrationController}): the CTID app may open it elsewhere.
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
		}).addPathPatterns("/register/*", "/register/*/**").excludePathPatterns("/register/*/ctid/return");
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

	private static @Nullable UUID registrationId(HttpServletRequest request) {
		String[] segments = request.getRequestURI().substring(request.getContextPath().length()).split("/");
		if (segments.length < 3) {
			return null;
		}
		try {
			return UUID.fromString(segments[2]);
		}
		catch (IllegalArgumentException ex) {
			return null; // not a registration's address: the page answers for itself
		}
	}

}
