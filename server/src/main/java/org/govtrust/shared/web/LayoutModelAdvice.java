package org.govtrust.shared.web;

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
		String page = PageAddresses.of(request);
		return (page != null) ? withoutLanguage(page) : "/";
	}

	/** The address without a {@code lang} parameter (the switch adds its own). */
	private static String withoutLanguage(String address) {
		int question = address.indexOf('?');
		if (question < 0) {
			return address;
		}
		String path = address.substring(0, question);
		String kept = Arrays.stream(address.substring(question + 1).split("&"))
			.filter((parameter) -> !parameter.equals("lang") && !parameter.startsWith("lang="))
			.collect(Collectors.joining("&"));
		return kept.isEmpty() ? path : path + "?" + kept;
	}

}
