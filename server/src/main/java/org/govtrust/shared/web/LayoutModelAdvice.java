package org.govtrust.shared.web;

import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.govtrust.shared.security.SignedIn;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: the address the language switch links to, which is the
 * page itself with its query (an app's login page keeps the app it signs in to, and where to
 * go next). After a form post that is the page the form was on (from the same-origin
 * referrer), since the post address itself cannot be opened with GET.
 */
@ControllerAdvice
class LayoutModelAdvice {

	@ModelAttribute("me")
	@Nullable
	SignedIn me() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof SignedIn signedIn) ? signedIn : null;
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		if ("GET".equals(request.getMethod())) {
			return withoutLanguage(request.getRequestURI(), request.getQueryString());
		}
		String referer = request.getHeader("Referer");
		if (referer != null) {
			try {
				URI uri = URI.create(referer);
				if (uri.getRawPath() != null && request.getServerName().equals(uri.getHost())) {
					return withoutLanguage(uri.getRawPath(), uri.getRawQuery());
				}
			}
			catch (IllegalArgumentException ex) {
				// fall through to the home page
			}
		}
		return "/";
	}

	/** The path and its query, still encoded, without a {@code lang} parameter (the switch adds its own). */
	private static String withoutLanguage(String path, @Nullable String query) {
		if (query == null || query.isEmpty()) {
			return path;
		}
		String kept = Arrays.stream(query.split("&"))
			.filter((parameter) -> !parameter.equals("lang") && !parameter.startsWith("lang="))
			.collect(Collectors.joining("&"));
		return kept.isEmpty() ? path : path + "?" + kept;
	}

}
