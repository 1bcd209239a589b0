package org.govtrust.shared.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The address of the page a request belongs to, as the browser wrote it (path and query, still
 * encoded): the request's own for a GET; for a form sent, the same-origin page it was sent from
 * (its Referer), since a form's own address takes no GET. Where to come back to after signing
 * in, and what the language switch reloads.
 */
public final class PageAddresses {

	private PageAddresses() {
	}

	/**
	 * @param request the request
	 * @return the page's address, or null (a form sent from another site, or with no Referer)
	 */
	public static @Nullable String of(HttpServletRequest request) {
		if ("GET".equals(request.getMethod())) {
			return request.getRequestURI() + ((request.getQueryString() != null) ? "?" + request.getQueryString() : "");
		}
		String referer = request.getHeader("Referer");
		if (referer == null) {
			return null;
		}
		try {
			URI page = URI.create(referer);
			if (page.getRawPath() == null || !request.getServerName().equals(page.getHost())) {
				return null;
			}
			return page.getRawPath() + ((page.getRawQuery() != null) ? "?" + page.getRawQuery() : "");
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * An address's query parameters, decoded as the container decodes a query ({@code +} a
	 * space; a name without a value has the empty value).
	 * @param address a path and query, encoded
	 * @return the parameters in their order, or null when the query cannot be read (a malformed
	 * %-escape)
	 */
	public static @Nullable Map<String, String[]> queryParameters(String address) {
		Map<String, String[]> parameters = new LinkedHashMap<>();
		try {
			UriComponentsBuilder.fromUriString(address).build().getQueryParams().forEach((name, values) -> parameters
				.put(decode(name), values.stream().map((value) -> (value != null) ? decode(value) : "").toArray(String[]::new)));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		return parameters;
	}

	/**
	 * A parameter of an address's query ({@link #queryParameters}), such as one of the
	 * authorization request a sign-in goes on to ({@code next}).
	 * @param address a path and query, encoded
	 * @param name the parameter
	 * @return its first value, or null when absent or unreadable
	 */
	public static @Nullable String queryParameter(String address, String name) {
		Map<String, String[]> parameters = queryParameters(address);
		String[] values = (parameters != null) ? parameters.get(name) : null;
		return (values != null) ? values[0] : null;
	}

	private static String decode(String encoded) {
		return UriUtils.decode(encoded.replace('+', ' '), StandardCharsets.UTF_8);
	}

}
