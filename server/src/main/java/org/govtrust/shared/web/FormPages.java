package org.govtrust.shared.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The page a form's address belongs to. A form's address takes only its POST; opened with GET
 * (Enter in the address bar, a bookmark, a history entry) it leads to the nearest address above
 * it that a page answers with GET: {@code /register/{id}/identity/face} to
 * {@code /register/{id}/identity}, {@code /account/sessions/{id}/revoke} to {@code /account}.
 */
@Component
class FormPages {

	private final ObjectProvider<RequestMappingHandlerMapping> mappings;

	private volatile @Nullable List<PathPattern> pages;

	FormPages(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
		this.mappings = mappings;
	}

	/**
	 * @param path the form's address, within the application
	 * @return the page's address, or null when nothing above it is a page
	 */
	@Nullable String pageOf(String path) {
		List<PathPattern> patterns = pages();
		String above = path;
		while (above.length() > 1) {
			int slash = above.lastIndexOf('/');
			if (slash < 0) {
				return null;
			}
			above = (slash == 0) ? "/" : above.substring(0, slash);
			PathContainer candidate = PathContainer.parsePath(above);
			if (patterns.stream().anyMatch((pattern) -> pattern.matches(candidate))) {
				return above;
			}
		}
		return null;
	}

	private List<PathPattern> pages() {
		List<PathPattern> known = this.pages;
		if (known == null) {
			known = this.mappings.getObject()
				.getHandlerMethods()
				.keySet()
				.stream()
				.filter((info) -> info.getMethodsCondition().isEmpty()
						|| info.getMethodsCondition().getMethods().contains(RequestMethod.GET))
				.map((info) -> info.getPathPatternsCondition())
				.filter((condition) -> condition != null)
				.flatMap((PathPatternsRequestCondition condition) -> condition.getPatterns().stream())
				.filter((pattern) -> !pattern.getPatternString().startsWith("/api/")
						&& !pattern.getPatternString().equals("/error"))
				.toList();
			this.pages = known;
		}
		return known;
	}

}
