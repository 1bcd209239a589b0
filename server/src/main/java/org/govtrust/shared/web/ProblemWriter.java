package org.govtrust.shared.web;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.govtrust.shared.error.ErrorCode;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem-details answer directly to the response, for code that runs before
 * Spring MVC (filters, security entry points): the same body the controllers produce.
 */
@Component
public class ProblemWriter {

	/** Request attribute naming the catalogue code the error page should show. */
	public static final String ERROR_CODE_ATTRIBUTE = "govtrust.errorCode";

	private final ProblemResponses problems;

	private final JsonMapper json;

	public ProblemWriter(ProblemResponses problems, JsonMapper json) {
		this.problems = problems;
		this.json = json;
	}

	/**
	 * Whether a request is for the JSON API (otherwise it is for a page).
	 * @param request the request
	 * @return true under {@code /api/}
	 */
	public static boolean isApi(HttpServletRequest request) {
		return GlobalExceptionAdvice.isApi(request);
	}

	/**
	 * Writes the problem.
	 * @param request the request
	 * @param response the response
	 * @param code the code
	 * @param retryAfter when to retry, if waiting helps
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code,
			@Nullable Duration retryAfter) throws IOException {
		ProblemDetail problem = this.problems.of(code, new Object[0], null, retryAfter, Map.of(), request).getBody();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", String.valueOf(problem.getType()));
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		response.setStatus(code.status().value());
		if (retryAfter != null) {
			response.setHeader("Retry-After", String.valueOf(body.get("retryAfter")));
		}
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), body);
	}

}
