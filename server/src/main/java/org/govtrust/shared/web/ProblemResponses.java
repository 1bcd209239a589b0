package org.govtrust.shared.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.govtrust.shared.error.ErrorCode;
import org.govtrust.shared.error.ErrorMessages;
import org.govtrust.shared.error.InvalidInputException;
import org.govtrust.shared.error.TrustException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Builds RFC 9457 problem details from catalogue errors: {@code code}, the localized
 * {@code detail}, {@code traceId}, and {@code retryAfter} (seconds, also as the
 * {@code Retry-After} header) where waiting helps.
 */
@Component
public class ProblemResponses {

	private final ErrorMessages messages;

	public ProblemResponses(ErrorMessages messages) {
		this.messages = messages;
	}

	/**
	 * The response for an exception.
	 * @param ex the exception
	 * @param request the request
	 * @return the problem response
	 */
	public ResponseEntity<ProblemDetail> of(TrustException ex, HttpServletRequest request) {
		if (ex instanceof InvalidInputException invalid) {
			List<Map<String, Object>> errors = invalid.getProblems()
				.stream()
				.map((problem) -> Map.<String, Object>of("field", problem.field(), "code", problem.code().code(),
						"detail", this.messages.message(problem.code(), problem.arguments())))
				.toList();
			return of(ex.getErrorCode(), ex.getArguments(), null, null, Map.of("errors", errors), request);
		}
		return of(ex.getErrorCode(), ex.getArguments(), ex.getField(), ex.getRetryAfter(), ex.getProperties(), request);
	}

	/**
	 * The response for a code.
	 * @param code the code
	 * @param arguments the message arguments
	 * @param field the field at fault, if any
	 * @param retryAfter when to try again, if waiting helps
	 * @param properties extra properties
	 * @param request the request
	 * @return the problem response
	 */
	public ResponseEntity<ProblemDetail> of(ErrorCode code, Object[] arguments, @Nullable String field,
			@Nullable Duration retryAfter, Map<String, Object> properties, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatus(code.status());
		problem.setType(URI.create("urn:govtrust:error:" + code.code()));
		problem.setDetail(this.messages.message(code, arguments));
		problem.setProperty("code", code.code());
		if (field != null) {
			problem.setProperty("field", field);
		}
		properties.forEach(problem::setProperty);
		problem.setProperty("traceId", TraceIdFilter.traceId(request));
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(code.status())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (retryAfter != null) {
			long seconds = Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
			problem.setProperty("retryAfter", seconds);
			builder.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		}
		return builder.body(problem);
	}

}
