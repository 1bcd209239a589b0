package org.govtrust.shared.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.govtrust.shared.security.SignedIn;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: the path the language switch links to. After a form
 * post that is the page the form was on (from the same-origin referrer), since the post
 * address itself cannot be opened with GET.
 */
@ControllerAdvice
class LayoutModelAdvice {

	@ModelAttribute("me")
	@org.jspecify.annotations.Nullable
	SignedIn me() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof SignedIn signedIn) ? signedIn : null;
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		if ("GET".equals(request.getMethod())) {
			return request.getRequestURI();
		}
		String referer = request.getHeader("Referer");
		if (referer != null) {
			try {
				URI uri = URI.create(referer);
				if (uri.getPath() != null && request.getServerName().equals(uri.getHost())) {
					return uri.getPath();
				}
			}
			catch (IllegalArgumentException ex) {
				// fall through to the home page
			}
		}
		return "/";
	}

}
