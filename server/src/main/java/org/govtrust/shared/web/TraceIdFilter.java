package org.govtrust.shared.web;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a trace id: in the logs (MDC {@code traceId}), in the
 * {@code X-Trace-Id} response header and in every error shown to the user, so support can
 * find a failure without asking for personal data.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TraceIdFilter extends OncePerRequestFilter {

	/** The request attribute and MDC key. */
	public static final String TRACE_ID = "traceId";

	private final SecureRandom random = new SecureRandom();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] bytes = new byte[8];
		this.random.nextBytes(bytes);
		String traceId = HexFormat.of().formatHex(bytes);
		request.setAttribute(TRACE_ID, traceId);
		response.setHeader("X-Trace-Id", traceId);
		MDC.put(TRACE_ID, traceId);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(TRACE_ID);
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return true;
	}

	/**
	 * The trace id of a request.
	 * @param request the request
	 * @return the id, or {@code "-"}
	 */
	public static String traceId(HttpServletRequest request) {
		Object id = request.getAttribute(TRACE_ID);
		return id != null ? id.toString() : "-";
	}

}
