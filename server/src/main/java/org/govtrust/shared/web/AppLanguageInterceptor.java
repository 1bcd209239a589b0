package org.govtrust.shared.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.util.WebUtils;

/**
 * The language an app asks for the sign-in pages (OpenID Connect's {@code ui_locales}:
 * language tags in order of preference, on the authorization request, which those pages see
 * as their own parameter or inside {@code next}), for a person who has not chosen one here:
 * the first of them these pages have, for this page only. A person's own choice
 * ({@code ?lang=}, or the cookie it left) wins, and nothing is kept: the next app's request
 * decides again, and the pages after the sign-in (the consent page) follow the person's
 * choice or Chinese. Registered for the sign-in pages alone ({@link LocaleConfiguration}).
 */
final class AppLanguageInterceptor implements HandlerInterceptor {

	static final String UI_LOCALES = "ui_locales";

	private final String cookie;

	AppLanguageInterceptor(String cookie) {
		this.cookie = cookie;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (request.getParameter(LocaleConfiguration.LANGUAGE_PARAMETER) != null
				|| WebUtils.getCookie(request, this.cookie) != null) {
			return true;
		}
		String asked = asked(request);
		if (asked == null) {
			return true;
		}
		for (String tag : asked.strip().split(" +")) {
			Locale locale = Locale.forLanguageTag(tag);
			for (Locale page : LocaleConfiguration.SUPPORTED) {
				if (page.getLanguage().equals(locale.getLanguage())) {
					// the locale resolver's own per-request answer, without its cookie
					request.setAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME, page);
					return true;
				}
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
