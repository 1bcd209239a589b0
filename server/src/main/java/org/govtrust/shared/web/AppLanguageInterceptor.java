package org.govtrust.shared.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.WebUtils;

/**
 * The language an app asks for the pages it sends a person to (OpenID Connect's
 * {@code ui_locales}: language tags in order of preference, on the authorization request,
 * which the sign-in pages see as their own parameter or inside {@code next}), for a person who
 * has not chosen one here: the first of them these pages have, kept like a choice of their
 * own, so the consent page and the pages after it follow. A person's own choice ({@code ?lang=},
 * or the cookie it left) always wins; the JSON APIs follow {@code Accept-Language} as before.
 */
final class AppLanguageInterceptor implements HandlerInterceptor {

	static final String UI_LOCALES = "ui_locales";

	private final LocaleResolver locales;

	private final String cookie;

	AppLanguageInterceptor(LocaleResolver locales, String cookie) {
		this.locales = locales;
		this.cookie = cookie;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (request.getParameter(LocaleConfiguration.LANGUAGE_PARAMETER) != null
				|| WebUtils.getCookie(request, this.cookie) != null || GlobalExceptionAdvice.isApi(request)) {
			return true;
		}
		String asked = asked(request);
		if (asked == null) {
			return true;
		}
		for (String tag : asked.strip().split(" +")) {
			Locale locale = Locale.forLanguageTag(tag);
			if (LocaleConfiguration.SUPPORTED.stream().anyMatch((page) -> page.getLanguage().equals(locale.getLanguage()))) {
				this.locales.setLocale(request, response, locale);
				break;
			}
		}
		return true;
	}

	/** {@code ui_locales} of this request, or of the address it goes on to ({@code next}). */
	private static @Nullable String asked(HttpServletRequest request) {
		String own = request.getParameter(UI_LOCALES);
		if (own != null) {
			return own;
		}
		String next = request.getParameter("next");
		if (next == null || !next.startsWith("/") || !next.contains(UI_LOCALES + "=")) {
			return null;
		}
		return PageAddresses.queryParameter(next, UI_LOCALES);
	}

}
