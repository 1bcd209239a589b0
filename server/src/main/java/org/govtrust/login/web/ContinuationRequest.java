package org.govtrust.login.web;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.govtrust.shared.web.PageAddresses;
import org.jspecify.annotations.Nullable;

/**
 * What a sign-in form's POST goes on to in place ({@link SignInSupport#goOn}): a GET with no
 * body, whose parameters are those of the address it goes on to and nothing else. The
 * container's forward would add the form's fields (the password among them) to them; they
 * never reach the request answered there.
 */
final class ContinuationRequest extends HttpServletRequestWrapper {

	private final Map<String, String[]> parameters;

	private ContinuationRequest(HttpServletRequest request, Map<String, String[]> parameters) {
		super(request);
		this.parameters = Collections.unmodifiableMap(parameters);
	}

	/**
	 * @param request the form's request
	 * @param address the address it goes on to (path and encoded query)
	 * @return the request, or {@code null} when the address's query cannot be read (a malformed
	 * %-escape): a redirect to it lets the address answer that itself
	 */
	static @Nullable ContinuationRequest of(HttpServletRequest request, String address) {
		Map<String, String[]> parameters = PageAddresses.queryParameters(address);
		return (parameters != null) ? new ContinuationRequest(request, parameters) : null;
	}

	@Override
	public String getMethod() {
		return "GET";
	}

	@Override
	public @Nullable String getParameter(String name) {
		String[] values = this.parameters.get(name);
		return (values != null) ? values[0] : null;
	}

	@Override
	public Map<String, String[]> getParameterMap() {
		return this.parameters;
	}

	@Override
	public Enumeration<String> getParameterNames() {
		return Collections.enumeration(this.parameters.keySet());
	}

	@Override
	public String @Nullable [] getParameterValues(String name) {
		String[] values = this.parameters.get(name);
		return (values != null) ? values.clone() : null;
	}

	@Override
	public @Nullable String getContentType() {
		return null;
	}

	@Override
	public int getContentLength() {
		return -1;
	}

	@Override
	public long getContentLengthLong() {
		return -1;
	}

}
